import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BATCH_V8_FLAGS } from '../../src/node/batchTuning';

/** Whether this Node's V8 accepts a flag: `setFlagsFromString` ignores unknown flags without a word, the command line does not. */
function acceptedByV8(flags: string): boolean {
  return spawnSync(process.execPath, [...flags.split(' '), '-e', '0'], { encoding: 'utf8' }).status === 0;
}

describe('the V8 tuning of batch runs', () => {
  it('names flags this Node knows, so the tuning is not silently a no-op', () => {
    expect(acceptedByV8(BATCH_V8_FLAGS)).toBe(true);
  });

  it('would notice a flag V8 does not know', () => {
    expect(acceptedByV8('--max-inlined-bytecode-size-cumulative-typo=200')).toBe(false);
  });
});
