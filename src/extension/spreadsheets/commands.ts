import * as vscode from 'vscode';
import { type AnswerImport, withFormatProblems } from '../core';
import type { RubricsClient } from '../client';
import type { AnswerModelResult } from '../../server/protocol';
import { MAX_SHEET_BYTES, type SheetService } from './sheetService';

export const EXPORT_SPREADSHEET = 'rubrics.exportSpreadsheet';
export const IMPORT_SPREADSHEET = 'rubrics.importAnswers';

const FILTERS = { [vscode.l10n.t('Excel workbook')]: ['xlsx'], [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] };

/**
 * "Rubrics: Export to Spreadsheet…" and "Rubrics: Import Answers from Spreadsheet…". The language
 * server gives the assessment's answer rows and the edits; the spreadsheet service (its own bundle,
 * or a worker in the browser) writes and reads the file; files go through VS Code's file system,
 * so both work in virtual workspaces and the browser. The import's edits are applied as a
 * refactoring that asks to be confirmed: VS Code shows them in its refactor preview first, and
 * once applied they are undone like any edit.
 */
export function registerSpreadsheetCommands(client: RubricsClient, sheets: () => SheetService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(EXPORT_SPREADSHEET, (uri?: vscode.Uri, assessor?: string) => exportSpreadsheet(client, sheets(), uri, assessor)),
    vscode.commands.registerCommand(IMPORT_SPREADSHEET, (uri?: vscode.Uri, sheet?: vscode.Uri, assessor?: string) => importSpreadsheet(client, sheets(), log, uri, sheet, assessor)),
  ];
}

/** The assessment a command works on: the one it was given, or the active editor's. */
async function assessmentDocument(client: RubricsClient, uri: vscode.Uri | undefined, what: string): Promise<vscode.TextDocument | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !client.isRubricDocument(document)) {
    void vscode.window.showInformationMessage(what);
    return undefined;
  }
  return document;
}

/** No choice made: the quick pick was dismissed. */
const DISMISSED = Symbol('dismissed');

/**
 * The answer rows of whose answers the person means, in an assessment with several assessors: the
 * agreed answers or one assessor's, chosen in a quick pick (or given, by id, to the command).
 * Undefined, with the reason shown, when there are none; DISMISSED when the pick was dismissed.
 */
async function whoseAnswers(client: RubricsClient, document: vscode.TextDocument, given: string | undefined, title: string): Promise<Extract<AnswerModelResult, { model: unknown }> | undefined | typeof DISMISSED> {
  let answers = await client.answerModel(document, typeof given === 'string' ? given : undefined);
  if (!('reason' in answers) && given === undefined && answers.assessors.length > 0) {
    const agreed = { label: vscode.l10n.t('Agreed answers'), description: vscode.l10n.t('the assessment\'s own: they settle criteria'), id: undefined as string | undefined };
    const picked = await vscode.window.showQuickPick([agreed, ...answers.assessors.map((a) => ({ label: a.name ?? a.id, description: [a.role, a.id].filter(Boolean).join(' · '), id: a.id as string | undefined }))], { title, placeHolder: vscode.l10n.t('Whose answers?') });
    if (!picked) return DISMISSED;
    if (picked.id !== undefined) answers = await client.answerModel(document, picked.id);
  }
  if ('reason' in answers) {
    void vscode.window.showWarningMessage(answers.reason);
    return undefined;
  }
  return answers;
}

async function exportSpreadsheet(client: RubricsClient, sheets: SheetService, uri: vscode.Uri | undefined, assessor: string | undefined): Promise<boolean> {
  const document = await assessmentDocument(client, uri, vscode.l10n.t('Open an assessment to export its answers as a spreadsheet.'));
  if (!document) return false;
  const answers = await whoseAnswers(client, document, assessor, vscode.l10n.t('Export whose answers to a spreadsheet?'));
  if (answers === undefined || answers === DISMISSED) return false;
  const target = await vscode.window.showSaveDialog({ defaultUri: sibling(document.uri, 'xlsx'), filters: FILTERS, title: vscode.l10n.t('Export the Answers to a Spreadsheet'), saveLabel: vscode.l10n.t('Export') });
  if (!target) return false;
  const format = /\.csv$/i.test(target.path) ? 'csv' : 'xlsx';
  let csv: { delimiter: ',' | ';'; bom: boolean } | undefined;
  if (format === 'csv') {
    const comma = vscode.l10n.t('Commas');
    const picked = await vscode.window.showQuickPick([
      { label: comma, description: vscode.l10n.t('where the decimal separator is a point') },
      { label: vscode.l10n.t('Semicolons'), description: vscode.l10n.t('what Excel expects where the decimal separator is a comma') },
    ], { title: vscode.l10n.t('Separate the columns with…') });
    if (!picked) return false;
    // The byte-order mark makes Excel read the file as UTF-8.
    csv = { delimiter: picked.label === comma ? ',' : ';', bom: true };
  }
  const whose = answers.model.assessor;
  const importHint = whose
    ? vscode.l10n.t('In VS Code: "Rubrics: Import Answers from Spreadsheet…" with the assessment open, choosing {0}. On the command line: rubrics import answers FILE --into ASSESSMENT --assessor {1}.', whose.name ?? whose.id, whose.id)
    : vscode.l10n.t('In VS Code: "Rubrics: Import Answers from Spreadsheet…" with the assessment open. On the command line: rubrics import answers FILE --into ASSESSMENT.');
  const bytes = await sheets.exportAnswerSheet({ model: answers.model, format, ...(csv ? { csv } : {}), importHint });
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported the answers to {0} criteria to {1}.', answers.model.rows.length, baseName(target)));
  return true;
}

