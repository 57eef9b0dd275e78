// Runs the benchmark (bench/run.ts) in a fresh Node process with --expose-gc, passing the
// command-line options through. Works offline from a fresh clone after `npm ci` and `npm run gen`
// (npm run bench does both).
import { runBundled } from './bundle.mjs';

await runBundled('bench/run.ts', { nodeArgs: ['--expose-gc'] });
