import { describe, expect, it } from 'vitest';
import { tryParseFast } from '../../../src/core/yaml/parseFast';
import { parseFull } from '../../../src/core/yaml/parseFull';
import { PARSED_MAP_PROTOTYPE } from '../../../src/core/yaml/maps';

// A parsed map inherits nothing, whichever parser read it: a key named like a property of
// Object.prototype is a key like any other, and a missing one reads as undefined.
const text = '__proto__: { polluted: true }\nconstructor: c\ntoString: t\nnested:\n  hasOwnProperty: h\n';
const parsers = {
  fast: (t: string) => tryParseFast(t)?.[0]?.value,
  full: (t: string) => parseFull(t)[0]?.value,
};

describe.each(Object.entries(parsers))('maps read by the %s parser', (_name, parse) => {
  const value = parse(text) as Record<string, unknown>;

  it('keep __proto__, constructor and toString as their own keys', () => {
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'toString', 'nested']);
    expect(Object.getPrototypeOf(value)).toBe(PARSED_MAP_PROTOTYPE);
    expect(value.constructor).toBe('c');
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('inherit nothing: names of Object.prototype that are not keys read as undefined', () => {
    const nested = value.nested as Record<string, unknown>;
    expect(nested.hasOwnProperty).toBe('h');
    expect(nested.constructor).toBeUndefined();
    expect(nested.toString).toBeUndefined();
    expect('valueOf' in nested).toBe(false);
    const keys: string[] = [];
    for (const key in nested) keys.push(key);
    expect(keys).toEqual(['hasOwnProperty']);
  });
});

describe('the maps prototype', () => {
  it('is empty, frozen and has no prototype, so nothing can be added for every map at once', () => {
    expect(Object.getPrototypeOf(PARSED_MAP_PROTOTYPE)).toBeNull();
    expect(Reflect.ownKeys(PARSED_MAP_PROTOTYPE)).toEqual([]);
    expect(Object.isFrozen(PARSED_MAP_PROTOTYPE)).toBe(true);
  });
});
