import * as vscode from 'vscode';
import type { PreviewTexts } from './previewSession';

/** What the preview says on its pages and banners, in VS Code's display language. */
export const PREVIEW_TEXTS: PreviewTexts = {
  nothingToPreview: () => ({
    heading: vscode.l10n.t('No rubric document to preview'),
    paragraphs: [
      vscode.l10n.t('Open a rubric, an assessment or a plan (a YAML file that starts with "apiVersion: rubrics-as-code/v1") and the report appears here.'),
      vscode.l10n.t('The preview follows the rubric document you are editing and updates as you type.'),
    ],
  }),
  showingLastValid: (errors) =>
    errors === 1
      ? vscode.l10n.t('The document has 1 error; showing the report from the last valid version. The Problems panel lists what to fix.')
      : vscode.l10n.t('The document has {0} errors; showing the report from the last valid version. The Problems panel lists what to fix.', errors),
  showingEarlier: (reason) => vscode.l10n.t('The report could not be updated, so it shows an earlier version. {0}', reason),
  notRendered: (name) => ({
    heading: vscode.l10n.t('The report of {0} could not be rendered', name),
    paragraphs: [
      vscode.l10n.t('The engine that checks and scores the file did not produce a report. Problems in the file itself appear in the Problems panel; this is something else.'),
      vscode.l10n.t('Edit the file or run "Rubrics: Show Output" for details. The preview tries again on the next change.'),
    ],
  }),
  reportWithoutBody: () => vscode.l10n.t('The language server sent a report without its body.'),
};
