import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRINTED_LENGTH, printable, printableJson, printablePath } from '../../src/node/printable';
import { buildCli, FIXTURES, gitIn, removeTempDirs, runCli, tempDir } from '../support/cli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(removeTempDirs);

const ESC = '\u001b';
/** Anything a terminal or a CI log would act on, or that hides the order of text. */
// eslint-disable-next-line no-control-regex -- control characters are what this test looks for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** The GitHub and Azure runners obey these anywhere in a line. */
const LOG_COMMAND = /##[a-z]*\[/i;
const MEGABYTE = 'k'.repeat(1024 * 1024);

describe('printable: user text on one line, safe for terminals and CI logs', () => {
  it('leaves ordinary text alone, Windows paths, emoji sequences and non-Latin scripts included', () => {
    for (const text of ['The key "levels" is not defined.', 'C:\\rubrics\\team.assessment.yaml', 'Zoë 👩‍💻 Δ 日本語 עברית', 'a::b is fine mid-line', '# one hash [x]', '']) {
      expect(printable(text)).toBe(text);
    }
  });

  it('shows newlines, carriage returns and tabs as escapes, so a text is one line', () => {
    expect(printable('x\n::error file=README.md,line=1::INJECTED')).toBe('x\\n::error file=README.md,line=1::INJECTED');
    expect(printable('a\r\nb\tc')).toBe('a\\r\\nb\\tc');
    expect(printable('a\u2028b\u2029c\u0085d')).toBe('a\\u2028b\\u2029c\\u0085d');
  });

  it('escapes ANSI and other control characters, C1 (CSI) included', () => {
    expect(printable(`${ESC}[31mred${ESC}[0m`)).toBe('\\u001b[31mred\\u001b[0m');
    expect(printable('\u009b2J\u0000\u007f')).toBe('\\u009b2J\\u0000\\u007f');
  });

  it('escapes bidirectional controls (Trojan Source), so text shows in the order it is stored', () => {
    expect(printable('invoice\u202eexe.pdf')).toBe('invoice\\u202eexe.pdf');
    expect(printable('\u2066\u2067\u2068\u2069\u200e\u200f\u061c')).toBe('\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c');
  });

  it('breaks log commands that runners obey mid-line, and "::" at the start of a text', () => {
    expect(printable('##[stop-commands]token')).toBe('#\\u0023[stop-commands]token');
    expect(printable('see ##vso[task.setvariable variable=x]1 and ##TeamCity[x]')).toBe('see #\\u0023vso[task.setvariable variable=x]1 and #\\u0023TeamCity[x]');
    expect(printable('::error::x')).toBe('\\u003a:error::x');
    expect(printable('  ::warning::x')).toBe('  \\u003a:warning::x');
    expect(printable(': :not a command')).toBe(': :not a command');
  });

  it('prints at most a bounded part of a long text, saying how much it left out, without splitting a character', () => {
    const text = `start ${MEGABYTE} end`;
    const printed = printable(text);
    expect(printed.length).toBeLessThan(MAX_PRINTED_LENGTH + 60);
    const [marker, count] = /…\(([\d,]+) characters left out\)…/.exec(printed) ?? ['', '0'];
    expect(printed).toMatch(/^start k+…\(.*\)…k+ end$/);
    expect(printed.length - marker.length + Number(count.replace(/,/g, ''))).toBe(text.length);
    const emoji = '😀'.repeat(MAX_PRINTED_LENGTH);
    expect(printable(emoji)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
    const atLimit = 'x'.repeat(MAX_PRINTED_LENGTH);
    expect(printable(atLimit)).toBe(atLimit);
  });

  it('a path that would start a workflow command gets "./" in front and stays a path', () => {
    expect(printablePath('::error file=x::y.rubric.yaml')).toBe('./::error file=x::y.rubric.yaml');
    expect(printablePath('rubrics/a::b.rubric.yaml')).toBe('rubrics/a::b.rubric.yaml');
  });

  it('printableJson escapes the same characters without changing what the JSON says', () => {
    const value = { message: `x\n::error::y ${ESC}[2J \u202e \u0085 \u2028 ##[stop-commands]t ##vso[x]`, list: ['a', 'b'] };
    const json = printableJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(UNSAFE);
    expect(json).not.toMatch(LOG_COMMAND);
    expect(JSON.parse(json)).toEqual(value);
    expect(json.split('\n').length).toBe(JSON.stringify(value, null, 2).split('\n').length);
  });
});

describe('rubrics validate: every format prints hostile keys and values on one line, escaped and bounded', () => {
  const hostileKeys = [
    'x\n::error file=README.md,line=1::INJECTED',
    `${ESC}[31mred${ESC}[0m ${ESC}]0;title\u0007`,
    'invoice\u202eexe.pdf \u2066hidden\u2069',
    '##[stop-commands]pause ##vso[task.setvariable variable=secret]1',
    '\u009b2J c1 \u2028 separators \u0085',
  ];
  let dir: string;

  beforeAll(() => {
    dir = tempDir();
    const keys = hostileKeys.map((key, i) => `${JSON.stringify(key)}: ${i}\n`).join('');
    fs.writeFileSync(path.join(dir, 'keys.rubric.yaml'), `apiVersion: rubrics-as-code/v1\nkind: Rubric\n${keys}`);
    // A megabyte of which the engine's message quotes a short excerpt.
    fs.writeFileSync(path.join(dir, 'huge.rubric.yaml'), `apiVersion: rubrics-as-code/v1\nkind: ${MEGABYTE}\n`);
    // A file name that is a workflow command.
    fs.writeFileSync(path.join(dir, '::error file=README.md::named.rubric.yaml'), 'apiVersion: rubrics-as-code/v1\nkind: Rubric\n');
  });

  const run = (format: string, env: Record<string, string> = {}) => runCli(cli, ['validate', '.', '--format', format], { cwd: dir, env, timeout: 30_000 });

  /** The checks every format must pass; `ownCommand` matches the lines a format writes as commands on purpose. */
  function expectSafe(output: string, ownCommand?: RegExp): void {
    expect(output).not.toMatch(UNSAFE);
    expect(output).not.toMatch(LOG_COMMAND);
    for (const line of output.split('\n')) {
      if (ownCommand?.test(line)) continue;
      expect(line.trimStart().startsWith('::'), line).toBe(false);
      expect(line.length).toBeLessThan(2 * MAX_PRINTED_LENGTH);
    }
    expect(output.length).toBeLessThan(64 * 1024);
  }

  it('stylish', async () => {
    const result = await run('stylish');
    expect(result.code).toBe(1);
    expectSafe(result.stdout);
    expect(result.stdout).toContain('"x\\n::error file=README.md,line=1::INJECTED" is not a key');
    expect(result.stdout).toContain('"invoice\\u202eexe.pdf \\u2066hidden\\u2069"');
    expect(result.stdout).toContain('#\\u0023[stop-commands]pause');
    expect(result.stdout).toMatch(/^\.\/::error file=README\.md::named\.rubric\.yaml:1:1 /m);
    expect(result.stdout).toMatch(/The kind must be Rubric, Assessment or Plan, not "k{39}…"\./);
  });

  it('stylish in colour: the only escapes are its own colours', async () => {
    const result = await run('stylish', { FORCE_COLOR: '1' });
    expect(result.stdout).toContain(ESC);
    expectSafe(result.stdout.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), ''));
  });

  it('github: the only commands are its own annotations, one per line', async () => {
    const result = await run('github');
    const annotation = /^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/;
    expectSafe(result.stdout, annotation);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((line) => annotation.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('file=%3A%3Aerror file=README.md%3A%3Anamed.rubric.yaml,'))).toBe(true);
  });

  it.each(['json', 'sarif'])('%s: valid JSON whose messages are the printable ones', async (format) => {
    const result = await run(format);
    expectSafe(result.stdout);
    const messages = JSON.stringify(JSON.parse(result.stdout));
    expect(messages).toContain('\\"x\\\\n::error file=README.md,line=1::INJECTED\\" is not a key');
    expect(messages).toMatch(/The kind must be Rubric, Assessment or Plan, not \\"k{39}…\\"\./);
  });

  it('report and diff print the problems on stderr the same way', async () => {
    for (const args of [['report', 'keys.rubric.yaml'], ['diff', 'keys.rubric.yaml', 'keys.rubric.yaml']]) {
      const result = await runCli(cli, args, { cwd: dir, timeout: 30_000 });
      expect(result.code).toBe(1);
      expectSafe(result.stderr);
      expect(result.stderr).toContain('"x\\n::error file=README.md,line=1::INJECTED" is not a key');
    }
  });
});

