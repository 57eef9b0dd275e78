import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asFolder, type Confinement, type ConfinementRoots, GIT_SCHEME, isInside } from './core';
import { CliError } from './errors';
import { fileUri } from './nodeFileHost';

/** The option that lets references reach a folder outside the root, as the help and messages name it. */
export const ALLOW_OUTSIDE_OPTION = '--allow-outside';

/** The option in a command's parseCommand spec: every command that reads references takes it. */
export const ALLOW_OUTSIDE_SPEC = { 'allow-outside': { type: 'string', multiple: true } } as const;

/** Its lines in a command's help, the description starting at `column` like the other options'. */
export function allowOutsideHelp(column: number): string {
  const indent = ' '.repeat(column);
  return [
    `      ${ALLOW_OUTSIDE_OPTION} <folder>`,
    `${indent}let references (rubric:, baseline:) read files in this folder too;`,
    `${indent}by default they stay inside the git repository (outside one, the`,
    `${indent}current folder). Repeat it for several folders`,
  ].join('\n');
}

/**
 * Where the files the CLI checks, and their references, may be: inside the git repository that
 * holds the file (the repository is what a pull request changes and what CI checks out, and a file
 * in rubrics/ may well use one in shared/), or, for a file in no repository, inside the folder the
 * command runs in (and the file's own folder, when it is elsewhere). The Action gives
 * GITHUB_WORKSPACE instead (`root`). Each `--allow-outside` folder is allowed too, and so are
 * files read from git, which cannot leave their repository. Where a file or folder to check is,
 * as written and through links, is judged by the engine (Engine.checkedFileRefusal).
 */
export async function cliConfinement(cwd: string, allowOutside: readonly string[] = [], root?: string): Promise<Confinement> {
  const allowed = (await Promise.all(allowOutside.map((folder) => allowedFolder(cwd, folder)))).map(fileUri);
  const extra = [...allowed, `${GIT_SCHEME}//`];
  const fixed = root !== undefined ? path.resolve(cwd, root) : undefined;
  const tops = new Map<string, Promise<ConfinementRoots>>();
  const rootsOf = async (folder: string): Promise<ConfinementRoots> => {
    if (fixed !== undefined) return { roots: [fileUri(fixed), ...extra], scope: `the workspace (${fixed})` };
    const top = await repositoryTop(folder);
    if (top !== undefined) return { roots: [fileUri(top), ...extra], scope: `the repository (${top})` };
    const here = path.resolve(cwd);
    // A file named from elsewhere (`rubrics validate /tmp/x.rubric.yaml`) has its own folder too, as in an editor with no folder open.
    if (!isInside(asFolder(fileUri(folder)), [fileUri(here)])) {
      return { roots: [fileUri(here), fileUri(folder), ...extra], scope: `the folder the command runs in (${here}) and the file's own folder (${folder}), since the file is in no git repository` };
    }
    return { roots: [fileUri(here), ...extra], scope: `the folder the command runs in (${here}), since the file is in no git repository` };
  };
  return {
    rootsFor(checkedUri) {
      // Keyed on the URI's folder as written, so the files of one folder share one answer
      // without each being turned back into a path.
      const file = checkedUri.startsWith('file:');
      const key = file ? checkedUri.slice(0, checkedUri.lastIndexOf('/') + 1) : '';
      let roots = tops.get(key);
      // A folder to check is asked about as a URI that ends in a slash: the folder is its own.
      if (!roots) tops.set(key, (roots = rootsOf(file ? path.resolve(fileURLToPath(key)) : path.resolve(cwd))));
      return roots;
    },
    allow: `To read it anyway, name its folder with ${ALLOW_OUTSIDE_OPTION} <folder>.`,
  };
}

/**
 * Below which folder the CLI's outputs are never written through a symbolic link (atomicWrite's
 * `within`): the Action's workspace, else the git repository around the working folder, else the
 * working folder. That is what a checkout could have put links in.
 */
export async function outputRoot(context: { readonly cwd: string; readonly root?: string }): Promise<string> {
  if (context.root !== undefined) return path.resolve(context.cwd, context.root);
  return (await repositoryTop(context.cwd)) ?? path.resolve(context.cwd);
}

/** The top folder of the git repository that holds `folder` (the nearest one with a `.git`), if any. */
async function repositoryTop(folder: string): Promise<string | undefined> {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    // A `.git` folder, or the `.git` file of a worktree or a submodule.
    const git = await stat(path.join(dir, '.git')).catch(() => undefined);
    if (git?.isDirectory() || git?.isFile()) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function allowedFolder(cwd: string, folder: string): Promise<string> {
  const absolute = path.resolve(cwd, folder);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) throw new CliError(`${ALLOW_OUTSIDE_OPTION} "${folder}" is not a folder (looked at ${absolute}). Name the folder that holds the files to allow.`);
  return absolute;
}
