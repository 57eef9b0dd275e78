import { describe, expect, it } from 'vitest';
import { isFormatId } from '../../src/core/format/ids';
import { parseExtensionMessage, parsePreviewState, parseWebviewMessage } from '../../src/webview/protocol';

const A = 'file:///ws/a.assessment.yaml';

describe('messages from the report page', () => {
  it('accepts the three messages the page sends', () => {
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseWebviewMessage({ type: 'reveal', uri: A, version: 3, offset: 1234 })).toEqual({ type: 'reveal', uri: A, version: 3, offset: 1234 });
    expect(parseWebviewMessage({ type: 'openLink', uri: A, href: './evidence/catalogue.md' })).toEqual({ type: 'openLink', uri: A, href: './evidence/catalogue.md' });
  });

  it('keeps only the declared fields', () => {
    expect(parseWebviewMessage({ type: 'reveal', uri: A, version: 1, offset: 3, command: 'workbench.action.terminal.new' })).toEqual({ type: 'reveal', uri: A, version: 1, offset: 3 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'reveal'],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'runCommand', command: 'x' }],
    ['a reveal without offset', { type: 'reveal', uri: A, version: 1 }],
    ['a reveal without the document it belongs to', { type: 'reveal', offset: 12 }],
    ['a reveal without the version of the document', { type: 'reveal', uri: A, offset: 12 }],
    ['a reveal with a string offset', { type: 'reveal', uri: A, version: 1, offset: '12' }],
    ['a reveal with a negative offset', { type: 'reveal', uri: A, version: 1, offset: -1 }],
    ['a reveal with a fractional offset', { type: 'reveal', uri: A, version: 1, offset: 1.5 }],
    ['a reveal with an infinite offset', { type: 'reveal', uri: A, version: 1, offset: Infinity }],
    ['a reveal beyond any file', { type: 'reveal', uri: A, version: 1, offset: 2 ** 40 }],
    ['a reveal with a negative version', { type: 'reveal', uri: A, version: -2, offset: 1 }],
    ['a link without href', { type: 'openLink', uri: A }],
    ['a link without the document it belongs to', { type: 'openLink', href: 'https://x' }],
    ['a link with an empty href', { type: 'openLink', uri: A, href: '' }],
    ['a link with a huge href', { type: 'openLink', uri: A, href: 'x'.repeat(5000) }],
    ['a link with an object href', { type: 'openLink', uri: A, href: { toString: (): string => 'https://x' } }],
  ])('refuses %s', (_name, value) => {
    expect(parseWebviewMessage(value)).toBeUndefined();
  });
});

