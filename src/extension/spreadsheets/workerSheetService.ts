import * as vscode from 'vscode';
import type { SheetService } from './sheetService';
import type { SheetWorkerReply, SheetWorkerRequest } from './sheetWorkerProtocol';

/**
 * The browser's spreadsheet service: a Web Worker running dist/web/sheets.js, started on first
 * use (the web extension's own bundle stays small) and kept for the session. Requests and
 * replies are plain messages; the file's bytes are transferred, not copied.
 */
export function workerSheetService(scriptUri: vscode.Uri): SheetService & vscode.Disposable {
  let worker: Promise<Worker> | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const start = async (): Promise<Worker> => {
    // As the language server's worker starts: from its https URL, else from a blob of its text.
    const created = scriptUri.scheme === 'https' || scriptUri.scheme === 'http' ? new Worker(scriptUri.toString(true), { name: 'rubrics-sheets' }) : new Worker(URL.createObjectURL(new Blob([Uint8Array.from(await vscode.workspace.fs.readFile(scriptUri))], { type: 'text/javascript' })), { name: 'rubrics-sheets' });
    created.onmessage = (event: MessageEvent<SheetWorkerReply>) => {
      const reply = event.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.result);
    };
    created.onerror = (event) => {
      for (const pending of waiting.values()) pending.reject(new Error(event.message || 'The spreadsheet worker stopped.'));
      waiting.clear();
      worker = undefined;
    };
    return created;
  };
  const call = async <T>(request: SheetWorkerRequest, transfer: Transferable[] = []): Promise<T> => {
    worker ??= start();
    const target = await worker;
    return new Promise<T>((resolve, reject) => {
      waiting.set(request.id, { resolve: resolve as (value: unknown) => void, reject });
      target.postMessage(request, transfer);
    });
  };
  return {
    exportAnswerSheet: (request) => call<Uint8Array>({ id: next++, op: 'export', request }),
    importAnswerSheet: (request) => call({ id: next++, op: 'import', request }, [request.bytes.buffer]),
    dispose: () => void worker?.then((w) => w.terminate()),
  };
}
