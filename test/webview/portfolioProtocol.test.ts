import { describe, expect, it } from 'vitest';
import { openTarget, parsePortfolioHostMessage, parsePortfolioPageMessage, parsePortfolioState } from '../../src/webview/portfolioProtocol';

/** The portfolio panel's messages, checked on both sides: what passes, and what is left out. */

const A = 'file:///ws/a.assessment.yaml';

describe('messages from the portfolio page', () => {
  it('takes ready and open with a URI, a whole offset and a generation', () => {
    expect(parsePortfolioPageMessage({ type: 'ready', extra: 1 })).toEqual({ type: 'ready' });
    expect(parsePortfolioPageMessage({ type: 'open', uri: A, offset: 120, generation: 3, extra: 'x' })).toEqual({ type: 'open', uri: A, offset: 120, generation: 3 });
  });

  it('leaves out anything else', () => {
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'reveal', uri: A, offset: 1, version: 1 },
      { type: 'open', uri: A, offset: -1, generation: 1 },
      { type: 'open', uri: A, offset: 1.5, generation: 1 },
      { type: 'open', uri: A, offset: 2 ** 31, generation: 1 },
      { type: 'open', uri: A, offset: '12', generation: 1 },
      { type: 'open', uri: '', offset: 1, generation: 1 },
      { type: 'open', uri: 'x'.repeat(8001), offset: 1, generation: 1 },
      { type: 'open', uri: A, offset: 1 },
      { type: 'openLink', uri: A, href: 'command:x' },
    ]) expect(parsePortfolioPageMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
  });

  it('opens only an assessment of the view sent', () => {
    const shown = new Set([A]);
    expect(openTarget({ type: 'open', uri: A, offset: 9, generation: 1 }, shown)).toEqual({ uri: A, offset: 9 });
    expect(openTarget({ type: 'open', uri: 'file:///etc/passwd', offset: 0, generation: 1 }, shown)).toBeUndefined();
    expect(openTarget({ type: 'open', uri: `${A}#x`, offset: 0, generation: 1 }, shown)).toBeUndefined();
  });
});

describe('messages from the extension', () => {
  it('takes an update (with its folder when it has one) and a notice', () => {
    expect(parsePortfolioHostMessage({ type: 'update', body: '<main></main>', generation: 0 })).toEqual({ type: 'update', body: '<main></main>', generation: 0 });
    expect(parsePortfolioHostMessage({ type: 'update', body: '', generation: 2, folder: 'file:///ws/t' })).toEqual({ type: 'update', body: '', generation: 2, folder: 'file:///ws/t' });
    expect(parsePortfolioHostMessage({ type: 'notice' })).toEqual({ type: 'notice' });
    expect(parsePortfolioHostMessage({ type: 'notice', message: 'm' })).toEqual({ type: 'notice', message: 'm' });
  });

  it('leaves out anything else', () => {
    for (const bad of [
      { type: 'update', body: 1, generation: 1 },
      { type: 'update', body: '', generation: -1 },
      { type: 'update', body: '', generation: 1, folder: 2 },
      { type: 'notice', message: '' },
      { type: 'notice', message: 'x'.repeat(4001) },
      { type: 'patch', body: '' },
      undefined,
    ]) expect(parsePortfolioHostMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
  });
});

describe('the saved state', () => {
  it('keeps a folder and positive scroll positions, drops the rest', () => {
    expect(parsePortfolioState({ folder: 'file:///ws/t', scrollY: 40.4, scrollX: 3 })).toEqual({ folder: 'file:///ws/t', scrollY: 40, scrollX: 3 });
    expect(parsePortfolioState({ scrollY: -5, scrollX: Number.NaN })).toEqual({ scrollY: 0 });
    expect(parsePortfolioState({ folder: 7, scrollY: 1 })).toBeUndefined();
    expect(parsePortfolioState('x')).toBeUndefined();
  });
});
