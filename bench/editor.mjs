// Runs the editor benchmark (bench/editor.ts). Needs `bash scripts/e2e/setup.sh` (code-server)
// and `npm run package` (the .vsix); `npm run bench:editor` does both.
import { runBundled } from './bundle.mjs';

await runBundled('bench/editor.ts');
