/**
 * The editor benchmark's own extension (bench/editor.ts builds it into a .vsix and installs it
 * beside ours in the same code-server). It does, as cheaply as VS Code allows, what our extension
 * does at more cost, so each of our figures can be set against what VS Code itself costs:
 *
 * - a floor for diagnostics: on every change of the benchmarked assessment it publishes one
 *   diagnostic (an Information one where text was inserted, none where text was removed), whose
 *   squiggle the benchmark times against our error's;
 * - a floor for the report: on every change it posts one message to its own webview, which writes
 *   it into the page; the benchmark times that against our preview's new report;
 * - the click trigger: its webview has two buttons. "Floor" applies a trivial edit to another file
 *   (floor.txt) and posts one message back to the page when the change arrives: click, message,
 *   edit, change, message, the least a click that edits a file and updates a webview costs.
 *   "Answer" applies, through the same core function the questionnaire and quick fixes use
 *   (answerEdits), an answer change to the assessment, as the questionnaire's button will; the
 *   benchmark times the click to our preview's updated report.
 *
 * Nothing here is shipped: it exists only in the benchmark's code-server.
 */
import * as vscode from 'vscode';
import { parseDocuments } from '../src/core/document/located';
import { answerEdits } from '../src/core/language/answerEdits';

/** The file names the benchmark uses (bench/editor.ts writes them). */
const ASSESSMENT = 'big.assessment.yaml';
const FLOOR_TEXT = 'floor.txt';

interface Target {
  readonly dimension: string;
  readonly criterion: string;
}

export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('bench-floor');
  context.subscriptions.push(diagnostics);
  let panel: vscode.WebviewPanel | undefined;
  let changes = 0;

  const post = (message: Record<string, unknown>) => void panel?.webview.postMessage(message);

  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((event) => {
      const name = event.document.uri.path.split('/').pop();
      if (name === ASSESSMENT && event.contentChanges.length > 0) {
        const change = event.contentChanges[0]!;
        const at = change.range.start;
        const inserted = change.text.length > 0;
        // One diagnostic per change: where text went in, none where it went out.
        diagnostics.set(event.document.uri, inserted ? [new vscode.Diagnostic(new vscode.Range(at, at.translate(0, change.text.length)), 'bench floor', vscode.DiagnosticSeverity.Information)] : []);
        post({ type: 'change', seq: ++changes });
      } else if (name === FLOOR_TEXT && event.contentChanges.length > 0) {
        post({ type: 'floorChanged', seq: ++changes });
      }
    }),
    vscode.commands.registerCommand('bench.openFloor', () => {
      if (panel) return;
      panel = vscode.window.createWebviewPanel('benchFloor', 'Bench floor', { viewColumn: vscode.ViewColumn.Three, preserveFocus: true }, { enableScripts: true });
      panel.webview.html = page(panel.webview.cspSource);
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message.type === 'floor') void floorEdit();
        if (message.type === 'answer') void answerEdit();
      });
      panel.onDidDispose(() => (panel = undefined));
    }),
  );
}

/** floor.txt, opened once (a click then costs only its edit). */
let floorDocument: Thenable<vscode.TextDocument> | undefined;

/** A trivial edit of floor.txt: its first character toggles between "a" and "b". */
async function floorEdit(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  floorDocument ??= vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, FLOOR_TEXT));
  const document = await floorDocument;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, 0, 1), document.getText(new vscode.Range(0, 0, 0, 1)) === 'a' ? 'b' : 'a');
  await vscode.workspace.applyEdit(edit);
}

/**
 * Toggles an answer in the open assessment (yes ↔ no) through answerEdits, as one undoable edit:
 * the first answer written as a bare yes or no in the middle dimension (the benchmark types into
 * an answer written as a map, so the two never meet).
 */
async function answerEdit(): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(`/${ASSESSMENT}`));
  if (!document) return;
  const text = document.getText();
  const doc = parseDocuments(text).documents[0];
  const target = doc && toggled(doc.value);
  if (!doc || !target) return;
  const result = answerEdits(text, doc, [{ dimension: target.dimension, criterion: target.criterion, answer: target.answer === 'yes' ? 'no' : 'yes' }]);
  if ('refused' in result) {
    void vscode.window.showErrorMessage(`bench: ${result.refused}`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.range.start), document.positionAt(e.range.end)), e.newText);
  await vscode.workspace.applyEdit(edit);
}

/** The answer the Answer button toggles: in the middle dimension, the first bare yes or no. */
function toggled(value: unknown): (Target & { readonly answer: string }) | undefined {
  const dimensions = (value as { dimensions?: Record<string, { answers?: Record<string, unknown> }> }).dimensions ?? {};
  const ids = Object.keys(dimensions);
  for (const dimension of ids.slice(ids.length >> 1)) {
    for (const [criterion, answer] of Object.entries(dimensions[dimension]?.answers ?? {})) {
      if (answer === 'yes' || answer === 'no') return { dimension, criterion, answer };
    }
  }
  return undefined;
}

function page(cspSource: string): string {
  const nonce = Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
</head><body>
<p id="floor">no change yet</p>
<p id="floor-click">no click yet</p>
<button id="floor-button" type="button">Floor</button>
<button id="answer-button" type="button">Answer</button>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('floor-button').addEventListener('click', () => vscode.postMessage({ type: 'floor' }));
document.getElementById('answer-button').addEventListener('click', () => vscode.postMessage({ type: 'answer' }));
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'change') document.getElementById('floor').textContent = 'change ' + message.seq;
  if (message.type === 'floorChanged') document.getElementById('floor-click').textContent = 'floor edit ' + message.seq;
});
</script>
</body></html>`;
}

export function deactivate(): void {}
