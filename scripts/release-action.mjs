// Publishes the GitHub Action at a release tag:
//   npm run release:action -- v1.2.0      # then: git push origin v1.2.0 (and move v1 to it)
//
// An Action runs from the repository at the ref a workflow names (`uses: owner/repo@v1`), with
// nothing installed, so the commit behind a release tag must hold the Action's bundle
// (action.yml: dist/action/index.js). main does not track built output: this builds the bundle
// from HEAD's sources in a temporary worktree, commits it there on top of HEAD, and tags that
// commit. The tag's tree is HEAD's plus that one file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { actionBundle } from './action-bundle.mjs';

const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Tags, in the repository at `repo`, a commit that is HEAD plus the Action's bundle built from
 * HEAD's sources (with the dependencies installed beside this script), and returns that commit.
 */
export async function releaseAction({ repo, tag }) {
  if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag)) throw new Error(`"${tag}" is not a release tag: use v<major>.<minor>.<patch>, such as v1.2.0.`);
  if (git(repo, 'tag', '--list', tag) !== '') throw new Error(`The tag ${tag} exists already.`);
  const head = git(repo, 'rev-parse', 'HEAD');
  const worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-release-'));
  git(repo, 'worktree', 'add', '--detach', '--quiet', worktree, head);
  try {
    // The sources are HEAD's; the dependencies are the installed ones, reached through a link
    // that the build keeps as written, so the bundle is the one `npm run build` writes.
    fs.symlinkSync(path.join(toolRoot, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
    // The validators and types generated from the schemas are not tracked either (npm run gen).
    execFileSync(process.execPath, [path.join(worktree, 'scripts', 'generate.mjs')], { cwd: worktree, stdio: ['ignore', 'ignore', 'inherit'] });
    await esbuild.build({ ...actionBundle, absWorkingDir: worktree, preserveSymlinks: true, logLevel: 'warning' });
    git(worktree, 'add', '--force', actionBundle.outfile);
    git(worktree, '-c', 'user.name=rubrics release', '-c', 'user.email=release@rubrics-as-code.invalid', 'commit', '--quiet', '--no-verify', '-m', `Release ${tag}: the GitHub Action's bundle (${actionBundle.outfile}), built from ${head.slice(0, 12)}`);
    const commit = git(worktree, 'rev-parse', 'HEAD');
    git(repo, 'tag', tag, commit);
    return commit;
  } finally {
    git(repo, 'worktree', 'remove', '--force', worktree);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tag = process.argv[2];
  if (!tag) {
    console.error('Usage: npm run release:action -- v<major>.<minor>.<patch>');
    process.exit(2);
  }
  const commit = await releaseAction({ repo: process.cwd(), tag });
  const major = tag.replace(/\..*$/, '');
  console.log(`${tag} → ${commit.slice(0, 12)} (HEAD plus ${actionBundle.outfile}).`);
  console.log(`Publish it: git push origin ${tag}; move the major tag: git tag -f ${major} ${tag} && git push -f origin ${major}`);
}
