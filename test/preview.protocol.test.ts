import { describe, expect, it } from 'vitest';
import { parseExtensionMessage, parsePreviewState, parseWebviewMessage } from '../src/webview/protocol';

describe('messages from the report page', () => {
  it('accepts the three messages the page sends', () => {
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseWebviewMessage({ type: 'reveal', offset: 1234 })).toEqual({ type: 'reveal', offset: 1234 });
    expect(parseWebviewMessage({ type: 'openLink', href: './evidence/catalogue.md' })).toEqual({ type: 'openLink', href: './evidence/catalogue.md' });
  });

  it('keeps only the declared fields', () => {
    expect(parseWebviewMessage({ type: 'reveal', offset: 3, command: 'workbench.action.terminal.new' })).toEqual({ type: 'reveal', offset: 3 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'reveal'],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'runCommand', command: 'x' }],
    ['a reveal without offset', { type: 'reveal' }],
    ['a reveal with a string offset', { type: 'reveal', offset: '12' }],
    ['a reveal with a negative offset', { type: 'reveal', offset: -1 }],
    ['a reveal with a fractional offset', { type: 'reveal', offset: 1.5 }],
    ['a reveal with an infinite offset', { type: 'reveal', offset: Infinity }],
    ['a reveal beyond any file', { type: 'reveal', offset: 2 ** 40 }],
    ['a link without href', { type: 'openLink' }],
    ['a link with an empty href', { type: 'openLink', href: '' }],
    ['a link with a huge href', { type: 'openLink', href: 'x'.repeat(5000) }],
    ['a link with an object href', { type: 'openLink', href: { toString: (): string => 'https://x' } }],
  ])('refuses %s', (_name, value) => {
    expect(parseWebviewMessage(value)).toBeUndefined();
  });
});

describe('messages from the extension', () => {
  it('accepts updates, document names and notices', () => {
    expect(parseExtensionMessage({ type: 'update', uri: 'file:///ws/a.yaml', body: '<main></main>' })).toEqual({ type: 'update', uri: 'file:///ws/a.yaml', body: '<main></main>' });
    expect(parseExtensionMessage({ type: 'document', uri: 'file:///ws/a.yaml' })).toEqual({ type: 'document', uri: 'file:///ws/a.yaml' });
    expect(parseExtensionMessage({ type: 'notice', message: 'Out of date' })).toEqual({ type: 'notice', message: 'Out of date' });
    expect(parseExtensionMessage({ type: 'notice' })).toEqual({ type: 'notice' });
  });

  it.each([
    ['an update without body', { type: 'update', uri: 'file:///a' }],
    ['an update with a non-string body', { type: 'update', uri: 'file:///a', body: 42 }],
    ['an update without uri', { type: 'update', body: '' }],
    ['a document with an empty uri', { type: 'document', uri: '' }],
    ['a notice with a number', { type: 'notice', message: 5 }],
    ['a message from some other extension', { command: 'refresh' }],
  ])('refuses %s', (_name, value) => {
    expect(parseExtensionMessage(value)).toBeUndefined();
  });
});

describe('saved preview state', () => {
  it('reads what the page saved', () => {
    expect(parsePreviewState({ uri: 'file:///ws/plan.yaml', scrollY: 420 })).toEqual({ uri: 'file:///ws/plan.yaml', scrollY: 420 });
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
