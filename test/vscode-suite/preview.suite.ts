import * as vscode from 'vscode';
import { suite } from './runner';
import { closeAllEditors, openSample, waitFor } from './support';

const PREVIEW_VIEW_TYPE = 'rubrics.preview';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PREVIEW_VIEW_TYPE));
}

suite('report preview', (test) => {
  test('rubrics.openPreviewToSide opens the report beside the assessment', async () => {
    await closeAllEditors();
    const { editor } = await openSample('kestrel/2026-03.seven-attributes.assessment.yaml');
    await vscode.commands.executeCommand('rubrics.openPreviewToSide');
    const [tab] = await waitFor(() => (previewTabs().length > 0 ? previewTabs() : undefined), 'a report preview tab');
    if (!tab) throw new Error('no preview tab');
    if (tab.group.viewColumn === editor.viewColumn) throw new Error(`the preview opened in the editor's column (${tab.group.viewColumn}), not beside it`);
    await closeAllEditors();
    await waitFor(() => previewTabs().length === 0, 'the preview to close with the other editors');
  });
});
