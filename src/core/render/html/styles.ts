/**
 * The report's one style sheet. It is the same for every report of a mode (a preview swaps the
 * body of a loaded page only when the head is unchanged), so nothing here depends on the data.
 * Colours are variables: a standalone file picks light or dark from the reader's system, the
 * webview maps them onto the VS Code theme (light, dark and high contrast).
 */

const LIGHT_PALETTE = `
    --fg: #1f2328; --muted: #5b6570; --bg: #ffffff; --panel: #f6f8fa; --border: #d0d7de; --link: #0969da;
    --good: #1a7f37; --warn: #b07d00; --bad: #cf222e; --neutral: #6e7781; --focus: #0969da;
    --current: #0969da; --target: #bc4c00; --threshold: #8250df; --track: #e3e8ee; --gain: #54aeff;
    --st-proposed: #8c959f; --st-planned: #6e7781; --st-in-progress: #0969da; --st-done: #1a7f37; --st-on-hold: #b07d00; --st-cancelled: #cf222e;`;

const STANDALONE_THEME = `
:root {
  color-scheme: light dark;${LIGHT_PALETTE}
  --font: system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", "Liberation Mono", Menlo, Consolas, monospace;
  --font-size: 15px;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --panel: #161b22; --border: #3d444d; --link: #4493f8;
    --good: #3fb950; --warn: #d29922; --bad: #f85149; --neutral: #9198a1; --focus: #4493f8;
    --current: #4493f8; --target: #f0883e; --threshold: #bc8cff; --track: #262c36; --gain: #1f6feb;
    --st-proposed: #6e7681; --st-planned: #8b949e; --st-in-progress: #4493f8; --st-done: #3fb950; --st-on-hold: #d29922; --st-cancelled: #f85149;
  }
}
/* Paper is white whatever the screen's scheme: print with the light palette. */
@media print {
  :root {
    color-scheme: light;${LIGHT_PALETTE}
    --panel: #ffffff; --border: #999999; --link: #1f2328;
  }
}
`;

const WEBVIEW_THEME = `
:root {
  --fg: var(--vscode-foreground); --muted: var(--vscode-descriptionForeground); --bg: var(--vscode-editor-background);
  --panel: var(--vscode-editorWidget-background, var(--vscode-sideBar-background, transparent));
  --border: var(--vscode-panel-border, var(--vscode-widget-border, rgba(128, 128, 128, 0.35)));
  --link: var(--vscode-textLink-foreground); --focus: var(--vscode-focusBorder);
  --good: var(--vscode-charts-green, #388a34); --warn: var(--vscode-charts-yellow, #bf8803); --bad: var(--vscode-charts-red, #e51400); --neutral: var(--vscode-descriptionForeground);
  --current: var(--vscode-charts-blue, #1a85ff); --target: var(--vscode-charts-orange, #d18616); --threshold: var(--vscode-charts-purple, #652d90);
  --track: var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.25)); --gain: var(--vscode-charts-blue, #1a85ff);
  --st-proposed: var(--vscode-descriptionForeground); --st-planned: var(--vscode-charts-foreground, var(--vscode-foreground)); --st-in-progress: var(--vscode-charts-blue, #1a85ff);
  --st-done: var(--vscode-charts-green, #388a34); --st-on-hold: var(--vscode-charts-yellow, #bf8803); --st-cancelled: var(--vscode-charts-red, #e51400);
  --font: var(--vscode-font-family); --mono: var(--vscode-editor-font-family, monospace); --font-size: var(--vscode-font-size, 13px);
}
/* The target line and ticks: themes often make charts.orange translucent, which turns a thin
   dashed line into dark brown on a dark background. Opaque colours, by theme kind, keep 3:1. */
body.vscode-light { --target: #bc4c00; }
body.vscode-dark { --target: #f0883e; }
body.vscode-high-contrast { --target: var(--vscode-contrastActiveBorder, #f38518); }
body.vscode-high-contrast-light { --target: #b5200d; }
body.vscode-high-contrast, body.vscode-high-contrast-light {
  --border: var(--vscode-contrastBorder, currentColor); --track: transparent;
}
body.vscode-high-contrast .bar-track, body.vscode-high-contrast-light .bar-track,
body.vscode-high-contrast .tl-bar, body.vscode-high-contrast-light .tl-bar { stroke: var(--vscode-contrastBorder, currentColor); stroke-width: 1px; }
body.vscode-high-contrast .card, body.vscode-high-contrast-light .card { border-color: var(--vscode-contrastBorder, currentColor); }
`;

