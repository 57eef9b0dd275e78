import { baseName } from '../../resolve/uris';
import type { ReportModel } from '../../report/model';
import { assessmentHtml } from './assessmentHtml';
import { documentsNav, noticesHtml, problemsHtml } from './common';
import { attr, escapeHtml } from './escape';
import { planHtml } from './planHtml';
import { rubricHtml } from './rubricHtml';
import { cspHash } from './sha256';
import { reportCss } from './styles';

export interface HtmlRenderOptions {
  /**
   * 'webview': themed with VS Code's colours, for the preview panel (with `nonce` and
   * `cspSource`, and the preview script at `scriptUri`). 'standalone': a self-contained file
   * that works opened from disk, with no script at all.
   */
  readonly mode: 'webview' | 'standalone';
  readonly nonce?: string;
  readonly cspSource?: string;
  readonly scriptUri?: string;
  /** An extra style sheet from the extension (allowed by `cspSource`). */
  readonly styleUri?: string;
}

/** Nonces are base64 or alphanumeric; anything else would break out of the policy string. */
const NONCE_PATTERN = /^[A-Za-z0-9+/=_-]{8,200}$/;
/**
 * A webview's resource origin looks like `https://*.vscode-cdn.net`; VS Code 1.139 gives
 * `'self' https://*.vscode-cdn.net`. Accept space-separated origins and the one keyword 'self';
 * refuse other keywords (no 'unsafe-inline') and separators that would start a new directive.
 */
const CSP_SOURCE_PATTERN = /^(?:'self'|[A-Za-z0-9*+.:/_-]{1,200})(?: (?:'self'|[A-Za-z0-9*+.:/_-]{1,200})){0,7}$/;

/**
 * A complete HTML page for a report. Every piece of user text is escaped; the only script is
 * the preview's own (webview mode, by nonce); nothing loads from the network; images are
 * inline SVG or data: URIs only.
 */
export function renderHtml(model: ReportModel, options: HtmlRenderOptions): string {
  const css = reportCss(options.mode);
  const nonce = options.nonce !== undefined && NONCE_PATTERN.test(options.nonce) ? options.nonce : undefined;
  if (options.nonce !== undefined && nonce === undefined) throw new Error('renderHtml: the nonce must be 8 to 200 base64 or alphanumeric characters.');
  if (options.cspSource !== undefined && !CSP_SOURCE_PATTERN.test(options.cspSource)) throw new Error('renderHtml: cspSource is not a plain origin.');
  const webview = options.mode === 'webview';
  // Styles by nonce when there is one, else by hash (a static file has no nonce to offer).
  const styleSource = nonce ? `'nonce-${nonce}'` : cspHash(css);
  const csp = [
    "default-src 'none'",
    `style-src ${webview && options.cspSource ? `${options.cspSource} ` : ''}${styleSource}`,
    ...(webview && nonce ? [`script-src 'nonce-${nonce}'`] : []),
    `img-src ${webview && options.cspSource ? `${options.cspSource} ` : ''}data:`,
    ...(webview && options.cspSource ? [`font-src ${options.cspSource}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const script = webview && nonce && options.scriptUri ? `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>` : '';
  const extraStyle = webview && options.styleUri ? `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">` : '';
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="color-scheme" content="${webview ? 'normal' : 'light dark'}">\n` +
    `<title>${escapeHtml(pageTitle(model))}</title>\n` +
    `<style${attr('nonce', nonce)}>${css}</style>\n${extraStyle}` +
    `</head>\n<body>\n${reportBody(model)}\n${script}</body>\n</html>\n`
  );
}

function pageTitle(model: ReportModel): string {
  return `${model.title} – ${model.kind === 'Unknown' ? 'Report' : `${model.kind} report`}`;
}

function subtitle(model: ReportModel): string {
  const parts: string[] = [];
  const a = model.assessment;
  if (a) parts.push(`${a.subject.organization}${a.subject.unit ? ` (${a.subject.unit})` : ''}`, a.date);
  if (model.plan) parts.push(`${model.plan.horizon.start} to ${model.plan.horizon.end}`);
  if (model.rubric) {
    const r = model.rubric;
    parts.push(model.kind === 'Rubric' ? `id ${r.id}, version ${r.version}` : `${r.title} ${r.version}${r.builtin ? ' (built in)' : ''}`);
  }
  return parts.length ? `<p class="subtitle">${parts.map((p) => `<span>${escapeHtml(p)}</span>`).join('')}</p>` : '';
}

/** The page's body content: what the preview swaps in on each update. */
export function reportBody(model: ReportModel): string {
  const errorsFirst = model.problems.counts.error > 0;
  let content = '';
  if (model.kind === 'Assessment' && model.assessment) content = assessmentHtml(model, model.assessment);
  else if (model.kind === 'Plan' && model.plan) content = planHtml(model, model.plan);
  else if (model.kind === 'Rubric' && model.overview && model.rubric) content = rubricHtml(model, model.rubric, model.overview);
  const problems = problemsHtml(model);
  return (
    `<main class="report report-${model.kind.toLowerCase()}">\n` +
    `<header><span class="kind">${escapeHtml(model.kind === 'Unknown' ? 'Document' : model.kind)}</span><h1>${escapeHtml(model.title)}</h1>${subtitle(model)}</header>\n` +
    documentsNav(model) +
    noticesHtml(model) +
    // Errors come first, so a broken document shows what to fix rather than a half-empty report.
    (errorsFirst ? problems : '') +
    content +
    (errorsFirst ? '' : problems) +
    `<footer>Generated by Rubrics as Code from ${escapeHtml(baseName(model.source.uri) || model.source.uri)}.</footer>\n` +
    `</main>`
  );
}
