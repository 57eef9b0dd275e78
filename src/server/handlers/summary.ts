import { onCheckedRequest } from '../checkedMessages';
import type { DocumentStatusReports } from '../checks';
import type { ServerContext } from '../context';
import { summarize } from '../core';
import { PARAMS } from '../params';
import { DOCUMENT_STATUS, DOCUMENT_SUMMARY, type DocumentStatus, type DocumentSummary, type DocumentSummaryParams } from '../protocol';

/**
 * An open document's summary (its kind, score and problems, for the status bar): asked for with
 * `rubrics/summary`, and sent after every check as `rubrics/documentStatus` to a client that
 * asked for it (`documentStatus`).
 */
export function registerSummary({ connection, session, store }: ServerContext): DocumentStatusReports {
  onCheckedRequest(connection, DOCUMENT_SUMMARY, PARAMS.uri, ({ uri }: DocumentSummaryParams) =>
    store.atCurrent(uri, async (doc): Promise<DocumentSummary> => ({ uri, version: doc.version, ...summarize(await store.analyses.analysisOf(doc)) })),
  );
  const send = (status: DocumentStatus) => {
    if (session.options.documentStatus) void connection.sendNotification(DOCUMENT_STATUS, status);
  };
  return {
    checked(uri, version, analysis) {
      // The summary is computed only for a client that shows it.
      if (session.options.documentStatus) send({ uri, owned: true, summary: { uri, version, ...summarize(analysis) } });
    },
    notOurs: (uri) => send({ uri, owned: false }),
  };
}
