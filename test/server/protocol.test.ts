import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Location } from 'vscode-languageserver/node';
import { stageCliPackage } from '../../scripts/pack-cli.mjs';
import { builtinFrameworks } from '../../src/core/builtins';
import { BUILTIN_TEXT } from '../../src/server/protocol';
import { buildCli, removeTempDirs, REPO_ROOT, tempDir } from '../support/cli';
import { DESK_ASSESSMENT, FILES, uriOf } from '../support/languageFixtures';
import { bundle, position, removeBundles, startStdioServer, startWorkerServer, type TestClient } from '../support/lspClient';
import { RawLspServer } from '../support/rawLsp';

/**
 * The language server for editors other than VS Code: go to definition into a built-in rubric
 * lands in a file they can open, and requests or notifications a client gets wrong are answered
 * with protocol errors, never an exception's text or a `null` position.
 */

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => {
  removeBundles();
  removeTempDirs();
});

const ASSESSMENT = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'kestrel', '2026-03.seven-attributes.assessment.yaml'), 'utf8');
const DIMENSION = 'outward-looking-perspective';

/** A workspace folder on disk holding the sample assessment that uses the built-in seven-attributes rubric. */
function workspace(): { folder: string; uri: string } {
  const dir = tempDir('rubrics-builtin-ws-');
  fs.writeFileSync(path.join(dir, 'kestrel.assessment.yaml'), ASSESSMENT);
  const folder = pathToFileURL(dir).toString();
  return { folder, uri: `${folder}/kestrel.assessment.yaml` };
}

/** Asks for the definition of the first use of DIMENSION as a key in the sample assessment. */
async function definitionOfDimension(client: TestClient, uri: string): Promise<Location | null> {
  client.open(uri, ASSESSMENT);
  await client.diagnosticsOf(uri);
  const at = ASSESSMENT.indexOf(`  ${DIMENSION}:`) + 3;
  return client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: position(ASSESSMENT, at) });
}

/** The text a location covers in `text`. */
function textAt(text: string, location: Location): string {
  const lines = text.split('\n');
  const line = lines[location.range.start.line] ?? '';
  return line.slice(location.range.start.character, location.range.end.character);
}

describe('go to definition into a built-in rubric', () => {
  let packageDir = '';
  beforeAll(async () => {
    packageDir = tempDir('rubrics-cli-package-');
    stageCliPackage({ cli: await buildCli(), outDir: packageDir });
  }, 120_000);

  it('lands in the frameworks/ file that the npm package ships, with the same text', async () => {
    const { folder, uri } = workspace();
    const { client } = await startStdioServer({ workspaceFolders: [folder], settings: { workspaceScan: { enabled: false } } }, path.join(packageDir, 'dist', 'cli.js'));
    clients.push(client);
    const definition = await definitionOfDimension(client, uri);
    const file = path.join(packageDir, 'frameworks', 'seven-attributes.rubric.yaml');
    expect(definition?.uri).toBe(pathToFileURL(file).toString());
    expect(textAt(fs.readFileSync(file, 'utf8'), definition!)).toBe(DIMENSION);
  });

  it('keeps the rubrics-builtin: URI where no such file is there, and answers its text through rubrics/builtinText', async () => {
    const { folder, uri } = workspace();
    // The CLI bundled alone into a temporary folder: no frameworks/ beside it.
    const { client } = await startStdioServer({ workspaceFolders: [folder], settings: { workspaceScan: { enabled: false } } });
    clients.push(client);
    const definition = await definitionOfDimension(client, uri);
    expect(definition?.uri).toBe('rubrics-builtin:/seven-attributes.rubric.yaml');
    const text = await client.request<string | null>(BUILTIN_TEXT, { uri: definition!.uri });
    expect(text).toBe(builtinFrameworks().get('seven-attributes')?.text);
    expect(textAt(text!, definition!)).toBe(DIMENSION);
  });

  it('keeps the rubrics-builtin: URI for VS Code, whose extension opens that scheme', async () => {
    const client = await startWorkerServer({ files: Object.fromEntries(Object.entries(FILES).map(([name, text]) => [uriOf(name), text])) });
    clients.push(client);
    const definition = await definitionOfDimension(client, uriOf('kestrel.assessment.yaml'));
    expect(definition?.uri).toBe('rubrics-builtin:/seven-attributes.rubric.yaml');
  });
});

