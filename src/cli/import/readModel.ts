import fs from 'node:fs/promises';
import path from 'node:path';
import { readUserFile } from '../analyze';
import { CliError } from '../errors';
import { displayPath } from '../discover';
import type { ModelFile } from '../../core/interchange/samm';
import { yamlDocuments } from '../../core/interchange/yamlSource';

/** The folders of SAMM's model/ directory. */
const SAMM_FOLDERS = ['business_functions', 'security_practices', 'streams', 'maturity_levels', 'practice_levels', 'activities', 'questions', 'answer_sets'];

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** A path for messages: relative to the working directory inside it, absolute outside it. */
function shownPath(file: string, cwd: string): string {
  const relative = displayPath(file, cwd);
  return relative.startsWith('../') ? file : relative;
}

/**
 * The YAML files of a SAMM model checkout: DIR/model/ when it exists (the repository root was
 * given), else DIR itself; in it, the YAML files of its model folders and those lying directly in
 * it (the older one-folder layout). Other folders (translations beside the English files, CI
 * workflows) are not read. Only regular files are read, each within the engine's size limit.
 */
export async function readSammModel(dir: string, cwd: string): Promise<ModelFile[]> {
  const root = path.resolve(cwd, dir);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new CliError(`${dir} is not a folder. Give "rubrics import samm" a checkout of the OWASP SAMM model: the repository root, or its model/ folder.`);
  const modelDir = (await fs.stat(path.join(root, 'model')).catch(() => undefined))?.isDirectory() ? path.join(root, 'model') : root;
  const files: string[] = [];
  for (const entry of await fs.readdir(modelDir, { withFileTypes: true })) {
    const full = path.join(modelDir, entry.name);
    if (entry.isFile() && isYaml(entry.name)) files.push(full);
    else if (entry.isDirectory() && SAMM_FOLDERS.includes(entry.name)) {
      for (const inner of await fs.readdir(full, { withFileTypes: true })) if (inner.isFile() && isYaml(inner.name)) files.push(path.join(full, inner.name));
    }
  }
  files.sort();
  const out: ModelFile[] = [];
  for (const file of files) {
    const shown = shownPath(file, cwd);
    out.push({ file: shown, documents: yamlDocuments(await readUserFile(file, shown, 'unconfined'), shown) });
  }
  return out;
}

/** The documents of one model file (DSOMM's generated model.yaml). */
export async function readModelFile(file: string, cwd: string): Promise<{ shown: string; documents: unknown[] }> {
  const full = path.resolve(cwd, file);
  const shown = shownPath(full, cwd);
  return { shown, documents: yamlDocuments(await readUserFile(full, shown, 'unconfined'), shown) };
}
