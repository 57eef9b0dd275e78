import type { Connection } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import type { ServerContext } from '../../src/server/context';
import { DocumentStore } from '../../src/server/documentStore';
import { ClientSession } from '../../src/server/session';
import { WorkspaceScan } from '../../src/server/workspaceScan';
import { DESK_ASSESSMENT, FILES, uriOf } from '../support/languageFixtures';

/**
 * The language server's workspace scan (WorkspaceScan) over a workspace served from memory: what it
 * checks and in which order, when it waits for a rubric document before reading the workspace, and
 * a scan superseded by a newer one. Checking a file is stood in for: the test sees which files the
 * scan hands over.
 */

const RUBRIC = uriOf('desk.rubric.yaml');
const ASSESSMENT = uriOf('acme.assessment.yaml');
const NOTES = uriOf('notes.yaml');

/** A workspace of YAML files; `byName` says whether the files named like ours are there, `others` adds YAML files that are not ours. */
function workspace(options: { byName?: boolean; others?: number } = {}) {
  const ours = options.byName === false ? [] : [RUBRIC, ASSESSMENT];
  const others = [NOTES, ...Array.from({ length: options.others ?? 0 }, (_, i) => uriOf(`notes-${i + 1}.yaml`))];
  const log: string[] = [];
  const searches: string[] = [];
  const connection = { console: { log: (line: string) => log.push(line) } } as unknown as Connection;
  const store = new DocumentStore({
    readFile: async () => undefined,
    // What a client's search gives: the files named like ours for their globs, every YAML file for the catch-all.
    findFiles: async (_folders, include) => (searches.push(include), include === '**/*.{yaml,yml}' ? [...ours, ...others] : include.startsWith('**/*.rubric.') ? ours.filter((u) => u.includes('.rubric.')) : include.startsWith('**/*.assessment.') ? ours.filter((u) => u.includes('.assessment.')) : []),
  });
  store.ownership.setFolders(['file:///ws/']);
  const context: ServerContext = { connection, session: new ClientSession(), store };
  const handed: string[] = [];
  let hold: Promise<void> | undefined;
  const scan = new WorkspaceScan(context, async (uri) => {
    handed.push(uri);
    await hold;
    // The check finds the files named like ours ours, as the engine would.
    if (ours.includes(uri)) store.remember(uri, await store.engine.analyze(uri, uri === RUBRIC ? (FILES['desk.rubric.yaml'] as string) : DESK_ASSESSMENT));
  });
  return { scan, store, log, searches, handed, holdChecks: (until: Promise<void>) => (hold = until) };
}

describe('the workspace scan', () => {
  it('reads nothing before the client is initialized', async () => {
    const { scan, handed, log } = workspace();
    await scan.run('too early');
    expect({ handed, log, started: scan.hasStarted }).toEqual({ handed: [], log: [], started: false });
  });

  it('hands over the files named like ours first, then the other YAML files, leaving open documents to their own checks', async () => {
    const { scan, store, handed, log } = workspace();
    store.opened(ASSESSMENT, 'yaml', 1, DESK_ASSESSMENT);
    scan.clientInitialized();
    await scan.run('on request');
    expect(handed).toEqual([RUBRIC, NOTES]);
    expect(scan.hasStarted).toBe(true);
    expect(log).toEqual([expect.stringMatching(/^Workspace scan \(on request\): 1 rubric file among 3 YAML files, in \d+ ms\.$/)]);
  });

  it('at start-up, waits for the first rubric document when no file is named like ours, then scans once', async () => {
    const { scan, handed, log } = workspace({ byName: false });
    scan.clientInitialized();
    await scan.atStartUp();
    expect(handed).toEqual([]);
    expect(log).toEqual(['No rubric files by name in this workspace; the workspace scan waits for the first rubric document.']);
    scan.documentOwned();
    scan.documentOwned();
    await expect.poll(() => log.length).toBe(2);
    expect(log[1]).toMatch(/^Workspace scan \(first rubric document\): 0 rubric files among 1 YAML file, in/);
    expect(handed).toEqual([NOTES]);
  });

  it('at start-up, scans at once when files are named like ours, and a rubric document opened later starts no other scan', async () => {
    const { scan, handed, log, searches } = workspace();
    scan.clientInitialized();
    await scan.atStartUp();
    const searched = searches.length;
    scan.documentOwned();
    // A scan that started would have asked for the workspace's files at once.
    expect(searches).toHaveLength(searched);
    expect(log).toEqual([expect.stringMatching(/^Workspace scan \(start-up\): 2 rubric files among 3 YAML files/)]);
    expect(handed).toEqual([RUBRIC, ASSESSMENT, NOTES]);
  });

  it('stops taking files when a newer scan starts, and says it was superseded', async () => {
    const { scan, handed, log, holdChecks } = workspace({ others: 5 });
    scan.clientInitialized();
    let release: () => void = () => undefined;
    holdChecks(new Promise<void>((resolve) => (release = resolve)));
    const first = scan.run('first');
    // The first scan's four workers each took a file (of eight) and wait on their checks.
    await expect.poll(() => handed.length).toBe(4);
    holdChecks(Promise.resolve());
    const second = scan.run('second');
    release();
    await Promise.all([first, second]);
    expect(log.find((line) => line.startsWith('Workspace scan (first)'))).toMatch(/ \(superseded\)\.$/);
    expect(log.find((line) => line.startsWith('Workspace scan (second)'))).toMatch(/: 2 rubric files among 8 YAML files, in \d+ ms\.$/);
    // The first scan took no file after the second started; the second took them all.
    expect(handed).toHaveLength(4 + 8);
    expect(handed.slice(4, 7)).toEqual([RUBRIC, ASSESSMENT, NOTES]);
  });
});
