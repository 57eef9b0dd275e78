import { htmlPage, type PageMode, type PageSecurity } from './page';
import { reportCss } from './styles';

/**
 * The portfolio's style sheet and page shell, apart from its renderer: the editor's portfolio
 * panel builds its page around a body the language server rendered, and so needs none of the
 * renderers (as html/preview.ts is for the report preview).
 */

/** The heatmap's own rules, after the reports' style sheet: the same for every portfolio of a mode. */
const PORTFOLIO_CSS = `
.heatmap { width: auto; min-width: 100%; font-size: 0.9em; }
.heatmap th, .heatmap td { padding: 0.25em 0.45em; border: 1px solid var(--border); }
.heatmap thead th { vertical-align: bottom; }
.heatmap thead th.col { text-align: left; }
.heatmap thead th.col span { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 11em; white-space: normal; display: inline-block; line-height: 1.2; }
.heatmap tbody th { text-align: left; font-weight: 600; white-space: nowrap; position: sticky; left: 0; background: var(--bg); z-index: 1; }
.heatmap tbody th small, .heatmap td small { font-weight: 400; color: var(--muted); }
.heatmap td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.heatmap td.txt { text-align: left; white-space: normal; min-width: 8em; max-width: 16em; }
.heatmap td.x { color: var(--muted); text-align: center; }
.heatmap tr.group-row th { position: static; background: var(--panel); }
.heatmap td[data-source-offset] { cursor: pointer; }
.heatmap td.s0 { background: var(--s0); } .heatmap td.s1 { background: var(--s1); } .heatmap td.s2 { background: var(--s2); }
.heatmap td.s3 { background: var(--s3); } .heatmap td.s4 { background: var(--s4); }
.heatmap td.at { font-weight: 650; }
.swatch { display: inline-block; min-width: 1.6em; padding: 0 0.3em; margin-right: 0.2em; border: 1px solid var(--border); border-radius: 3px; text-align: center; color: var(--fg); }
.swatch.s0 { background: var(--s0); } .swatch.s1 { background: var(--s1); } .swatch.s2 { background: var(--s2); } .swatch.s3 { background: var(--s3); } .swatch.s4 { background: var(--s4); }
.highlights { margin: 0.6em 0; padding-left: 1.2em; }
.lead { font-weight: 650; }
/* A narrow page keeps the unit and its scores in view: the change column goes, the unit's name wraps. */
@media (max-width: 640px) { .heatmap .change { display: none; } .heatmap tbody th { white-space: normal; min-width: 7em; max-width: 10em; } }
`;

/** Cell backgrounds, light and dark: warm below the threshold, cool at or over it, each with the page's text at 4.5:1 or more. */
const STANDALONE_TONES = `
:root { --s0: #ffd8d3; --s1: #ffe3c4; --s2: #fff2b3; --s3: #cdeed6; --s4: #cfe3ff; }
@media (prefers-color-scheme: dark) { :root { --s0: #5a1e1b; --s1: #5a3613; --s2: #4a3f10; --s3: #1b4427; --s4: #173c66; } }
@media print { :root { --s0: #ffd8d3; --s1: #ffe3c4; --s2: #fff2b3; --s3: #cdeed6; --s4: #cfe3ff; } }
`;

const WEBVIEW_TONES = `
:root {
  --s0: color-mix(in srgb, var(--vscode-charts-red, #e51400) 32%, transparent); --s1: color-mix(in srgb, var(--vscode-charts-orange, #d18616) 32%, transparent);
  --s2: color-mix(in srgb, var(--vscode-charts-yellow, #bf8803) 32%, transparent); --s3: color-mix(in srgb, var(--vscode-charts-green, #388a34) 32%, transparent);
  --s4: color-mix(in srgb, var(--vscode-charts-blue, #1a85ff) 32%, transparent);
}
body.vscode-high-contrast .heatmap td, body.vscode-high-contrast-light .heatmap td { border-color: var(--vscode-contrastBorder, currentColor); }
.heatmap td[data-source-offset]:hover { outline: 1px solid var(--vscode-focusBorder); outline-offset: -2px; }
.heatmap td[data-source-offset]:focus { outline: none; }
.heatmap td[data-source-offset]:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
body.vscode-high-contrast .heatmap td[data-source-offset]:hover { outline: 1px dashed var(--vscode-contrastActiveBorder); }
`;

/** The portfolio page's style sheet for a mode. */
export function portfolioCss(mode: PageMode): string {
  return reportCss(mode) + (mode === 'webview' ? WEBVIEW_TONES : STANDALONE_TONES) + PORTFOLIO_CSS;
}

/** The portfolio panel's page: the webview shell, with this load's nonce and script, around a body. */
export function portfolioPage(body: string, title: string, security: PageSecurity): string {
  return htmlPage({ ...security, mode: 'webview', title, css: portfolioCss('webview') }, body);
}
