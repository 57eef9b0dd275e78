import * as vscode from 'vscode';
import type { RubricServices } from '../services';
import { reportFileName, temporarySiblingName, type ExportFormat } from './exportNaming';
import { errorText, fileName } from './describe';
import { createNonce } from './html';

interface ExportChoice extends vscode.QuickPickItem {
  readonly format?: ExportFormat;
  /** Ask where to save instead of writing next to the source file. */
  readonly chooseLocation?: boolean;
}

const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = { markdown: 'Markdown', html: 'HTML' };
/** What each format is for (a function: vscode.l10n reads the language when it is called). */
function formatDetail(format: ExportFormat): string {
  return format === 'markdown'
    ? vscode.l10n.t('Plain text for pull requests, wikis and git; GitHub and GitLab render it.')
    : vscode.l10n.t('One self-contained page with the radar chart, to open in a browser or share.');
}

/**
 * "Rubrics: Export Report": asks for Markdown or HTML and where to write it, renders the report of
 * the document's current text, and writes it in one piece through `workspace.fs` (so it also works
 * in virtual workspaces). Nothing is written when the user cancels or rendering fails.
 */
export async function exportReport(services: RubricServices, document: vscode.TextDocument): Promise<void> {
  const sourceName = fileName(document.uri);
  const nextTo = document.isUntitled ? undefined : (format: ExportFormat) => vscode.Uri.joinPath(parentOf(document.uri), reportFileName(sourceName, format));

  const choice = await vscode.window.showQuickPick(exportChoices(sourceName, nextTo !== undefined), {
    title: vscode.l10n.t('Export the report of {0}', sourceName),
    placeHolder: vscode.l10n.t('Choose a format'),
  });
  if (!choice?.format) return;
  const format = choice.format;

  const summary = await services.summary(document).catch(() => undefined);
  if (summary && summary.errors > 0) {
    const exportAnyway = vscode.l10n.t('Export Anyway');
    const go = await vscode.window.showWarningMessage(
      summary.errors === 1
        ? vscode.l10n.t('{0} has an error. The report lists it, and the parts it affects are not scored.', sourceName)
        : vscode.l10n.t('{0} has {1} errors. The report lists them, and the parts they affect are not scored.', sourceName, summary.errors),
      { modal: true },
      exportAnyway,
    );
    if (go !== exportAnyway) return;
  }

  let target: vscode.Uri | undefined;
  if (nextTo && !choice.chooseLocation) {
    target = nextTo(format);
    if (await exists(target)) {
      const replaceLabel = vscode.l10n.t('Replace');
      const replace = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with the new report?', fileName(target)), { modal: true }, replaceLabel);
      if (replace !== replaceLabel) return;
    }
  } else {
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the report of {0}', sourceName),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: nextTo?.(format) ?? defaultLocation(reportFileName(sourceName, format)),
      filters: format === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html', 'htm'] },
    });
    if (!target) return;
  }

  let content: string;
  try {
    content = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rendering the report of {0}…', sourceName) },
      () => services.renderReport(document, format, format === 'html' ? { mode: 'standalone' } : undefined),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report of {0} could not be rendered, so nothing was written. {1}', sourceName, errorText(error)));
    return;
  }

  try {
    await writeWhole(target, new TextEncoder().encode(content));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be written to {0}. {1}', vscode.workspace.asRelativePath(target), errorText(error)));
    return;
  }

  const open = vscode.l10n.t('Open');
  const openInBrowser = vscode.l10n.t('Open in Browser');
  const actions = [open];
  // A browser can only open files the user's machine can see.
  const canBrowse = format === 'html' && target.scheme === 'file' && vscode.env.remoteName === undefined;
  if (canBrowse) actions.push(openInBrowser);
  const action = await vscode.window.showInformationMessage(vscode.l10n.t('Exported the report to {0}.', vscode.workspace.asRelativePath(target)), ...actions);
  if (action === open) await vscode.window.showTextDocument(target, { preview: false });
  else if (action === openInBrowser) await vscode.env.openExternal(target);
}

function exportChoices(sourceName: string, canWriteNextTo: boolean): ExportChoice[] {
  const formats: ExportFormat[] = ['markdown', 'html'];
  const items: ExportChoice[] = [];
  if (canWriteNextTo) {
    for (const format of formats) {
      items.push({ label: FORMAT_LABEL[format], description: reportFileName(sourceName, format), detail: formatDetail(format), format });
    }
    items.push({ label: vscode.l10n.t('Save as'), kind: vscode.QuickPickItemKind.Separator });
  }
  for (const format of formats) {
    items.push({
      label: canWriteNextTo ? `${FORMAT_LABEL[format]}…` : FORMAT_LABEL[format],
      description: vscode.l10n.t('choose where to save'),
      ...(canWriteNextTo ? {} : { detail: formatDetail(format) }),
      format,
      chooseLocation: true,
    });
  }
  return items;
}

/**
 * Writes to a hidden sibling first and renames it over the target: readers never see half a
 * report, and a failure leaves an existing file as it was.
 */
async function writeWhole(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = vscode.Uri.joinPath(parentOf(target), temporarySiblingName(fileName(target), createNonce().slice(0, 8)));
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function defaultLocation(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