const BASE = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; padding: 1rem clamp(0.75rem, 3vw, 2rem) 2rem; color: var(--fg); background: var(--bg); font-family: var(--font); font-size: var(--font-size); line-height: 1.5; }
main.report { max-width: 64rem; margin: 0 auto; }
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
h1 { font-size: 1.6em; line-height: 1.25; margin: 0 0 0.25em; overflow-wrap: anywhere; }
h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.08em; margin: 1.2em 0 0.4em; }
h4 { font-size: 1em; margin: 1em 0 0.3em; }
h5, h6 { font-size: 0.95em; margin: 0.8em 0 0.3em; }
p { margin: 0.4em 0; }
code { font-family: var(--mono); font-size: 0.92em; }
.muted, .subtitle { color: var(--muted); }
.subtitle { margin: 0 0 1em; }
.subtitle span + span::before { content: " · "; }
.kind { display: inline-block; font-size: 0.75em; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); margin-bottom: 0.2em; }
.notice { border: 1px solid var(--warn); border-left-width: 4px; border-radius: 4px; padding: 0.5em 0.8em; margin: 0.8em 0; background: var(--panel); }
.prose { overflow-wrap: anywhere; }
.prose > :first-child { margin-top: 0; }
.prose > :last-child { margin-bottom: 0; }
.prose blockquote { margin: 0.4em 0; padding-left: 0.8em; border-left: 3px solid var(--border); color: var(--muted); }
.prose pre { overflow-x: auto; padding: 0.5em; background: var(--panel); border-radius: 4px; }
.md-image { font-style: italic; color: var(--muted); }
.unsafe-link { font-family: var(--mono); font-size: 0.9em; color: var(--muted); text-decoration: line-through; overflow-wrap: anywhere; }

.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 1rem 0; }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 0.7em 0.9em; background: var(--panel); min-width: 0; }
.card-label { font-size: 0.8em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0 0 0.2em; }
.card-value { font-size: 1.9em; font-weight: 650; line-height: 1.15; margin: 0; }
.card-value small { font-size: 0.5em; font-weight: 400; color: var(--muted); }
.verdict { font-size: 0.8em; } .verdict.tone-good { color: var(--good); } .verdict.tone-bad { color: var(--bad); }
.card-detail { margin: 0.25em 0 0; font-size: 0.92em; }
.card.tone-warn { border-left-width: 4px; }

.badge { display: inline-flex; align-items: center; gap: 0.35em; font-size: 0.85em; line-height: 1.3; padding: 0.05em 0.55em; border: 1px solid var(--neutral); border-radius: 1em; white-space: nowrap; vertical-align: middle; }
.badge::before { content: ""; width: 0.55em; height: 0.55em; border-radius: 50%; background: var(--neutral); flex: none; }
.tone-good { border-color: var(--good); } .badge.tone-good::before { background: var(--good); }
.tone-warn { border-color: var(--warn); } .badge.tone-warn::before { background: var(--warn); }
.tone-bad { border-color: var(--bad); } .badge.tone-bad::before { background: var(--bad); }
.bar-caption.tone-good { color: var(--good); } .bar-caption.tone-bad { color: var(--bad); }
.change-table .tone-good { color: var(--good); } .change-table .tone-bad { color: var(--bad); }

