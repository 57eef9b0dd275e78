import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color';

describe('colour', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });
});
