/**
 * The contributor's documents say what is true: README.md's Contributing section gives the two
 * commands and CI runs exactly what it gives, ARCHITECTURE.md names every folder of src/ and every
 * stage of the core, and every npm script the documents name exists and is run, at least in
 * small, by `npm test` (test/integration/scripts.test.ts, test/e2e/scripts.test.ts, or `npm test`
 * itself), except test:vscode, which downloads VS Code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_LAYERS } from '../../scripts/layers.mjs';

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const readme = read('README.md');
const architecture = read('ARCHITECTURE.md');
const contributing = read('CONTRIBUTING.md');
const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

function folders(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [`${dir}/${e.name}`, ...folders(`${dir}/${e.name}`)]);
}

describe('README.md for users, CONTRIBUTING.md and ARCHITECTURE.md for contributors', () => {
  it('the README gives contributors two commands, and CI runs the one it needs from a clean clone', () => {
    const section = readme.slice(readme.indexOf('## Contributing'), readme.indexOf('\n## ', readme.indexOf('## Contributing') + 3));
    const commands = /```sh\n([\s\S]*?)```/.exec(section)?.[1]?.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm run demo', 'npm test']);
    expect(section).toContain('CONTRIBUTING.md');
    expect(section).toContain('ARCHITECTURE.md');
    const ci = read('.ci/run').split('\n').filter((l) => l.trim() && !l.startsWith('#') && !/^(set|cd|export) /.test(l));
    expect(ci).toEqual(['npm test']);
  });

  it('ARCHITECTURE.md names every folder of src/ and every stage of the core', () => {
    const all = folders('src').filter((f) => f !== 'src/core/generated' || fs.existsSync(path.join(ROOT, f)));
    expect(all.length).toBeGreaterThan(15);
    for (const folder of all) {
      const name = folder.split('/').slice(-1)[0] as string;
      const underCore = folder.startsWith('src/core/') ? folder.slice('src/core/'.length) : undefined;
      expect(architecture.includes(`\`${folder}/\``) || (underCore !== undefined && architecture.includes(`\`${underCore}/\``)), `${folder} (${name})`).toBe(true);
    }
    for (const stage of CORE_LAYERS) expect(architecture.includes(`\`${stage === 'engine' ? 'engine.ts' : `${stage}/`}\``), stage).toBe(true);
  });

  it('every npm script the documents name exists, and is run in small by npm test', () => {
    const named = new Set([...`${readme}\n${contributing}\n${architecture}`.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1] as string));
    expect(named.size).toBeGreaterThan(10);
    for (const name of named) expect(Object.keys(scripts), name).toContain(name);
    const smoke = read('test/integration/scripts.test.ts') + read('test/e2e/scripts.test.ts');
    // What `npm test` runs on its way: its own steps and theirs, and what unit tests run directly.
    const byNpmTest = new Set<string>();
    const visit = (script: string) => {
      for (const m of (scripts[script] ?? '').matchAll(/npm run ([\w:-]+)/g)) {
        const step = m[1] as string;
        if (byNpmTest.has(step)) continue;
        byNpmTest.add(step);
        visit(step);
      }
    };
    visit('test');
    const byUnitTests: Record<string, [test: string, runs: string]> = {
      'pack:cli': ['test/cli/package.test.ts', 'pack-cli.mjs'],
      'release:action': ['test/action/main.test.ts', 'release-action.mjs'],
      'report-schema': ['test/core/report/schema.test.ts', 'report-schema.mjs'],
      l10n: ['test/server/server.units.test.ts', 'l10n.mjs'],
    };
    for (const [test, runs] of Object.values(byUnitTests)) expect(read(test), test).toContain(runs);
    for (const name of named) {
      if (name === 'test:vscode') continue;
      const covered = byNpmTest.has(name) || name in byUnitTests || smoke.includes(`npm run ${name}`);
      expect(covered, `npm run ${name} is documented but nothing in npm test runs it`).toBe(true);
    }
  });
});
