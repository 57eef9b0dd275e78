import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { suiteVsix } from '../../scripts/e2e/build-suite.mjs';
import { extensionVsixPath, gitUserSettings, repoRoot, startCodeServer, windowUserSettings, type CodeServer } from '../../scripts/e2e/codeServer.mjs';
import { copySamplesWorkspace } from '../../scripts/e2e/samplesWorkspace.mjs';
import { Workbench } from '../../scripts/e2e/workbench.mjs';
import { fileUri, NodeFileHost } from '../../src/node/nodeFileHost';
import { Engine, type FileAnalysis } from '../../src/core/engine';
import type { PortfolioModel } from '../../src/core/views';

/**
 * One end-to-end session: a copy of samples/ opened in a fresh code-server with the packaged
 * extension installed, and a Chromium page on it. `npm run test:e2e` packages the extension
 * before the tests run, so the tests exercise exactly what `npm run package` ships.
 */
export interface Session {
  readonly server: CodeServer;
  readonly workbench: Workbench;
  /** The workspace copy on disk (edits in the browser land here, not in the repository). */
  readonly workspace: string;
  close(): Promise<void>;
}

/** Colour themes by their setting value; the theme picker lists them without "Default ". */
export const LIGHT_THEME = 'Default Light Modern';
export const DARK_THEME = 'Default Dark Modern';

export interface SessionOptions {
  readonly name: string;
  /** Keep Workspace Trust on: the folder opens in restricted mode. */
  readonly trust?: boolean;
  readonly theme?: string;
  /** Also install the VS Code API suite's test extension (out/vscode-suite/). */
  readonly withSuite?: boolean;
  readonly settings?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  /**
   * Extra files (relative path → text) written into the workspace before VS Code starts, so they
   * are indexed for Quick Open from the start: a file created later can take longer to appear
   * there than a test should wait on a loaded machine.
   */
  readonly files?: Record<string, string>;
  /**
   * Put the workspace in a git repository, one folder up (as the demo's samples/ lies in the
   * clone), committed, and turn VS Code's Git extension on the way the demo does.
   */
  readonly git?: boolean;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const vsix = extensionVsixPath();
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run the end-to-end tests with \`npm run test:e2e\`, which packages it first.`);
  const { workspace, remove } = copySamplesWorkspace(options.name);
  for (const [relative, text] of Object.entries(options.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
    fs.writeFileSync(path.join(workspace, relative), text);
  }
  if (options.git) commitParent(workspace);
  let server: CodeServer | undefined;
  try {
    server = await startCodeServer({
      workspace,
      name: options.name,
      trust: options.trust ?? false,
      extensions: options.withSuite ? [vsix, suiteVsix] : [vsix],
      settings: {
        'workbench.colorTheme': options.theme ?? LIGHT_THEME,
        // Keep the window predictable: no secondary side bar, no minimap hiding text, no chat.
        ...windowUserSettings,
        ...(options.git ? gitUserSettings : {}),
        'editor.minimap.enabled': false,
        'editor.hover.delay': 150,
        'window.zoomLevel': 0,
        ...options.settings,
      },
      env: options.env,
    });
    const workbench = await Workbench.open(server);
    const started = server;
    let closed = false;
    return {
      server: started,
      workbench,
      workspace,
      async close() {
        if (closed) return;
        closed = true;
        await workbench.close();
        await started.stop();
        remove();
      },
    };
  } catch (error) {
    if (server) {
      const log = server.log();
      await server.stop({ keep: true });
      (error as Error).message += `\ncode-server log (${server.logFile}):\n${log.slice(-3000)}`;
    }
    remove();
    throw error;
  }
}

/** A git repository in the folder that holds `workspace`, with everything in it committed. */
function commitParent(workspace: string): void {
  const git = (...args: string[]) => execFileSync('git', args, {
    cwd: path.dirname(workspace),
    env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.invalid', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.invalid' },
    stdio: 'pipe',
  });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'samples');
}

/** Switches the colour theme the way a user does: "Preferences: Color Theme", then pick one. */
export async function setTheme(session: Session, theme: string): Promise<void> {
  const wb = session.workbench;
  await wb.runCommand('Preferences: Color Theme');
  const input = wb.page.locator('.quick-input-widget input');
  const label = theme.replace(/^Default /, '');
  await input.fill(label);
  const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  await row.click();
  const dark = /dark/i.test(theme);
  await wb.page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
}

// ------------------------------------------------------------------ the CLI, for expectations

export interface CliDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function cli(args: string[], cwd: string): string {
  const cliPath = path.join(repoRoot, 'dist', 'cli.js');
  try {
    return execFileSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  } catch (error) {
    // `validate` exits 1 when it finds problems; its JSON is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return stdout;
    throw error;
  }
}

/** What `rubrics validate FILE --format json` reports for a file of the workspace copy. */
export function cliDiagnostics(session: Session, relativePath: string): CliDiagnostic[] {
  const out = JSON.parse(cli(['validate', relativePath, '--format', 'json'], session.workspace)) as { diagnostics: CliDiagnostic[] }[];
  if (out.length !== 1 || !out[0]) throw new Error(`rubrics validate ${relativePath} reported ${out.length} files`);
  return out[0].diagnostics;
}

/** What `rubrics portfolio PATH --format json` says about a folder of the workspace copy (the model, schemas/portfolio.schema.json). */
export function cliPortfolio(session: Session, relativePath: string): PortfolioModel {
  return JSON.parse(cli(['portfolio', relativePath, '--format', 'json'], session.workspace)) as PortfolioModel;
}

/** What `rubrics report FILE --format json` says about a file of the workspace copy. */
export function cliReport(session: Session, relativePath: string): Record<string, unknown> {
  return JSON.parse(cli(['report', relativePath, '--format', 'json'], session.workspace)) as Record<string, unknown>;
}

// ------------------------------------------------------------------ positions in sample text

/** 1-based line and column of the first `needle` after the first `after` (if given) in `text`. */
export function lineColumnOf(text: string, needle: string, after?: string): { line: number; column: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`"${after}" not found`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not found after "${after ?? '(start)'}"`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/**
 * Saves a file from its editor in the first editor group and reads it from disk: keyboard focus
 * may be in the preview (a webview in the other group), which keeps the workbench's keys.
 */
export async function saveFromEditor(session: Session, relativePath: string): Promise<string> {
  const wb = session.workbench;
  await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await wb.runCommand('View: Focus First Editor Group');
  await wb.activeTab(path.basename(relativePath));
  return wb.saveAndRead(relativePath);
}

export function readWorkspaceFile(session: Session, relativePath: string): string {
  return fs.readFileSync(path.join(session.workspace, relativePath), 'utf8');
}

/** The engine's analysis of a file of the workspace copy, as the CLI computes it. */
export function analyzeFile(session: Session, relativePath: string): Promise<FileAnalysis> {
  const file = path.join(session.workspace, relativePath);
  return new Engine(new NodeFileHost()).analyze(fileUri(file), fs.readFileSync(file, 'utf8'));
}

/** Saves a screenshot named after the test when it fails, to see what the window showed. */
export function screenshotOnFailure(current: () => Session | undefined): void {
  afterEach(async (context) => {
    const session = current();
    if (!session || context.task.result?.state !== 'fail') return;
    const name = `FAILED ${context.task.name}`.replace(/[^\w.-]+/g, '-').slice(0, 120);
    await session.workbench.screenshot(name).catch(() => undefined);
  });
}
