// Regenerates the diagnostic-codes table in README.md from src/core/diagnostics/codes.ts and
// help.ts. test/readme.test.ts fails when they drift apart; run `node scripts/sync-readme.mjs` to fix.
// Each row has an anchor named after its code: SARIF's help links point there.
import fs from 'node:fs';

const unescape = (text) => text.replace(/\\u2019/g, '\u2019').replace(/\\'/g, "'");
const codes = fs.readFileSync('src/core/diagnostics/codes.ts', 'utf8');
const help = new Map(
  [...fs.readFileSync('src/core/diagnostics/help.ts', 'utf8').matchAll(/^\s+'([a-z-]+)': '((?:[^'\\]|\\.)*)',$/gm)].map(([, code, text]) => [code, unescape(text)]),
);
const rows = [...codes.matchAll(/^\s+'([a-z-]+)': \{ severity: '(\w+)', summary: '((?:[^'\\]|\\.)*)' \},$/gm)].map(
  ([, code, severity, summary]) => `| <a id="${code}"></a>\`${code}\` | ${severity} | ${unescape(summary)} | ${help.get(code) ?? ''} |`,
);
const table = ['| code | severity | what it means | what to do |', '| --- | --- | --- | --- |', ...rows].join('\n');
const readme = fs.readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- diagnostic-codes:start -->\n)[\s\S]*?(<!-- diagnostic-codes:end -->)/, `$1${table}\n$2`);
fs.writeFileSync('README.md', next);
console.log(`README.md: ${rows.length} diagnostic codes`);