.table-wrap { overflow-x: auto; margin: 0.5em 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.6em; border-bottom: 1px solid var(--border); }
th { font-weight: 600; color: var(--muted); font-size: 0.9em; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
tr.group-row th { color: var(--fg); font-size: 1em; padding-top: 0.9em; white-space: normal; border-bottom: 1px solid var(--border); }
.group-score { font-weight: 400; color: var(--muted); font-size: 0.9em; }

.charts { display: grid; grid-template-columns: minmax(0, 25rem) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 720px) { .charts { grid-template-columns: minmax(0, 1fr); } }
.radar { width: 100%; max-width: 25rem; height: auto; display: block; margin: 0 auto; }
.radar-ring { fill: none; stroke: var(--border); stroke-width: 1; }
.radar-threshold { fill: none; stroke: var(--threshold); stroke-width: 1.5; stroke-dasharray: 5 4; }
.radar-spoke { stroke: var(--border); stroke-width: 1; }
.radar-current { fill: var(--current); fill-opacity: 0.22; stroke: var(--current); stroke-width: 2; }
.radar-target { fill: none; stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
.radar-dot { fill: var(--current); }
.radar-ring-label { font-size: 10px; fill: var(--muted); paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
.radar-axis circle { fill: var(--bg); stroke: var(--fg); stroke-width: 1; }
.radar-axis text { font-size: 12px; font-weight: 600; fill: var(--fg); }
.radar-axis-unscored circle { stroke-dasharray: 2 2; stroke: var(--muted); }
.radar-axis-unscored text { fill: var(--muted); }

.bar-list { list-style: none; margin: 0; padding: 0; }
.bar-row { padding: 0.3em 0.2em; border-radius: 4px; }
.bar-label { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.5em; }
.bar-num { display: inline-block; min-width: 1.5em; height: 1.5em; line-height: 1.45em; padding: 0 0.2em; border: 1px solid var(--fg); border-radius: 0.75em; text-align: center; font-size: 0.78em; font-weight: 600; flex: none; }
.bar-title { font-weight: 600; overflow-wrap: anywhere; }
.bar-caption { color: var(--muted); font-size: 0.9em; margin-left: auto; font-variant-numeric: tabular-nums; }
svg.bar { display: block; margin-top: 0.15em; overflow: visible; }
.bar-track { fill: var(--track); }
.bar-value { fill: var(--current); }
.bar-base { fill: var(--current); }
.bar-gain { fill: var(--gain); fill-opacity: 0.55; stroke: var(--current); stroke-width: 1; stroke-dasharray: 3 2; }
.bar-target { fill: var(--target); }
.bar-threshold { stroke: var(--threshold); stroke-width: 2; stroke-dasharray: 3 2; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3em 1em; font-size: 0.85em; color: var(--muted); margin: 0.5em 0; }
.legend-item { display: inline-flex; align-items: center; gap: 0.35em; }
.legend-item svg { overflow: visible; }
svg.meter { display: block; margin-top: 0.4em; }

.dimension { border: 1px solid var(--border); border-radius: 6px; padding: 0.2em 0.9em 0.7em; margin: 0.9em 0; }
.dimension-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.7em; margin: 0.6em 0 0.2em; }
.dimension-head h3 { margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 0.2em 1.2em; margin: 0.3em 0; padding: 0; list-style: none; color: var(--muted); font-size: 0.92em; }
.facts strong { color: var(--fg); font-weight: 600; }
.descriptor { margin: 0.4em 0; padding: 0.3em 0.7em; border-left: 3px solid var(--border); }
.descriptor-next { border-left-color: var(--target); }
.descriptor-label { display: block; font-size: 0.82em; font-weight: 600; color: var(--muted); }
.item-list { margin: 0.3em 0; padding-left: 1.3em; }
.item-list li { margin: 0.2em 0; padding: 0.1em 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
.chip { display: inline-block; font-size: 0.8em; padding: 0 0.45em; margin-left: 0.3em; border: 1px solid var(--border); border-radius: 3px; color: var(--muted); white-space: nowrap; }
.chip-warn { border-color: var(--warn); }
details { margin: 0.4em 0; }
summary { cursor: pointer; color: var(--muted); }

.timeline { margin: 0.5em 0; }
.tl-lanes, .tl-rows { list-style: none; margin: 0; padding: 0; }
.tl-lane-title { margin: 0.8em 0 0.2em; font-size: 0.9em; color: var(--muted); }
.tl-row { display: grid; grid-template-columns: minmax(9rem, 21rem) minmax(0, 1fr); gap: 0.2em 0.8em; align-items: center; padding: 0.15em 0.2em; border-radius: 3px; }
.tl-label { display: flex; flex-direction: column; min-width: 0; }
.tl-title { overflow-wrap: anywhere; color: var(--fg); text-decoration: none; font-size: 0.95em; line-height: 1.3; }
.tl-title:hover { text-decoration: underline; }
.tl-dates { font-size: 0.8em; color: var(--muted); }
.tl-track { display: block; overflow: visible; }
.tl-axis text { font-size: 11px; fill: var(--muted); }
.tl-axis .tl-end { font-size: 10px; }
.tl-grid { stroke: var(--border); stroke-width: 1; stroke-dasharray: 2 3; }
.tl-bar { fill: var(--st-planned); }
.tl-bar.st-proposed { fill: none; stroke: var(--st-proposed); stroke-width: 1.5; stroke-dasharray: 4 2; }
.tl-bar.st-planned { fill: var(--st-planned); fill-opacity: 0.65; }
.tl-bar.st-in-progress { fill: var(--st-in-progress); }
.tl-bar.st-done { fill: var(--st-done); }
.tl-bar.st-on-hold { fill: var(--st-on-hold); }
.tl-bar.st-cancelled { fill: var(--st-cancelled); fill-opacity: 0.35; }
@media (max-width: 560px) { .tl-row { grid-template-columns: minmax(0, 1fr); } .tl-axis .tl-label { display: none; } }

.initiative { padding: 0.4em 0.2em; }
.initiative + .initiative { border-top: 1px solid var(--border); }
.initiative h3 { margin: 0.3em 0 0.1em; }
.problems td.loc { white-space: nowrap; font-family: var(--mono); font-size: 0.9em; }
.sev { font-weight: 600; }
.sev-error { color: var(--bad); } .sev-warning { color: var(--warn); } .sev-information { color: var(--muted); }
.matrix .has { font-weight: 600; }
.descriptors { margin: 0.5em 0; }
.descriptors dt { font-weight: 600; font-size: 0.9em; }
.descriptors dd { margin: 0 0 0.4em 1em; }
footer { margin-top: 2.5em; font-size: 0.85em; color: var(--muted); }

@media (max-width: 480px) {
  body { padding: 0.6rem 0.6rem 1.5rem; }
  .cards { grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.5rem; }
  .card-value { font-size: 1.6em; }
  th, td { padding: 0.3em 0.4em; }
  .hide-narrow { display: none; }
  td .badge { white-space: normal; }
}
@media print {
  body { padding: 0; font-size: 11pt; }
  main.report { max-width: none; }
  .card, .dimension, .bar-row, .tl-row, tr, .initiative { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { text-decoration: none; }
  .table-wrap { overflow: visible; }
}
`;

export function reportCss(mode: 'webview' | 'standalone'): string {
  return (mode === 'webview' ? WEBVIEW_THEME : STANDALONE_THEME) + BASE;
}
