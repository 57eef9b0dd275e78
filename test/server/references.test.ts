/**
 * The language server keeps references inside the workspace folders (widened by the
 * rubrics.references.allowOutside setting), says why a referenced file could not be read, and
 * never opens a FIFO, a socket or a device, in VS Code's way (the client reads) and in
 * `rubrics lsp --stdio`'s (the server reads the disk).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver/node';
import { DESK_ASSESSMENT, DESK_PLAN, DESK_RUBRIC } from '../support/languageFixtures';
import { position, removeBundles, startStdioServer, startWorkerServer, type TestClient, type TestClientOptions } from '../support/lspClient';

const SECRET = DESK_RUBRIC.replace('title: Service desk', 'title: TOP SECRET, never to be shown');
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => {
  removeBundles();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(options: TestClientOptions): Promise<TestClient> {
  const client = await startWorkerServer(options);
  clients.push(client);
  return client;
}

const assessmentOf = (reference: string) => DESK_ASSESSMENT.replace('rubric: ./desk.rubric.yaml', `rubric: ${JSON.stringify(reference)}`);
const codes = (client: TestClient, uri: string) => client.diagnostics.get(uri)?.map((d) => d.code) ?? [];

describe('language server: references stay inside the workspace folders', () => {
  const files = {
    'file:///ws/desk.rubric.yaml': DESK_RUBRIC,
    'file:///outside/desk.rubric.yaml': SECRET,
    'file:///etc/passwd': SECRET,
  };

  it.each([
    ['`..` out of the folder', '../outside/desk.rubric.yaml'],
    ['an absolute path', '/etc/passwd'],
    ['a network path', '//server/share/desk.rubric.yaml'],
    ['a network path with backslashes', '\\\\server\\share\\desk.rubric.yaml'],
  ])('refuses %s without asking the client for it', async (_what, reference) => {
    const client = await start({ files });
    const uri = 'file:///ws/acme.assessment.yaml';
    client.open(uri, assessmentOf(reference));
    const diagnostics = await client.diagnosticsOf(uri);
    expect(diagnostics.map((d) => d.code)).toEqual(['reference-outside-workspace']);
    expect(diagnostics[0]?.message).toContain('points outside the workspace folder');
    expect(diagnostics[0]?.message).toContain('rubrics.references.allowOutside');
    expect(client.reads.filter((read) => !read.startsWith('file:///ws/'))).toEqual([]);
  });

  it('refuses a link that leads out of the folder (the desktop client says where links lead)', async () => {
    const client = await start({
      files: { ...files, 'file:///ws/linked.rubric.yaml': SECRET },
      links: { 'file:///ws/linked.rubric.yaml': 'file:///outside/desk.rubric.yaml' },
      initializationOptions: { clientReadsFiles: true, documentStatus: true, clientResolvesLinks: true },
      // The start-up scan checks linked.rubric.yaml as a file of the workspace (VS Code lists it);
      // what is tested here is that the reference does not read it.
      settings: { workspaceScan: { enabled: false } },
    });
    const uri = 'file:///ws/acme.assessment.yaml';
    client.open(uri, assessmentOf('./linked.rubric.yaml'));
    const diagnostics = await client.diagnosticsOf(uri);
    expect(diagnostics.map((d) => d.code)).toEqual(['reference-outside-workspace']);
    expect(diagnostics[0]?.message).toContain('leads through a link to a file outside the workspace folder');
    expect(client.reads).not.toContain('file:///ws/linked.rubric.yaml');
  });

  it('reads a folder that the rubrics.references.allowOutside setting names', async () => {
    const client = await start({ files, settings: { references: { allowOutside: ['/outside'] } } });
    const uri = 'file:///ws/acme.assessment.yaml';
    client.open(uri, assessmentOf('../outside/desk.rubric.yaml'));
    await client.until(() => client.diagnostics.get(uri), 'the assessment checked');
    // Its own findings only: the rubric was found and read.
    expect(codes(client, uri)).toEqual(['evidence-missing', 'criterion-not-answered']);
  });

  it("with no workspace folder open, allows the file's own folder and no further", async () => {
    const client = await start({ files: { ...files, 'file:///ws/sub/desk.rubric.yaml': DESK_RUBRIC }, workspaceFolders: [] });
    const near = 'file:///ws/sub/near.assessment.yaml';
    const far = 'file:///ws/sub/far.assessment.yaml';
    client.open(near, assessmentOf('./desk.rubric.yaml'));
    client.open(far, assessmentOf('../desk.rubric.yaml'));
    await client.until(() => client.diagnostics.get(near) && client.diagnostics.get(far), 'both checked');
    expect(codes(client, near)).toEqual(['evidence-missing', 'criterion-not-answered']);
    expect(codes(client, far)).toEqual(['reference-outside-workspace']);
    expect(client.diagnostics.get(far)?.[0]?.message).toContain("outside this file's folder (no workspace folder is open)");
  });

  it('does not go to a baseline outside the folder', async () => {
    const client = await start({ files: { ...files, 'file:///outside/acme.assessment.yaml': DESK_ASSESSMENT } });
    const uri = 'file:///ws/acme.plan.yaml';
    const text = DESK_PLAN.replace('baseline: ./acme.assessment.yaml', 'baseline: ../outside/acme.assessment.yaml');
    client.open(uri, text);
    await client.diagnosticsOf(uri);
    const at = text.indexOf('../outside') + 3;
    const target = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: position(text, at) });
    expect(target).toBeNull();
    expect(client.reads).not.toContain('file:///outside/acme.assessment.yaml');
  });

  it("the workspace scan never asks the client to read a file that leads out of the folder (VS Code lists it), and shows why on it", async () => {
    const client = await start({
      files: { 'file:///ws/desk.rubric.yaml': DESK_RUBRIC, 'file:///ws/linked.rubric.yaml': SECRET, 'file:///ws/rubrics/x.yaml': SECRET, 'file:///ws/notes.yaml': SECRET },
      links: { 'file:///ws/linked.rubric.yaml': 'file:///outside/desk.rubric.yaml', 'file:///ws/rubrics/x.yaml': 'file:///ws/.git/config', 'file:///ws/notes.yaml': 'file:///etc/passwd' },
      initializationOptions: { clientReadsFiles: true, documentStatus: true, clientResolvesLinks: true },
    });
    await client.until(() => client.log.some((line) => /^Workspace scan \(start-up\)/.test(line)), 'the end of the start-up scan');
    expect(client.reads.filter((read) => read !== 'file:///ws/desk.rubric.yaml' && !read.endsWith('.rubricsignore'))).toEqual([]);
    expect(codes(client, 'file:///ws/linked.rubric.yaml')).toEqual(['file-outside-workspace']);
    expect(client.diagnostics.get('file:///ws/linked.rubric.yaml')?.[0]?.message).toMatch(/^linked\.rubric\.yaml leads through a link to a file outside the workspace folder, so it was not read or checked/);
    expect(client.diagnostics.get('file:///ws/rubrics/x.yaml')?.[0]?.message).toMatch(/^x\.yaml leads through a link into \.git, version control's own folder/);
    // A YAML file that is not ours by its name is left alone, and said nothing of.
    expect(client.diagnostics.has('file:///ws/notes.yaml')).toBe(false);
    expect(JSON.stringify([...client.diagnostics.values()]) + client.log.join('\n')).not.toContain('TOP SECRET');
  });

  it('says why a referenced file the client did not read was not read, in the diagnostic the editor shows', async () => {
    const client = await start({ files: { 'file:///ws/desk.rubric.yaml': { unreadable: 'it is not a regular file' } } });
    const uri = 'file:///ws/acme.assessment.yaml';
    client.open(uri, DESK_ASSESSMENT);
    const diagnostics = await client.diagnosticsOf(uri);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['rubric-not-found', 1]]);
    expect(diagnostics[0]?.message).toBe('"./desk.rubric.yaml" is there but was not read: it is not a regular file.');
  });
});

describe.runIf(process.platform === 'linux')('rubrics lsp --stdio: the disk', () => {
  function workspace(): { dir: string; folder: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-lsp-disk-'));
    dirs.push(dir);
    return { dir, folder: pathToFileURL(dir).toString() };
  }

  it('refuses a link on disk that leads out of the folder, and a `..` path, reading neither', async () => {
    const { dir, folder } = workspace();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-lsp-outside-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'desk.rubric.yaml'), SECRET);
    fs.symlinkSync(path.join(outside, 'desk.rubric.yaml'), path.join(dir, 'linked.rubric.yaml'));
    const { client } = await startStdioServer({ workspaceFolders: [folder], capabilities: { workspace: { configuration: true } }, settings: { workspaceScan: { enabled: false } } });
    clients.push(client);
    const linked = `${folder}/linked.assessment.yaml`;
    const up = `${folder}/up.assessment.yaml`;
    client.open(linked, assessmentOf('./linked.rubric.yaml'));
    client.open(up, assessmentOf(`../${path.basename(outside)}/desk.rubric.yaml`));
    await client.until(() => client.diagnostics.get(linked) && client.diagnostics.get(up), 'both checked');
    expect(codes(client, linked)).toEqual(['reference-outside-workspace']);
    expect(codes(client, up)).toEqual(['reference-outside-workspace']);
    expect(JSON.stringify([...client.diagnostics.values()])).not.toContain('TOP SECRET');
  }, 60_000);

  it('scans past FIFOs, sockets and devices with a note, never opening them, and a referenced FIFO says why', async () => {
    const { dir, folder } = workspace();
    fs.writeFileSync(path.join(dir, 'desk.rubric.yaml'), DESK_RUBRIC);
    fs.writeFileSync(path.join(dir, 'acme.plan.yaml'), DESK_PLAN.replace('baseline: ./acme.assessment.yaml\n', ''));
    execFileSync('mkfifo', [path.join(dir, 'pipe.rubric.yaml')]);
    const socket = net.createServer().listen(path.join(dir, 'socket.assessment.yaml'));
    await new Promise((resolve) => socket.once('listening', resolve));
    if (process.getuid?.() === 0) execFileSync('mknod', [path.join(dir, 'zero.plan.yaml'), 'c', '1', '5']);
    try {
      const { client } = await startStdioServer({ workspaceFolders: [folder], capabilities: { workspace: { configuration: true } } });
      clients.push(client);
      // The scan ends (a FIFO would have held it forever) and checks the plan.
      await client.until(() => client.log.some((line) => /^Workspace scan \(start-up\)/.test(line)), 'the end of the start-up scan');
      expect(client.diagnostics.has(`${folder}/acme.plan.yaml`)).toBe(true);
      expect(client.log).toContain('Skipped pipe.rubric.yaml: it is a FIFO (named pipe), not a regular file.');
      expect(client.log).toContain('Skipped socket.assessment.yaml: it is a socket, not a regular file.');
      if (process.getuid?.() === 0) expect(client.log).toContain('Skipped zero.plan.yaml: it is a character device, not a regular file.');
      for (const name of ['pipe.rubric.yaml', 'socket.assessment.yaml', 'zero.plan.yaml']) expect(client.diagnostics.has(`${folder}/${name}`)).toBe(false);

      const uri = `${folder}/acme.assessment.yaml`;
      client.open(uri, assessmentOf('./pipe.rubric.yaml'));
      await client.until(() => client.diagnostics.get(uri), 'the assessment checked');
      expect(client.diagnostics.get(uri)?.map((d) => d.message)).toEqual([
        '"./pipe.rubric.yaml" is there but was not read: it is a FIFO (named pipe), not a regular file. rubrics reads only regular files, so it never waits on a pipe or reads a device.',
      ]);
    } finally {
      socket.close();
    }
  }, 60_000);

  it('the start-up scan reads no link out of the folder or into .git: a checkout\'s token and the files beside it never show', async () => {
    const { dir, folder } = workspace();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rubrics-lsp-outside-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'desk.rubric.yaml'), SECRET);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic TOKEN-NEVER-SHOWN'], { cwd: dir });
    fs.mkdirSync(path.join(dir, 'rubrics'));
    fs.symlinkSync('../.git/config', path.join(dir, 'rubrics/x.rubric.yaml'));
    fs.symlinkSync(path.join(outside, 'desk.rubric.yaml'), path.join(dir, 'linked.rubric.yaml'));
    fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
    fs.writeFileSync(path.join(dir, 'desk.rubric.yaml'), DESK_RUBRIC);
    const { client } = await startStdioServer({ workspaceFolders: [folder], capabilities: { workspace: { configuration: true } } });
    clients.push(client);
    await client.until(() => client.log.some((line) => /^Workspace scan \(start-up\)/.test(line)), 'the end of the start-up scan');
    expect(codes(client, `${folder}/rubrics/x.rubric.yaml`)).toEqual(['file-outside-workspace']);
    expect(codes(client, `${folder}/linked.rubric.yaml`)).toEqual(['file-outside-workspace']);
    expect(codes(client, `${folder}/desk.rubric.yaml`)).toEqual([]);
    expect([...client.diagnostics.keys()].some((uri) => uri.includes('linked-folder'))).toBe(false);
    const everything = JSON.stringify([...client.diagnostics.values()]) + client.log.join('\n');
    expect(everything).not.toContain('TOKEN-NEVER-SHOWN');
    expect(everything).not.toContain('TOP SECRET');
  }, 60_000);

  it('reads no file past the size limit in the scan, and says so in its log', async () => {
    const { dir, folder } = workspace();
    const large = path.join(dir, 'large.rubric.yaml');
    fs.writeFileSync(large, '');
    fs.truncateSync(large, 16 * 1024 * 1024 + 1);
    const { client } = await startStdioServer({ workspaceFolders: [folder], capabilities: { workspace: { configuration: true } } });
    clients.push(client);
    await client.until(() => client.log.some((line) => /^Workspace scan \(start-up\)/.test(line)), 'the end of the start-up scan');
    expect(client.log).toContain('Skipped large.rubric.yaml: it is larger than the 16 MiB the engine reads (16.0 MiB).');
    expect(client.diagnostics.has(`${folder}/large.rubric.yaml`)).toBe(false);
  }, 60_000);
});
