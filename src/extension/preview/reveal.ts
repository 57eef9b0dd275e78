import * as vscode from 'vscode';

/**
 * Shows the source of a report row: selects the rest of the line at `offset` (a dimension's key,
 * a criterion's answer, an initiative's first line) and scrolls it into view. Uses the editor that
 * already shows the document when there is one; otherwise opens the document next to the preview.
 */
export async function revealSource(uri: vscode.Uri, offset: number, previewColumn: vscode.ViewColumn | undefined): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  // The offset comes from the analysis of a slightly older text while the user types: clamp it.
  const start = document.positionAt(Math.min(offset, document.getText().length));
  const line = document.lineAt(start.line);
  const endCharacter = Math.max(start.character, line.text.trimEnd().length);
  const selection = new vscode.Selection(start, start.with({ character: endCharacter }));

  const key = uri.toString();
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === key);
  const viewColumn = visible?.viewColumn ?? columnBeside(previewColumn);
  const editor = await vscode.window.showTextDocument(document, { viewColumn, selection, preserveFocus: false, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The column left of the preview (where an editor usually sits), or a new one beside it. */
function columnBeside(previewColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  if (previewColumn !== undefined && previewColumn > vscode.ViewColumn.One) return previewColumn - 1;
  return vscode.ViewColumn.Beside;
}
