import type { ChunkedTextDocument } from '../chunkedDocument';
import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import { toWorkspaceEdit } from '../convert';
import { addMissingDimensions } from '../core';
import { PARAMS } from '../params';
import { SERVER_COMMANDS, type AddMissingDimensionsResult } from '../protocol';

/**
 * `workspace/executeCommand`, for the server's commands (SERVER_COMMANDS): add the dimensions an
 * assessment lacks, and check the workspace again (`checkAgain`, WorkspaceHandlers.checkAgain).
 */
export function registerCommands(context: ServerContext, checkAgain: () => Promise<null>): void {
  onCheckedRequest(context.connection, 'workspace/executeCommand', PARAMS.executeCommand, async ({ command, arguments: args }: { command: string; arguments?: unknown[] }) => {
    if (command === SERVER_COMMANDS.addMissingDimensions) return addMissing(context, typeof args?.[0] === 'string' ? args[0] : undefined);
    if (command === SERVER_COMMANDS.revalidateWorkspace) return checkAgain();
    return null;
  });
}

/** Adds an entry for each dimension of the rubric the assessment does not have, as an edit the client applies (and can undo). */
async function addMissing({ connection, session, store }: ServerContext, uri: string | undefined): Promise<AddMissingDimensionsResult> {
  if (!uri) return 'not-an-assessment';
  const edit = await store.atCurrent(uri, async (doc: ChunkedTextDocument) => {
    const analysis = await store.analyses.analysisOf(doc);
    if (!analysis.documents.some((d) => d.kind === 'Assessment' && d.rubric)) return 'not-an-assessment' as const;
    const edits = addMissingDimensions(analysis);
    return edits.length ? toWorkspaceEdit(doc, edits, session.takesVersionedEdits) : ('nothing-missing' as const);
  });
  if (edit === null) return 'not-an-assessment';
  if (typeof edit === 'string') return edit;
  const applied = await connection.workspace.applyEdit({ label: 'Add missing dimensions', edit });
  return applied.applied ? 'added' : 'not-applied';
}
