import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { portfolioBody } from '../../src/core/render';
import { PORTFOLIO, PORTFOLIO_CHANGED, type PortfolioChanged, type PortfolioView } from '../../src/server/protocol';
import { shownPath } from '../../src/server/handlers/portfolio';
import { portfolioOf, tarnValleyFiles } from '../support/portfolio';
import { removeBundles, startWorkerServer, type TestClient, type TestClientOptions } from '../support/lspClient';

/**
 * `rubrics/portfolio`: the language server's portfolio of the workspace (the bundled server in a
 * worker thread, as the desktop runs it, reading the sample organization from memory as VS Code's
 * file system would serve it), and `rubrics/portfolioChanged`, which tells the panel to ask again.
 */

const SAMPLES = tarnValleyFiles();
const FILES = Object.fromEntries(Object.entries(SAMPLES).map(([p, text]) => [`file:///ws/${p}`, text]));
const PORTAL = 'tarn-valley/customer-digital/customer-portal.2026-04.seven-attributes.assessment.yaml';
const clients: TestClient[] = [];

async function start(options: TestClientOptions = {}): Promise<{ client: TestClient; changes: number[] }> {
  const client = await startWorkerServer({ files: FILES, workspaceFolders: ['file:///ws/'], initializationOptions: { clientReadsFiles: true, documentStatus: true, portfolioChanges: true }, ...options });
  clients.push(client);
  const changes: number[] = [];
  client.connection.onNotification(PORTFOLIO_CHANGED, ({ generation }: PortfolioChanged) => {
    changes.push(generation);
  });
  return { client, changes };
}

/** Asks for the view until `done` says it is the one wanted (the scan and the checks come in the background). */
async function viewWhen(client: TestClient, done: (view: PortfolioView) => boolean, params: object = {}, what = 'the portfolio'): Promise<PortfolioView> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const view = await client.request<PortfolioView>(PORTFOLIO, params);
    if (done(view)) return view;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (last view: ${view.units} units, generation ${view.generation})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The view once the workspace scan has checked every file (its line in the log says so). */
async function scannedView(client: TestClient): Promise<PortfolioView> {
  await client.until(() => client.log.some((line) => line.startsWith('Workspace scan')), 'the workspace scan');
  return client.request<PortfolioView>(PORTFOLIO, {});
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => removeBundles());

describe('the portfolio request', () => {
  it('renders the workspace\'s portfolio as the core renders it from the same files, every row and cell pointing at its file', async () => {
    const { client } = await start();
    const view = await scannedView(client);
    expect(view.units).toBe(12);
    // The same files give the same page body as the CLI's `rubrics portfolio` reads them (paths relative to the workspace folder).
    expect(view.body).toBe(portfolioBody(await portfolioOf(SAMPLES), { mode: 'webview' }));
    expect(view.title).toBe('Tarn Valley Water: portfolio');
    expect(view.body).toContain(`data-uri="file:///ws/${PORTAL}"`);
    expect(view.body).toMatch(/<td[^>]* data-source-offset="\d+" tabindex="0">/);
    // The files a click may open: the latest assessment of each unit and rubric, never a rubric or a plan.
    expect(view.files).toContain(`file:///ws/${PORTAL}`);
    expect(view.files).not.toContain('file:///ws/tarn-valley/customer-digital/customer-portal.2025-04.seven-attributes.assessment.yaml');
    expect(view.files.every((uri) => uri.endsWith('.assessment.yaml'))).toBe(true);
  });

  it('scans the workspace when it is asked and the start-up scan is off, and says when the view changes', async () => {
    const { client, changes } = await start({ settings: { workspaceScan: { enabled: false } } });
    expect((await client.request<PortfolioView>(PORTFOLIO, {})).units).toBeLessThan(12);
    const view = await viewWhen(client, (v) => v.units === 12, {}, 'the scan the request starts');
    // Each change of the records was announced, up to the view's.
    await client.until(() => changes.includes(view.generation), `a portfolioChanged notification of generation ${view.generation}`);
  });

  it('follows an unsaved edit of an open assessment, and tells the client once per change of the records', async () => {
    const { client, changes } = await start();
    const before = await scannedView(client);
    const uri = `file:///ws/${PORTAL}`;
    const text = SAMPLES[PORTAL] as string;
    client.open(uri, text);
    await client.diagnosticsOf(uri);
    const seen = changes.length;
    // Opening the file as it is on disk changes nothing the portfolio shows.
    expect((await client.request<PortfolioView>(PORTFOLIO, {})).body).toBe(before.body);
    const answer = 'olp-assumptions-tested: no';
    const at = text.indexOf(answer) + answer.length - 'no'.length;
    expect(at).toBeGreaterThan(answer.length);
    client.change(uri, text, at, at + 'no'.length, 'yes');
    await client.until(() => changes.length > seen, 'a portfolioChanged notification');
    const after = await client.request<PortfolioView>(PORTFOLIO, {});
    expect(after.generation).toBeGreaterThan(before.generation);
    // The unsaved text counts, as the core renders it.
    expect(after.body).not.toBe(before.body);
    expect(after.body).toBe(portfolioBody(await portfolioOf({ ...SAMPLES, [PORTAL]: `${text.slice(0, at)}yes${text.slice(at + 2)}` }), { mode: 'webview' }));
  });

  it('limits the view to a folder, and refuses params of the wrong shape', async () => {
    const { client } = await start();
    await scannedView(client);
    const shared = await client.request<PortfolioView>(PORTFOLIO, { folder: 'file:///ws/tarn-valley/shared-services' });
    expect(shared.units).toBe(4);
    expect(shared.files.length).toBeGreaterThan(0);
    expect(shared.files.every((uri) => uri.startsWith('file:///ws/tarn-valley/shared-services/'))).toBe(true);
    // A folder whose name only starts like another's is another folder.
    expect((await client.request<PortfolioView>(PORTFOLIO, { folder: 'file:///ws/tarn-valley/shared' })).units).toBe(0);
    await expect(client.request(PORTFOLIO, { folder: 3 })).rejects.toThrow(/params\.folder must be a string/);
  });

  it('sends no portfolioChanged to a client that did not ask for it', async () => {
    const { client, changes } = await start({ initializationOptions: { clientReadsFiles: true, documentStatus: true } });
    expect((await scannedView(client)).units).toBe(12);
    expect(changes).toEqual([]);
  });
});

describe('shownPath', () => {
  it('names a file by its path in its workspace folder, after the folder\'s name when there are several', () => {
    expect(shownPath('file:///ws/a%20b/x.assessment.yaml', ['file:///ws/'])).toBe('a b/x.assessment.yaml');
    expect(shownPath('file:///ws/b/x.yaml', ['file:///ws/', 'file:///other/'])).toBe('ws/b/x.yaml');
    expect(shownPath('file:///ws/inner/x.yaml', ['file:///ws/', 'file:///ws/inner/'])).toBe('inner/x.yaml');
    expect(shownPath('untitled:Untitled-1', ['file:///ws/'])).toBe('untitled:Untitled-1');
  });
});

