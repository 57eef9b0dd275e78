import fs from 'node:fs/promises';
import path from 'node:path';
import { readUserFile } from './analyze';
import { CliError } from './errors';
import { displayPath } from './discover';
import { git } from './gitSource';
import { type ModelFile, yamlDocuments } from './core';

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

/**
 * The SAMM release a model folder comes from: the release tag of its git checkout (owaspsamm/core
 * tags releases v2.0.x to v2.2.0; a checkout after a tag is that release plus changes, and says
 * so), or the version in the folder's name (a release's source archive unpacks as core-2.2.0).
 * Only a checkout of its own counts: a copy inside another repository is not described by that
 * repository's tags. Undefined when neither tells.
 */
export async function sammRelease(dir: string, cwd: string): Promise<{ version: string; how: string } | undefined> {
  const root = await fs.realpath(path.resolve(cwd, dir)).catch(() => undefined);
  if (!root) return undefined;
  try {
    const top = await fs.realpath((await git(root, ['rev-parse', '--show-toplevel'])).trim());
    if (top === root) {
      const described = /^(v?\d+(?:\.\d+){0,2})-(\d+)-g[0-9a-f]+$/.exec((await git(root, ['describe', '--tags', '--long', '--match', 'v[0-9]*'])).trim());
      if (described) {
        const after = Number(described[2]);
        return { version: described[1] as string, how: `git tag ${described[1]}${after ? `, ${after} commit${after === 1 ? '' : 's'} after it` : ''}` };
      }
    }
  } catch {
    // Not a git checkout, no tag, or no git: the folder's name may still tell.
  }
  const named = /(?:^|[-_ ])v?(\d+\.\d+(?:\.\d+)?)$/.exec(path.basename(root));
  return named ? { version: named[1] as string, how: `the folder's name, ${path.basename(root)}` } : undefined;
}
