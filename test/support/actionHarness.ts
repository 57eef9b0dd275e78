import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Ajv from 'ajv';
import * as esbuild from 'esbuild';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { actionBundle } from '../../scripts/action-bundle.mjs';
import { REPO_ROOT, tempDir } from './cli';

// The GitHub Action, run as GitHub runs it: `node dist/action/index.js` with the environment a
// runner gives a step (the event file, the workspace, the summary and output files, the inputs as
// INPUT_* variables), against a local HTTP server standing in for api.github.com. Shared by
// test/action/main.test.ts and test/integration/securityCorpus.test.ts.

/** Bundles the Action as a release does, into a temporary folder; returns its index.js. */
export async function buildActionBundle(): Promise<string> {
  const bundle = path.join(tempDir('rubrics-action-bundle-'), 'index.js');
  await esbuild.build({ ...actionBundle, absWorkingDir: REPO_ROOT, outfile: bundle, logLevel: 'silent' });
  return bundle;
}

export interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  /** The request's body as sent. */
  raw: string;
  body?: { body: string };
}

export interface FakeComment {
  id: number;
  body: string;
  /** Who wrote it. */
  login: string;
}

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  comments: FakeComment[];
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Comments already on pull request 7, before the Action's. */
  readonly comments?: readonly Omit<FakeComment, 'id'>[];
  /** What GET /user answers: a login (a user's token), or nothing (GITHUB_TOKEN may not ask: 403). */
  readonly login?: string;
  /** The html_url the API gives a comment (a hostile server's answer, in the corpus). */
  readonly htmlUrl?: (id: number) => string;
}

export const BOT = 'github-actions[bot]';

/** A stand-in for GitHub's issue-comments API, holding one pull request's comments (acme/governance#7). */
export async function fakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const comments: FakeComment[] = (options.comments ?? []).map((c, i) => ({ id: i + 1, ...c }));
  const requests: Recorded[] = [];
  const htmlUrl = options.htmlUrl ?? ((id: number) => `https://github.example/acme/governance/pull/7#issuecomment-${id}`);
  const author = options.login ?? BOT;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const recorded: Recorded = { method: req.method ?? '', url: `${url.pathname}${url.search}`, raw, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
      if (raw) recorded.body = JSON.parse(raw) as { body: string };
      requests.push(recorded);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const shown = (c: FakeComment) => ({ id: c.id, body: c.body, user: { login: c.login }, html_url: htmlUrl(c.id) });
      if (req.method === 'GET' && url.pathname === '/user') {
        return options.login ? send(200, { login: options.login }) : send(403, { message: 'Resource not accessible by integration' });
      }
      if (req.method === 'GET' && url.pathname === '/repos/acme/governance/issues/7/comments') {
        const perPage = Number(url.searchParams.get('per_page'));
        const page = Number(url.searchParams.get('page'));
        return send(200, comments.slice((page - 1) * perPage, page * perPage).map(shown));
      }
      if (req.method === 'POST' && url.pathname === '/repos/acme/governance/issues/7/comments' && recorded.body) {
        const created = { id: 1000 + comments.length, body: recorded.body.body, login: author };
        comments.push(created);
        return send(201, shown(created));
      }
      const patch = /^\/repos\/acme\/governance\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const target = patch && comments.find((c) => c.id === Number(patch[1]));
      if (req.method === 'PATCH' && target && recorded.body) {
        target.body = recorded.body.body;
        return send(200, shown(target));
      }
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, comments, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ActionRun {
  code: number;
  log: string;
  summary: string;
  outputs: Record<string, string>;
  /** The runner's own folder (the event, summary and output files): outside the workspace. */
  runner: string;
}

/** A pull request's event, number 7 of acme/governance, whose base is `base`. */
export function pullRequestEvent(base: string): object {
  return { pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { ref: 'feature' } }, repository: { full_name: 'acme/governance' } };
}

/** Runs the bundled Action as a runner does, in a fresh runner temp folder. */
export function runAction(bundle: string, repo: string, event: object, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const runner = tempDir('rubrics-action-runner-');
  const files = { event: path.join(runner, 'event.json'), summary: path.join(runner, 'summary.md'), output: path.join(runner, 'output.txt') };
  fs.writeFileSync(files.event, JSON.stringify(event));
  fs.writeFileSync(files.summary, '');
  fs.writeFileSync(files.output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request' in event ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'acme/governance',
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    // The defaults action.yml declares, as the runner passes them.
    'INPUT_PATHS': '.',
    'INPUT_BASE-REF': '',
    'INPUT_FORMATS': 'annotations sarif summary',
    'INPUT_SARIF-FILE': 'rubrics.sarif',
    'INPUT_FAIL-ON': 'error',
    'INPUT_MAX-WARNINGS': '',
    'INPUT_MAX-SCORE-DROP': '',
    'INPUT_COMMENT': 'false',
    'INPUT_TOKEN': 'ghs_test-token',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle], { cwd: repo, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const outputs = Object.fromEntries(fs.readFileSync(files.output, 'utf8').split('\n').filter(Boolean).map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }));
      resolve({ code: error ? Number(error.code) : 0, log: stdout + stderr, summary: fs.readFileSync(files.summary, 'utf8'), outputs, runner });
    });
  });
}

/** The official SARIF 2.1.0 schema (draft-04, as published), checked with the project's Ajv. */
export function sarifValidator() {
  const schema: Record<string, unknown> = { ...(sarifSchema as Record<string, unknown>) };
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
}
