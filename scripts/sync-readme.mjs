// Regenerates the diagnostic-codes table in README.md from src/core/diagnostics/codes.ts.
// test/readme.test.ts fails when the two drift apart; run `node scripts/sync-readme.mjs` to fix.
import fs from 'node:fs';

const codes = fs.readFileSync('src/core/diagnostics/codes.ts', 'utf8');
const rows = [...codes.matchAll(/^\s+'([a-z-]+)': \{ severity: '(\w+)', summary: '((?:[^'\\]|\\.)*)' \},$/gm)].map(
  ([, code, severity, summary]) => `| \`${code}\` | ${severity} | ${summary.replace(/\\u2019/g, '\u2019').replace(/\\'/g, "'")} |`,
);
const table = ['| code | severity | what it means |', '| --- | --- | --- |', ...rows].join('\n');
const readme = fs.readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- diagnostic-codes:start -->\n)[\s\S]*?(<!-- diagnostic-codes:end -->)/, `$1${table}\n$2`);
fs.writeFileSync('README.md', next);
console.log(`README.md: ${rows.length} diagnostic codes`);
