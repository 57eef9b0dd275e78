/**
 * The web extension's spreadsheet worker (dist/web/sheets.js): the spreadsheet service behind
 * messages, so exceljs is downloaded only when someone exports or imports a sheet.
 */
import { loadSheetService, type SheetImportResult } from '../core';
import type { SheetWorkerReply, SheetWorkerRequest } from './sheetWorkerProtocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<SheetWorkerRequest>) => void) | null; postMessage(message: SheetWorkerReply, transfer?: Transferable[]): void };

scope.onmessage = (event) => {
  const message = event.data;
  const work = loadSheetService().then((service): Promise<Uint8Array | SheetImportResult> => (message.op === 'export' ? service.exportAnswerSheet(message.request) : service.importAnswerSheet(message.request)));
  work.then(
    (result) => scope.postMessage({ id: message.id, result }, result instanceof Uint8Array ? [result.buffer] : []),
    (error: unknown) => scope.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
};
