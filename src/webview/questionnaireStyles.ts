/**
 * How the questionnaire (src/core/render/html/questionnaireHtml.ts) and the switch between it and
 * the report look. The preview script adds these styles under the page's nonce, as it does the
 * rows' hover: only the preview has these controls (an exported report has neither), so neither
 * the report's style sheet nor the language server carries them. Controls take VS Code's button
 * and input colours; in high-contrast themes they get the theme's borders, and the chosen answer
 * its active border.
 */
export const QUESTIONNAIRE_CSS = `
.view-switch { margin: 0.4em 0 0.8em; }
.q-button, .q-option { font: inherit; color: var(--vscode-button-secondaryForeground, var(--fg)); background: var(--vscode-button-secondaryBackground, var(--panel)); border: 1px solid var(--vscode-button-border, var(--border)); border-radius: 3px; padding: 0.3em 0.8em; cursor: pointer; }
.view-switch .q-button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border-color: var(--vscode-button-border, transparent); }
.q-button:hover, .q-option:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-list-hoverBackground)); }
.view-switch .q-button:hover { background: var(--vscode-button-hoverBackground); }
.q-button:focus-visible, .q-option:focus-visible, .q-link:focus-visible, .q-input:focus { outline: 2px solid var(--focus); outline-offset: 1px; }
.q-progress { margin: 0.6em 0; }
.q-progress p { margin: 0; font-weight: 600; }
.q-keys { font-size: 0.88em; }
.q-toc ol { margin: 0.4em 0 1em; padding-left: 1.4em; columns: 2 18rem; column-gap: 2em; }
.q-toc li { break-inside: avoid; margin: 0.1em 0; }
.q-count { color: var(--muted); font-size: 0.88em; font-weight: 400; white-space: nowrap; }
.q-count.q-done { color: var(--good); }
.q-dimension h2 .q-count { margin-left: 0.4em; }
.q-criterion { border: 1px solid var(--border); border-left-width: 4px; border-radius: 4px; padding: 0.5em 0.9em 0.7em; margin: 0.8em 0; }
.q-criterion.q-own { border-left-color: var(--good); }
.q-criterion.q-not-applicable, .q-criterion.q-exempt { border-left-color: var(--neutral); }
.q-criterion h3 { margin: 0.2em 0 0.1em; overflow-wrap: anywhere; }
.q-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2em 0.6em; margin: 0 0 0.3em; font-size: 0.88em; color: var(--muted); }
.q-id { overflow-wrap: anywhere; }
.q-text { overflow-wrap: anywhere; }
.q-guide { margin: 0.3em 0 0.5em; }
.q-guide > :not(summary) { margin-left: 0.9em; }
.q-look-label { font-size: 0.82em; font-weight: 600; color: var(--muted); margin: 0.5em 0 0.1em; }
.q-questions, .q-look { margin: 0.1em 0; padding-left: 1.2em; }
.q-questions > li { margin: 0.2em 0; }
.q-answer-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.8em; margin: 0.5em 0 0.2em; }
.q-answers { display: flex; flex-wrap: wrap; gap: 0.35em; min-width: 0; }
.q-option { display: inline-flex; align-items: baseline; gap: 0.45em; text-align: left; white-space: normal; overflow-wrap: anywhere; max-width: 100%; }
.q-option kbd { font-family: var(--mono); font-size: 0.8em; color: var(--muted); }
.q-option[aria-checked="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border-color: var(--vscode-button-background); font-weight: 600; }
.q-option[aria-checked="true"] kbd { color: inherit; }
.q-option[aria-checked="true"]:hover { background: var(--vscode-button-hoverBackground); }
.q-link { font: inherit; font-size: 0.92em; color: var(--link); background: none; border: none; padding: 0 0.2em; cursor: pointer; text-decoration: underline; }
.q-source { margin: 0.3em 0; font-size: 0.9em; }
.q-field { margin: 0.5em 0 0; }
.q-field label, .q-label { display: block; font-size: 0.85em; font-weight: 600; color: var(--muted); margin-bottom: 0.15em; }
.q-input { display: block; width: 100%; font: inherit; color: var(--vscode-input-foreground, var(--fg)); background: var(--vscode-input-background, var(--bg)); border: 1px solid var(--vscode-input-border, var(--border)); border-radius: 2px; padding: 0.3em 0.45em; }
textarea.q-input { resize: vertical; min-height: 2.4em; }
.q-add { display: flex; gap: 0.4em; align-items: stretch; }
.q-add .q-input { flex: 1 1 auto; min-width: 0; }
.q-add .q-button { flex: none; }
.q-evidence-list { margin: 0.1em 0 0.35em; padding-left: 1.2em; overflow-wrap: anywhere; }
.q-whose { border: 1px solid var(--border); border-left: 4px solid var(--focus); border-radius: 4px; padding: 0.4em 0.9em 0.7em; margin: 0.6em 0 0.8em; background: var(--panel); }
.q-whose h2 { margin: 0.2em 0 0.2em; font-size: 1.15em; }
.q-whose p { margin: 0.15em 0; }
.q-whose-choices { display: flex; flex-wrap: wrap; gap: 0.35em; margin-top: 0.2em; }
.q-others { margin: 0.3em 0; font-size: 0.9em; }
.q-others ul { display: flex; flex-wrap: wrap; gap: 0.2em 1.2em; list-style: none; margin: 0; padding: 0; }
.q-others .q-who { color: var(--muted); }
.q-new-assessor { margin: 0.7em 0 0; }
.q-new-assessor > summary { cursor: pointer; width: fit-content; color: var(--link); font-weight: 600; }
.q-new-assessor > summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.q-new-fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 0.8em; }
.q-new-fields .q-field { margin: 0.4em 0 0; }
.q-whose p.q-hint { font-size: 0.85em; margin: 0.2em 0 0; }
.q-whose p.q-new-actions { margin: 0.6em 0 0; }
.q-new-actions .q-button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border-color: var(--vscode-button-border, transparent); }
.q-new-actions .q-button:hover { background: var(--vscode-button-hoverBackground); }
.q-input[aria-invalid="true"] { border-color: var(--vscode-inputValidation-errorBorder, var(--bad)); }
body.vscode-dark .q-input, body.vscode-high-contrast .q-input { color-scheme: dark; }
.q-refusal { margin: 0.5em 0 0; padding: 0.4em 0.7em; border: 1px solid var(--bad); border-left-width: 4px; border-radius: 3px; }
body.vscode-high-contrast .q-option, body.vscode-high-contrast-light .q-option, body.vscode-high-contrast .q-button, body.vscode-high-contrast-light .q-button { border-color: var(--vscode-contrastBorder, currentColor); }
body.vscode-high-contrast .q-option[aria-checked="true"], body.vscode-high-contrast-light .q-option[aria-checked="true"] { outline: 2px solid var(--vscode-contrastActiveBorder, currentColor); outline-offset: 1px; }
body.vscode-high-contrast .q-criterion, body.vscode-high-contrast-light .q-criterion, body.vscode-high-contrast .q-whose, body.vscode-high-contrast-light .q-whose { border-color: var(--vscode-contrastBorder, currentColor); }
@media (max-width: 480px) {
  .q-criterion { padding: 0.4em 0.6em 0.6em; }
  .q-toc ol { columns: 1; }
}
`;
