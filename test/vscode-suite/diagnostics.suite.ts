import * as vscode from 'vscode';
import { suite } from './runner';
import { assert, closeAllEditors, editorDiagnostics, openSample, waitFor, waitForEngineDiagnostics, workspaceRoot } from './support';

/** The "# expect: CODE LINE:COLUMN" comments at the top of each file in samples/invalid/. */
function expectedFromComments(text: string): { code: string; line: number; column: number }[] {
  const expected = [];
  for (const match of text.matchAll(/^# expect: ([a-z-]+) (\d+):(\d+)/gm)) {
    expected.push({ code: match[1] as string, line: Number(match[2]), column: Number(match[3]) });
  }
  return expected;
}

suite('diagnostics', async (test) => {
  const files = (await vscode.workspace.findFiles('**/*.yaml')).sort((a, b) => a.path.localeCompare(b.path));
  if (files.length < 10) throw new Error(`Expected the samples in the workspace, found ${files.length} YAML files under ${workspaceRoot().fsPath}`);

  for (const uri of files) {
    const relative = vscode.workspace.asRelativePath(uri, false);
    test(`${relative}: the editor shows exactly the engine's diagnostics`, async () => {
      const { document } = await openSample(relative);
      const shown = await waitForEngineDiagnostics(document);
      // The engine and the editor agreeing on nothing would hide a broken pipeline: the invalid
      // samples name the problems they must produce, and the editor must show each of them.
      for (const want of expectedFromComments(document.getText())) {
        const prefix = `${want.line}:${want.column}-`;
        assert(shown.some((line) => line.startsWith(prefix) && line.split(' ')[2] === want.code),
          `expected ${want.code} at ${want.line}:${want.column} in ${relative}; shown:\n  ${shown.join('\n  ')}`);
      }
      if (relative.startsWith('invalid/')) assert(expectedFromComments(document.getText()).length > 0, `${relative} has no "# expect:" comment`);
      await closeAllEditors();
    });
  }

  test('an edit is re-validated, and undoing it clears the new problem', async () => {
    const { document, editor } = await openSample('kestrel/2026-03.seven-attributes.assessment.yaml');
    await waitForEngineDiagnostics(document);
    const before = editorDiagnostics(document.uri);
    const apiLine = document.lineAt(document.getText().split('\n').findIndex((l) => l.startsWith('kind:')));
    await editor.edit((edit) => edit.replace(apiLine.range, 'kind: Asessment'));
    const after = await waitForEngineDiagnostics(document);
    assert(after.some((line) => line.includes(' unknown-kind ') && line.includes('Assessment')),
      `expected unknown-kind suggesting "Assessment" after the edit; shown:\n  ${after.join('\n  ')}`);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => JSON.stringify(editorDiagnostics(document.uri)) === JSON.stringify(before), 'the diagnostics to return to those before the edit', {
      describe: () => `now:\n  ${editorDiagnostics(document.uri).join('\n  ')}`,
    });
    await closeAllEditors();
  });
});