/** What the import did, for the tests: applied, nothing to change, refused, or left to the user's choice. */
export type ImportOutcome = 'applied' | 'not-applied' | 'nothing-to-change' | 'problems' | 'cancelled';

async function importSpreadsheet(client: RubricsClient, sheets: SheetService, log: vscode.LogOutputChannel, uri: vscode.Uri | undefined, given: vscode.Uri | undefined, assessor: string | undefined): Promise<ImportOutcome> {
  const document = await assessmentDocument(client, uri, vscode.l10n.t('Open the assessment the answers go into, then import the spreadsheet.'));
  if (!document) return 'cancelled';
  const answers = await whoseAnswers(client, document, assessor, vscode.l10n.t('Import the spreadsheet into whose answers?'));
  if (answers === undefined || answers === DISMISSED) return 'cancelled';
  const into = answers.model.assessor?.id;
  const sheet = given ?? (await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: folderOf(document.uri), filters: { [vscode.l10n.t('Spreadsheets')]: ['xlsx', 'csv'] }, openLabel: vscode.l10n.t('Import Answers'), title: vscode.l10n.t('Import Answers from a Spreadsheet') }))?.[0];
  if (!sheet) return 'cancelled';
  const name = baseName(sheet);
  const size = (await vscode.workspace.fs.stat(sheet)).size;
  if (size > MAX_SHEET_BYTES) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has {1} bytes; a spreadsheet of answers is read up to {2}. Nothing was changed.', name, size.toLocaleString('en-US'), MAX_SHEET_BYTES.toLocaleString('en-US')));
    return 'problems';
  }
  const read = await sheets.importAnswerSheet({ bytes: await vscode.workspace.fs.readFile(sheet), format: /\.csv$/i.test(sheet.path) ? 'csv' : 'xlsx', model: answers.model, sheetName: name.replace(/\.[^.]*$/, '') });
  if ('refused' in read) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1} Nothing was changed.', name, read.refused));
    return 'problems';
  }
  for (const note of read.notes) log.info(`${name}: ${note}`);
  let result: AnswerImport = read;
  let edits = result.changes.length ? await client.answerEdits(document, answers.version, result.changes, into) : { edits: [] };
  if ('problems' in edits) {
    result = withFormatProblems(result, edits.problems);
    edits = result.changes.length ? await client.answerEdits(document, answers.version, result.changes, into) : { edits: [] };
  }
  if ('refused' in edits) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', baseName(document.uri), edits.refused));
    return 'problems';
  }
  if (!('edits' in edits)) return 'problems';
  if (result.problems.length) {
    for (const problem of result.problems) log.warn(`${name}: ${problem.cell}: ${problem.message}`);
    const show = vscode.l10n.t('Show Problems');
    const partial = vscode.l10n.t('Import the Other Rows');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} has {1} problem(s), each named by its cell in the Rubrics output; nothing was changed.', name, result.problems.length),
      ...(result.changes.length ? [show, partial] : [show]),
    );
    if (choice === show) log.show(true);
    if (choice !== partial) return 'problems';
  }
  if (edits.edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} changes nothing in {1}: every answer is as the assessment has it.', name, baseName(document.uri)));
    return 'nothing-to-change';
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = {
    label: vscode.l10n.t('Import answers from {0}', name),
    description: vscode.l10n.t('{0} criteria', result.changes.length),
    needsConfirmation: true,
  };
  for (const e of edits.edits) edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText, metadata);
  // Changes that need confirmation start unticked in the refactor preview: the person ticks what to import, then applies.
  const version = document.version;
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (applied && document.version === version) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing was imported: tick the changes to import in the Refactor Preview, then Apply.'));
    return 'not-applied';
  }
  return applied ? 'applied' : 'not-applied';
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function folderOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/') + 1) });
}

/** The document's name with another extension, beside it: 2026-q1.assessment.yaml → 2026-q1.assessment.xlsx. */
function sibling(uri: vscode.Uri, extension: string): vscode.Uri {
  return uri.with({ path: uri.path.replace(/\.(ya?ml)$/i, `.${extension}`) });
}
