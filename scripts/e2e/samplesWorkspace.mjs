// A throwaway copy of samples/ for one test run, so that tests can type into files without
// touching the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

export function copySamplesWorkspace(label = 'samples') {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), `rubrics-e2e-${label}-`));
  const workspace = path.join(parent, 'samples');
  fs.cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
  return {
    workspace,
    remove: () => fs.rmSync(parent, { recursive: true, force: true }),
  };
}