describe('messages from the questionnaire', () => {
  const answer = { type: 'answer', uri: A, version: 3, dimension: 'self-service', criterion: 'portal-exists' };

  it('accepts a switch of views and answers that set or remove an answer, a note or evidence', () => {
    expect(parseWebviewMessage({ type: 'setView', view: 'questionnaire' })).toEqual({ type: 'setView', view: 'questionnaire' });
    expect(parseWebviewMessage({ type: 'setView', view: 'report' })).toEqual({ type: 'setView', view: 'report' });
    expect(parseWebviewMessage({ ...answer, answer: 'yes' })).toEqual({ ...answer, answer: 'yes' });
    expect(parseWebviewMessage({ ...answer, answer: null })).toEqual({ ...answer, answer: null });
    expect(parseWebviewMessage({ ...answer, note: '' })).toEqual({ ...answer, note: '' });
    expect(parseWebviewMessage({ ...answer, note: 'Seen in the **minutes**.\nTwice.' })).toEqual({ ...answer, note: 'Seen in the **minutes**.\nTwice.' });
    expect(parseWebviewMessage({ ...answer, evidence: ['https://wiki.example/portal', './minutes.md'] })).toEqual({ ...answer, evidence: ['https://wiki.example/portal', './minutes.md'] });
    expect(parseWebviewMessage({ ...answer, evidence: null })).toEqual({ ...answer, evidence: null });
    const titled = { title: 'Minutes', url: './minutes.md', asOf: '2026-02-01' };
    expect(parseWebviewMessage({ ...answer, evidence: ['https://x.example', titled] })).toEqual({ ...answer, evidence: ['https://x.example', titled] });
  });

  it('keeps only the declared fields of an answer', () => {
    expect(parseWebviewMessage({ ...answer, answer: 'no', path: ['subject'], command: 'x' })).toEqual({ ...answer, answer: 'no' });
  });

  it.each([
    ['a view that does not exist', { type: 'setView', view: 'settings' }],
    ['a view switch without a view', { type: 'setView' }],
    ['an answer that sets nothing', answer],
    ['an answer without its criterion', { ...answer, criterion: undefined, answer: 'yes' }],
    ['an answer without its dimension', { ...answer, dimension: '', answer: 'yes' }],
    ['an answer without the version of the document', { ...answer, version: undefined, answer: 'yes' }],
    ['an answer with a huge criterion id', { ...answer, criterion: 'c'.repeat(300), answer: 'yes' }],
    ['an answer written as true', { ...answer, answer: true }],
    ['an empty answer', { ...answer, answer: '' }],
    ['an answer that is a list', { ...answer, answer: ['yes'] }],
    ['a note that is a number', { ...answer, note: 3 }],
    ['a note longer than the format allows', { ...answer, note: 'n'.repeat(20001) }],
    ['evidence that is one link', { ...answer, evidence: 'https://x' }],
    ['evidence with an empty link', { ...answer, evidence: [''] }],
    ['evidence with an entry without its url', { ...answer, evidence: [{ title: 'Minutes' }] }],
    ['evidence with an entry whose field is not text', { ...answer, evidence: [{ url: './m.md', asOf: 20260201 }] }],
    ['evidence with an entry of too many fields', { ...answer, evidence: [Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${'x'.repeat(i)}`, 'v']).concat([['url', './m.md']]))] }],
    ['evidence with a list as an entry', { ...answer, evidence: [['./m.md']] }],
    ['evidence with too many links', { ...answer, evidence: Array.from({ length: 1001 }, (_, i) => `./e${i}.md`) }],
  ])('refuses %s', (_name, value) => {
    expect(parseWebviewMessage(value)).toBeUndefined();
  });
});

describe('whose answers the questionnaire edits (several assessors)', () => {
  const answer = { type: 'answer', uri: A, version: 3, dimension: 'self-service', criterion: 'portal-exists', answer: 'yes' };

  it('accepts a choice of an assessor or of the agreed answers, and an answer that names its assessor', () => {
    expect(parseWebviewMessage({ type: 'setAssessor', assessor: 'priya-raman' })).toEqual({ type: 'setAssessor', assessor: 'priya-raman' });
    expect(parseWebviewMessage({ type: 'setAssessor', assessor: null })).toEqual({ type: 'setAssessor', assessor: null });
    expect(parseWebviewMessage({ ...answer, assessor: 'priya' })).toEqual({ ...answer, assessor: 'priya' });
    // Without one, the answer is the agreed one, as before.
    expect(parseWebviewMessage(answer)).toEqual(answer);
  });

  it.each([
    ['a choice without an assessor', { type: 'setAssessor' }],
    ['a choice of an empty id', { type: 'setAssessor', assessor: '' }],
    ['a choice of an id the format cannot hold', { type: 'setAssessor', assessor: 'Priya Raman' }],
    ['a choice of a path', { type: 'setAssessor', assessor: '../dimensions' }],
    ['a choice of a huge id', { type: 'setAssessor', assessor: 'p'.repeat(201) }],
    ['a choice of an id that is not text', { type: 'setAssessor', assessor: ['priya'] }],
    ['an answer for an assessor named by a number', { ...answer, assessor: 7 }],
    ['an answer for an assessor whose id has a dot', { ...answer, assessor: 'responses.priya' }],
    ['an answer for an empty assessor', { ...answer, assessor: '' }],
  ])('refuses %s', (_name, value) => {
    expect(parseWebviewMessage(value)).toBeUndefined();
  });

  // The page may take only types from the core, so it keeps its own copy of the format's id
  // pattern: it must take exactly the ids the core's isFormatId takes, no more and no fewer.
  it.each(['priya', 'priya-raman', 'p2', 'a-1-b', 'x'.repeat(200), 'x'.repeat(201), 'Priya', '2priya', 'priya-', '-priya', 'priya--raman', 'priya_raman', 'priya raman', 'prïya', ''])('takes the assessor id %j exactly when the core does', (id) => {
    expect(parseWebviewMessage({ type: 'setAssessor', assessor: id }) !== undefined).toBe(isFormatId(id));
  });

  it('remembers whose answers the questionnaire edited, and only in the questionnaire', () => {
    expect(parsePreviewState({ uri: A, scrollY: 10, view: 'questionnaire', assessor: 'priya' })).toEqual({ uri: A, scrollY: 10, view: 'questionnaire', assessor: 'priya' });
    expect(parsePreviewState({ uri: A, scrollY: 10, assessor: 'priya' })).toEqual({ uri: A, scrollY: 10 });
    expect(parsePreviewState({ uri: A, scrollY: 10, view: 'questionnaire', assessor: 'Not An Id' })).toEqual({ uri: A, scrollY: 10, view: 'questionnaire' });
  });
});

describe('adding an assessor (the questionnaire\'s form)', () => {
  const add = { type: 'addAssessor', uri: A, version: 4, name: 'Lena Berg', date: '2026-04-02' };

  it('takes what was typed, unchecked but bounded (the core checks each field and says what is wrong), with a role and a starting rule when given', () => {
    expect(parseWebviewMessage(add)).toEqual(add);
    expect(parseWebviewMessage({ ...add, role: 'Service Desk Lead', consensus: 'minimum', id: 'chosen-by-the-page', command: 'x' })).toEqual({ ...add, role: 'Service Desk Lead', consensus: 'minimum' });
    // An empty name or date reaches the core, which refuses it beside the form rather than in silence.
    expect(parseWebviewMessage({ ...add, name: '', date: '' })).toEqual({ ...add, name: '', date: '' });
  });

  it.each([
    ['no document version', { type: 'addAssessor', uri: A, name: 'Lena', date: '2026-04-02' }],
    ['no name', { ...add, name: undefined }],
    ['a name that is not text', { ...add, name: ['Lena'] }],
    ['a huge name', { ...add, name: 'L'.repeat(1001) }],
    ['a huge role', { ...add, role: 'R'.repeat(1001) }],
    ['a date that is not text', { ...add, date: 20260402 }],
    ['a rule that needs an adjudicator', { ...add, consensus: 'adjudicator' }],
    ['a rule the format does not have', { ...add, consensus: 'toString' }],
  ])('drops %s', (_what, message) => {
    expect(parseWebviewMessage(message)).toBeUndefined();
  });

  it('accepts the extension\'s answer: a refusal naming the field at fault, or the id of the assessor added', () => {
    expect(parseExtensionMessage({ type: 'assessorRefused', uri: A, field: 'name', message: 'Write the new assessor\'s name.' })).toEqual({ type: 'assessorRefused', uri: A, field: 'name', message: 'Write the new assessor\'s name.' });
    expect(parseExtensionMessage({ type: 'assessorAdded', uri: A, assessor: 'lena-berg' })).toEqual({ type: 'assessorAdded', uri: A, assessor: 'lena-berg' });
    for (const bad of [
      { type: 'assessorRefused', uri: A, field: 'constructor', message: 'x' },
      { type: 'assessorRefused', uri: A, field: 'name' },
      { type: 'assessorRefused', uri: A, field: 'name', message: { html: '<b>' } },
      { type: 'assessorAdded', uri: A, assessor: 'Lena Berg' },
      { type: 'assessorAdded', assessor: 'lena-berg' },
    ]) expect(parseExtensionMessage(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('messages from the extension', () => {
  it('accepts updates, document names and notices', () => {
    expect(parseExtensionMessage({ type: 'update', uri: A, version: 4, body: '<main></main>' })).toEqual({ type: 'update', uri: A, version: 4, body: '<main></main>' });
    expect(parseExtensionMessage({ type: 'document', uri: A, version: 4 })).toEqual({ type: 'document', uri: A, version: 4 });
    expect(parseExtensionMessage({ type: 'notice', uri: A, message: 'Out of date' })).toEqual({ type: 'notice', uri: A, message: 'Out of date' });
    expect(parseExtensionMessage({ type: 'notice' })).toEqual({ type: 'notice' });
    const refusal = { type: 'answerRefused', uri: A, dimension: 'self-service', criterion: 'portal-exists', message: 'Fix the file first.' };
    expect(parseExtensionMessage(refusal)).toEqual(refusal);
  });

  it.each([
    ['a refusal without its message', { type: 'answerRefused', uri: A, dimension: 'd', criterion: 'c' }],
    ['a refusal without its criterion', { type: 'answerRefused', uri: A, dimension: 'd', message: 'no' }],
    ['a refusal with a message that is markup in an object', { type: 'answerRefused', uri: A, dimension: 'd', criterion: 'c', message: { html: '<b>' } }],
  ])('refuses %s', (_name, value) => {
    expect(parseExtensionMessage(value)).toBeUndefined();
  });

  it('accepts patches of the report shown: a base version, an optional shift of the offsets and element replacements', () => {
    const patch = { type: 'patch', uri: A, version: 5, base: 4, shift: { from: 120, by: -1 }, replace: [{ path: [7, 2], html: '<tr><td>x</td></tr>' }] };
    expect(parseExtensionMessage(patch)).toEqual(patch);
    expect(parseExtensionMessage({ type: 'patch', uri: A, version: 5, base: 4, replace: [], extra: 1 })).toEqual({ type: 'patch', uri: A, version: 5, base: 4, replace: [] });
  });

  it.each([
    ['an update without body', { type: 'update', uri: 'file:///a', version: 1 }],
    ['an update with a non-string body', { type: 'update', uri: 'file:///a', version: 1, body: 42 }],
    ['an update without uri', { type: 'update', version: 1, body: '' }],
    ['an update without version', { type: 'update', uri: 'file:///a', body: '' }],
    ['a document with an empty uri', { type: 'document', uri: '', version: 1 }],
    ['a notice with a number', { type: 'notice', message: 5 }],
    ['a notice about a document named by a number', { type: 'notice', uri: 5, message: 'x' }],
    ['a message from some other extension', { command: 'refresh' }],
    ['a patch without its base', { type: 'patch', uri: 'file:///a', version: 2, replace: [] }],
    ['a patch whose replacements are not a list', { type: 'patch', uri: 'file:///a', version: 2, base: 1, replace: '<p>' }],
    ['a patch replacing the root (an empty path)', { type: 'patch', uri: 'file:///a', version: 2, base: 1, replace: [{ path: [], html: '<main></main>' }] }],
    ['a patch with a negative index', { type: 'patch', uri: 'file:///a', version: 2, base: 1, replace: [{ path: [-1], html: '<p></p>' }] }],
    ['a patch with a replacement that is not text', { type: 'patch', uri: 'file:///a', version: 2, base: 1, replace: [{ path: [0], html: 5 }] }],
    ['a patch with a fractional shift', { type: 'patch', uri: 'file:///a', version: 2, base: 1, shift: { from: 3, by: 0.5 }, replace: [] }],
  ])('refuses %s', (_name, value) => {
    expect(parseExtensionMessage(value)).toBeUndefined();
  });
});

describe('saved preview state', () => {
  it('reads what the page saved', () => {
    expect(parsePreviewState({ uri: 'file:///ws/plan.yaml', scrollY: 420 })).toEqual({ uri: 'file:///ws/plan.yaml', scrollY: 420 });
    expect(parsePreviewState({ uri: 'file:///ws/plan.yaml', scrollY: 420, positions: { [A]: 90 } })).toEqual({ uri: 'file:///ws/plan.yaml', scrollY: 420, positions: { [A]: 90 } });
  });

  it('remembers that the preview showed the questionnaire, and nothing else for a view', () => {
    expect(parsePreviewState({ uri: A, scrollY: 10, view: 'questionnaire' })).toEqual({ uri: A, scrollY: 10, view: 'questionnaire' });
    expect(parsePreviewState({ uri: A, scrollY: 10, view: 'report' })).toEqual({ uri: A, scrollY: 10 });
    expect(parsePreviewState({ uri: A, scrollY: 10, view: 'settings' })).toEqual({ uri: A, scrollY: 10 });
  });

  it('keeps only sensible, bounded positions of other documents', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`file:///ws/${i}.yaml`, i + 1]));
    expect(Object.keys(parsePreviewState({ uri: A, scrollY: 0, positions: many })?.positions ?? {})).toHaveLength(20);
    expect(parsePreviewState({ uri: A, scrollY: 0, positions: { [A]: 'far', other: -3 } })).toEqual({ uri: A, scrollY: 0 });
  });

  it('treats a missing or nonsensical scroll position as the top', () => {
    expect(parsePreviewState({ uri: 'file:///ws/plan.yaml' })).toEqual({ uri: 'file:///ws/plan.yaml', scrollY: 0 });
    expect(parsePreviewState({ uri: 'file:///ws/plan.yaml', scrollY: -20 })).toEqual({ uri: 'file:///ws/plan.yaml', scrollY: 0 });
    expect(parsePreviewState({ uri: 'file:///ws/plan.yaml', scrollY: Number.NaN })).toEqual({ uri: 'file:///ws/plan.yaml', scrollY: 0 });
  });

  it('drops states without a document (older versions, corrupted storage)', () => {
    expect(parsePreviewState(undefined)).toBeUndefined();
    expect(parsePreviewState({ scrollY: 10 })).toBeUndefined();
    expect(parsePreviewState({ uri: 7 })).toBeUndefined();
    expect(parsePreviewState('file:///ws/plan.yaml')).toBeUndefined();
  });
});
