import type { Palette } from '../color';
import { countTotals, describeCounts, plural, type CliDiagnostic, type FileResult } from '../results';

const SEVERITY_LABEL: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'note' };

/**
 * The human format: one line per diagnostic as `file:line:column  severity  message  code` (the
 * location is clickable in VS Code's terminal and most others), files separated by a blank
 * line, and a summary line at the end.
 */
export function formatStylish(results: readonly FileResult[], colors: Palette): string {
  const out: string[] = [];
  for (const file of results) {
    if (file.diagnostics.length === 0) continue;
    const locations = file.diagnostics.map((d) => `${file.path}:${d.line}:${d.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    file.diagnostics.forEach((d, i) => {
      const severity = SEVERITY_LABEL[d.severity].padEnd(7);
      const tint = d.severity === 'error' ? colors.red : d.severity === 'warning' ? colors.yellow : colors.blue;
      const message = d.message.replace(/\r?\n/g, `\n${' '.repeat(width + 11)}`);
      out.push(`${colors.underline((locations[i] as string))}${' '.repeat(width - (locations[i] as string).length)}  ${tint(severity)}  ${message}  ${colors.dim(d.code)}`);
    });
    out.push('');
  }
  out.push(summaryLine(results, colors));
  return `${out.join('\n')}\n`;
}

export function summaryLine(results: readonly FileResult[], colors: Palette): string {
  const totals = countTotals(results);
  const files = plural(totals.files, 'file');
  if (totals.errors > 0 || totals.warnings > 0) {
    const mark = totals.errors > 0 ? colors.red('✖') : colors.yellow('⚠');
    return `${mark} ${describeCounts(totals)} in ${totals.filesWithProblems} of ${files} checked.`;
  }
  const notes = totals.information > 0 ? ` (${plural(totals.information, 'note')})` : '';
  return `${colors.green('✔')} ${files} checked: no errors or warnings${notes}.`;
}
