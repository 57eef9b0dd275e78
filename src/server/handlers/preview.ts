import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { onCheckedRequest } from '../checkedMessages';
import type { ServerContext } from '../context';
import {
  baseName,
  buildReport,
  changeSection,
  diffReports,
  previewCarriesBody,
  previewReport,
  questionnairePreview,
  renderHtml,
  renderJson,
  renderMarkdown,
  textOf,
  viewSwitch,
  type ReportModel,
} from '../core';
import { PARAMS } from '../params';
import { PREVIEW_REPORT, RENDER_REPORT, type PreviewReportParams, type RenderReportParams, type VersionedPreviewReport } from '../protocol';

/**
 * The report of an open document: `rubrics/report` renders it (Markdown, JSON or HTML, for export),
 * `rubrics/previewReport` gives the preview's page (the report, or the questionnaire of an
 * assessment, with what changed since another version when asked).
 */
export function registerPreview(context: ServerContext): void {
  const { connection, store } = context;
  onCheckedRequest(connection, RENDER_REPORT, { ...PARAMS.uri, format: 'string', 'html?': 'any' }, async (params: RenderReportParams) => {
    const report = await store.atCurrent(params.uri, async (doc) => {
      const model = buildReport(await store.analyses.analysisOf(doc));
      if (params.format === 'markdown') return renderMarkdown(model);
      if (params.format === 'json') return renderJson(model);
      return renderHtml(model, params.html ?? { mode: 'standalone' });
    });
    if (report === null) throw notOpen(params.uri);
    return report;
  });
  onCheckedRequest(connection, PREVIEW_REPORT, { ...PARAMS.uri, 'compareWith?': { uri: 'string', label: 'string' }, 'omitBodyOnErrors?': 'boolean', 'view?': 'string', 'assessor?': 'string' }, async ({ uri, compareWith, omitBodyOnErrors, view, assessor }: PreviewReportParams) => {
    const report = await store.atCurrent(uri, async (doc): Promise<VersionedPreviewReport> => {
      const analysis = await store.analyses.analysisOf(doc);
      const model = buildReport(analysis);
      const answerable = model.kind === 'Assessment' && model.assessment !== undefined;
      if (view === 'questionnaire' && answerable) return { ...questionnairePreview(analysis, model, { omitBodyOnErrors, ...(assessor !== undefined ? { assessor } : {}) }), version: doc.version };
      // A report without its body needs no comparison with git either.
      const change = compareWith && previewCarriesBody(model, { omitBodyOnErrors }) ? await changeSince(context, model, compareWith) : '';
      const lead = (answerable ? viewSwitch('questionnaire') : '') + change;
      return { ...previewReport(model, lead, { omitBodyOnErrors }), version: doc.version };
    });
    if (report === null) throw notOpen(uri);
    return report;
  });
}

/** The preview's "since HEAD" section: the other version analysed (its references read at its revision) and compared by the core's diff. */
async function changeSince({ store }: ServerContext, current: ReportModel, other: { readonly uri: string; readonly label: string }): Promise<string> {
  const text = textOf(await store.files.readFile(other.uri));
  if (text === undefined) return changeSection(undefined, other.label);
  const before = buildReport(await store.engine.analyze(other.uri, text), current.source.documentIndex);
  return changeSection(diffReports(before, current), other.label);
}

/** What a request about a document that is not open (or not ours) answers. */
function notOpen(uri: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, `${baseName(uri)} is not open as a rubric document.`);
}