describe('a document whose texts hold CI log commands: no output of any command lets one through', () => {
  /** Newlines, workflow commands, and the commands runners obey mid-line, in plain and in free text. */
  const TITLE = 'x\n::error file=a::INJECTED ##[error]title ##vso[task.setvariable variable=secret]1';
  const NOTE = [
    'First line',
    '::warning file=b::INJECTED',
    '  ::add-mask::secret',
    '##[group]folded ##vso[task.complete result=Failed]',
    '`##[error]inline code` and `::error::code`',
    '',
    '```',
    '::error file=c::INJECTED from a code block',
    '##[endgroup]',
    '```',
    '',
    '    ::error::an indented code block',
  ].join('\n');
  const q = (text: string) => JSON.stringify(text);
  let dir: string;

  beforeAll(() => {
    dir = tempDir();
    const rubric = fs.readFileSync(path.join(FIXTURES, 'project/team.rubric.yaml'), 'utf8')
      .replace('title: Service desk maturity', `title: ${q(TITLE)}\ndescription: ${q(NOTE)}`)
      .replace('title: Self-service', `title: ${q(`Self-service ${TITLE}`)}`)
      .replace('text: People can raise requests in a portal.', `text: ${q(`Portal ${TITLE}`)}`);
    const assessment = (portal: string) =>
      fs.readFileSync(path.join(FIXTURES, 'project/good.assessment.yaml'), 'utf8')
        .replace('subject: { organization: Fictional Freight, unit: Group IT }', `title: ${q(TITLE)}\nsubject: { organization: ${q(`Org ${TITLE}`)}, unit: ${q(TITLE)} }\nsummary: ${q(NOTE)}`)
        .replace('      portal: yes', `      portal: { answer: ${portal}, note: ${q(NOTE)} }`)
        .replace('    target: 3\n    answers:\n      kb', `    target: 3\n    notes: ${q(NOTE)}\n    answers:\n      kb`);
    fs.writeFileSync(path.join(dir, 'team.rubric.yaml'), rubric);
    fs.writeFileSync(path.join(dir, 'desk.assessment.yaml'), assessment('no'));
    gitIn(dir, 'init', '-q');
    gitIn(dir, 'add', '-A');
    gitIn(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'before');
    fs.writeFileSync(path.join(dir, 'desk.assessment.yaml'), assessment('yes'));
  });

  const commands: [string, string[]][] = [
    ...['stylish', 'json', 'sarif', 'github'].map((format): [string, string[]] => [`validate --format ${format}`, ['validate', '.', '--format', format]]),
    ...['md', 'html', 'json'].flatMap((format): [string, string[]][] => [
      [`report of the assessment --format ${format}`, ['report', 'desk.assessment.yaml', '--format', format]],
      [`report of the rubric --format ${format}`, ['report', 'team.rubric.yaml', '--format', format]],
    ]),
    ...['md', 'json'].map((format): [string, string[]] => [`diff --format ${format}`, ['diff', 'HEAD:desk.assessment.yaml', 'desk.assessment.yaml', '--format', format]]),
  ];

  it.each(commands)('%s', async (_name, args) => {
    const result = await runCli(cli, args, { cwd: dir, timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = result.stdout;
    // The document's words are there; only the commands are broken.
    if (!args.includes('validate')) expect(output).toContain('INJECTED');
    for (const line of output.split('\n')) {
      expect(line.trimStart().startsWith('::'), line).toBe(false);
      expect(line, line).not.toMatch(LOG_COMMAND);
    }
  });
});