describe('requests and notifications a client gets wrong', () => {
  const uri = uriOf('acme.assessment.yaml');
  const files = Object.fromEntries(Object.entries(FILES).map(([name, text]) => [uriOf(name), text]));

  async function started(): Promise<TestClient> {
    const client = await startWorkerServer({ files });
    clients.push(client);
    client.open(uri, DESK_ASSESSMENT);
    await client.diagnosticsOf(uri);
    return client;
  }

  async function errorOf(client: TestClient, method: string, params: unknown): Promise<{ code?: number; message?: string }> {
    try {
      await client.request(method, params);
    } catch (error) {
      return error as { code?: number; message?: string };
    }
    throw new Error(`${method} answered instead of failing`);
  }

  it('answers InvalidParams naming the field, not the text of a TypeError', async () => {
    const client = await started();
    const cases: [string, unknown, string][] = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: null, character: 3 } }, 'params.position.line must be a whole number of 0 or more, not null'],
      ['textDocument/definition', { textDocument: { uri }, position: { line: -1, character: 0 } }, 'params.position.line must be a whole number of 0 or more, not -1'],
      ['textDocument/references', { textDocument: { uri }, position: { line: 0, character: 0 } }, 'params.context must be an object, not missing'],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: null }, context: { diagnostics: [] } }, 'params.range.end must be an object, not null'],
      ['textDocument/documentSymbol', { textDocument: { uri: 7 } }, 'params.textDocument.uri must be a string, not 7'],
      ['workspace/executeCommand', { command: null }, 'params.command must be a string, not null'],
      [BUILTIN_TEXT, {}, 'params.uri must be a string, not missing'],
    ];
    for (const [method, params, problem] of cases) {
      const error = await errorOf(client, method, params);
      expect(error.code, method).toBe(-32602);
      expect(error.message).toBe(`${method}: ${problem}.`);
    }
    // Well-formed requests are still answered afterwards.
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: position(DESK_ASSESSMENT, DESK_ASSESSMENT.indexOf('knowledge:') + 2) });
    expect(JSON.stringify(hover)).toContain('Knowledge');
  });

  it('leaves out a change with null positions, keeps the document as it was and publishes no null position', async () => {
    const client = await started();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: null, character: null }, end: { line: null, character: null } }, text: 'x:\n  - [' }],
    });
    await client.until(() => client.log.find((line) => line.startsWith('Ignored textDocument/didChange')), 'the ignored change in the log');
    expect(client.log.find((line) => line.startsWith('Ignored textDocument/didChange'))).toBe('Ignored textDocument/didChange: params.contentChanges[0].range.start.line must be a whole number of 0 or more, not null.');
    // A good change after it applies to the text as it was: a misspelt dimension, reported where it is.
    const at = DESK_ASSESSMENT.indexOf('  knowledge:') + 2;
    client.change(uri, DESK_ASSESSMENT, at, at + 'knowledge'.length, 'knowlege');
    const diagnostics = await client.until(() => {
      const found = client.diagnostics.get(uri)?.filter((d) => d.code === 'unknown-dimension');
      return found?.length ? found : undefined;
    }, 'the misspelt dimension');
    expect(diagnostics[0]?.range.start).toEqual(position(DESK_ASSESSMENT, at));
    const wholeNumbers = (d: Diagnostic) => [d.range.start, d.range.end].every((p) => Number.isInteger(p.line) && Number.isInteger(p.character));
    expect([...client.diagnostics.values()].flat().every(wholeNumbers)).toBe(true);
  });
});

describe('rubrics lsp --stdio, byte by byte', () => {
  const servers: RawLspServer[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.kill()));

  async function started(): Promise<RawLspServer> {
    const server = new RawLspServer(await bundle('src/cli/main.ts', 'cli.js'));
    servers.push(server);
    await server.initialize();
    return server;
  }

  it('answers a request with null params with InvalidParams', async () => {
    const server = await started();
    server.request(1, 'textDocument/completion', null);
    expect((await server.response(1))?.error).toEqual({ code: -32602, message: 'textDocument/completion: params must be an object, not null.' });
  });

  const hover = { textDocument: { uri: 'file:///nowhere/a.yaml' }, position: { line: 0, character: 0 } };
  const lies: [string, (server: RawLspServer) => void][] = [
    ['a Content-Length longer than the body', (server) => server.request(1, 'textDocument/hover', hover, 400)],
    ['a Content-Length shorter than the body', (server) => server.request(1, 'textDocument/hover', hover, 20)],
    ['a Content-Length that is not a number', (server) => server.write(`Content-Length: many\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: hover })}`)],
  ];
  for (const [lie, send] of lies) {
    it(`still answers shutdown after ${lie}`, async () => {
      const server = await started();
      send(server);
      server.request(2, 'shutdown', null);
      expect(await server.response(2)).toMatchObject({ id: 2, result: null });
      // The reader says what it left out, in the log the editor shows.
      expect(server.messages.some((m) => m.method === 'window/logMessage' && String((m.params as { message?: string }).message).startsWith('A message from the editor was not read as sent'))).toBe(true);
    });
  }
});
