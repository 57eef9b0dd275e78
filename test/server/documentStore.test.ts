import { describe, expect, it } from 'vitest';
import { workspaceConfinement } from '../../src/server/confinement';
import { DocumentStore } from '../../src/server/documentStore';
import type { FileSource } from '../../src/server/files';
import { DESK_ASSESSMENT, FILES, uriOf } from '../support/languageFixtures';

/**
 * The language server's document store: the open documents as the editor's notifications leave
 * them, requests answered for the version the editor has now, which open documents are ours, and
 * what each check found out (a file's kind, the files it read).
 */

/** The saved files under file:///ws/, as a client would serve them. */
const saved: FileSource = {
  readFile: async (uri) => Object.entries(FILES).find(([name]) => uriOf(name) === uri)?.[1],
  findFiles: async () => [],
};

function store(): DocumentStore {
  const documents = new DocumentStore(saved);
  documents.ownership.setFolders(['file:///ws/']);
  documents.engine.setConfinement(workspaceConfinement(documents.ownership.folders, []));
  return documents;
}

const ASSESSMENT = uriOf('acme.assessment.yaml');
const RUBRIC = uriOf('desk.rubric.yaml');

describe('the open documents', () => {
  it('follow the editor: opened, changed (in place, with the version), closed; a change of a document not open, or of nothing, is no change', () => {
    const documents = store();
    documents.opened(ASSESSMENT, 'yaml', 1, 'a: 1\n');
    expect(documents.changed(ASSESSMENT, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: '2' }], 2)).toBe(true);
    expect(documents.get(ASSESSMENT)?.getText()).toBe('a: 2\n');
    expect(documents.get(ASSESSMENT)?.version).toBe(2);
    expect(documents.changed(ASSESSMENT, [], 3)).toBe(false);
    expect(documents.get(ASSESSMENT)?.version).toBe(2);
    expect(documents.changed(RUBRIC, [{ text: 'b: 1\n' }], 2)).toBe(false);
    expect([...documents.openUris()]).toEqual([ASSESSMENT]);
    expect(documents.closed(ASSESSMENT)).toBe(true);
    expect(documents.closed(ASSESSMENT)).toBe(false);
    expect(documents.get(ASSESSMENT)).toBeUndefined();
  });

  it('are what the engine reads: an open document\'s unsaved text wins over the file as saved', async () => {
    const documents = store();
    const edited = DESK_ASSESSMENT.replace('  knowledge:', '  knowlege:');
    documents.opened(ASSESSMENT, 'yaml', 1, edited);
    expect(await documents.files.readFile(ASSESSMENT)).toBe(edited);
    expect(await documents.files.readSaved(ASSESSMENT)).toBe(DESK_ASSESSMENT);
    documents.closed(ASSESSMENT);
    expect(await documents.files.readFile(ASSESSMENT)).toBe(DESK_ASSESSMENT);
  });
});

describe('a request against the current version', () => {
  it('answers for an open document of ours, and null for one not open or not ours', async () => {
    const documents = store();
    documents.opened(ASSESSMENT, 'yaml', 1, DESK_ASSESSMENT);
    documents.opened('file:///ws/config.yaml', 'yaml', 1, 'name: not a rubric document\n');
    expect(await documents.atCurrent(ASSESSMENT, async (doc) => doc.version)).toBe(1);
    expect(await documents.atCurrent('file:///ws/config.yaml', async () => 'answered')).toBeNull();
    expect(await documents.atCurrent(RUBRIC, async () => 'answered')).toBeNull();
  });

  it('computes again when the user typed while it was computed, and gives up (null) when the text keeps changing', async () => {
    const documents = store();
    documents.opened(ASSESSMENT, 'yaml', 1, DESK_ASSESSMENT);
    const typeOn = (doc: { version: number }) => documents.changed(ASSESSMENT, [{ text: DESK_ASSESSMENT }], doc.version + 1);
    let computed = 0;
    const once = await documents.atCurrent(ASSESSMENT, async (doc) => {
      computed++;
      if (computed === 1) typeOn(doc);
      return doc.version;
    });
    expect({ once, computed }).toEqual({ once: 2, computed: 2 });
    computed = 0;
    const never = await documents.atCurrent(ASSESSMENT, async (doc) => {
      computed++;
      typeOn(doc);
      return doc.version;
    });
    expect({ never, computed }).toEqual({ never: null, computed: 3 });
  });
});

describe('what the checks found out', () => {
  it('counts an open document ours from its first check until it is not (or is closed)', () => {
    const documents = store();
    expect(documents.own(ASSESSMENT)).toBe(true);
    expect(documents.own(ASSESSMENT)).toBe(false);
    expect(documents.isOwned(ASSESSMENT)).toBe(true);
    expect(documents.ownedCount).toBe(1);
    expect(documents.disown(ASSESSMENT)).toBe(true);
    expect(documents.disown(ASSESSMENT)).toBe(false);
    expect(documents.isOwned(ASSESSMENT)).toBe(false);
    expect(documents.ownedCount).toBe(0);
  });

  it('keeps each checked file\'s kind and the files it read, until the file is forgotten', async () => {
    const documents = store();
    documents.remember(ASSESSMENT, await documents.engine.analyze(ASSESSMENT, DESK_ASSESSMENT));
    documents.remember(RUBRIC, await documents.engine.analyze(RUBRIC, FILES['desk.rubric.yaml'] as string));
    expect(documents.knownOfKind('Assessment')).toEqual([ASSESSMENT]);
    expect(documents.knownOfKind('Rubric')).toEqual([RUBRIC]);
    expect(documents.knownOfKind('Plan')).toEqual([]);
    expect(documents.graph.dependentsOf(RUBRIC)).toEqual([ASSESSMENT]);
    documents.forget(ASSESSMENT);
    expect(documents.isKnown(ASSESSMENT)).toBe(false);
    expect(documents.isKnown(RUBRIC)).toBe(true);
    expect(documents.knownOfKind('Assessment')).toEqual([]);
    expect(documents.graph.dependentsOf(RUBRIC)).toEqual([]);
  });
});
