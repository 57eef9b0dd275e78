import type { Palette } from '../color';
import { printablePath } from '../../node/printable';
import { countTotals, describeCounts, plural, type CliDiagnostic, type FileResult } from '../../node/results';

const SEVERITY_LABEL: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'note' };

/**
 * The human format: one line per diagnostic as `file:line:column  severity  message  code` (the
 * location is clickable in VS Code's terminal and most others), then one line per reason the
 * file was not fully checked, files separated by a blank line, and a summary line at the end.
 * Messages are already printable (see toFileResult), so every line here is one line.
 */
export function formatStylish(results: readonly FileResult[], colors: Palette): string {
  const out: string[] = [];
  for (const file of results) {
    if (file.diagnostics.length === 0 && !file.incomplete) continue;
    const shownPath = printablePath(file.path);
    const locations = file.diagnostics.map((d) => `${shownPath}:${d.line}:${d.column}`);
    const width = Math.max(0, ...locations.map((l) => l.length));
    file.diagnostics.forEach((d, i) => {
      const severity = SEVERITY_LABEL[d.severity].padEnd(7);
      const tint = d.severity === 'error' ? colors.red : d.severity === 'warning' ? colors.yellow : colors.blue;
      out.push(`${colors.underline((locations[i] as string))}${' '.repeat(width - (locations[i] as string).length)}  ${tint(severity)}  ${d.message}  ${colors.dim(d.code)}`);
    });
    for (const reason of file.incomplete ?? []) out.push(`${colors.underline(shownPath)}  ${colors.red('not fully checked')}  ${reason}`);
    out.push('');
  }
  out.push(summaryLine(results, colors));
  return `${out.join('\n')}\n`;
}

export function summaryLine(results: readonly FileResult[], colors: Palette): string {
  const totals = countTotals(results);
  const files = plural(totals.files, 'file');
  const found = totals.errors > 0 || totals.warnings > 0 ? `${describeCounts(totals)} in ${totals.filesWithProblems} of ${files} checked` : undefined;
  if (totals.filesIncomplete > 0) {
    return `${colors.red('✖')} ${totals.filesIncomplete} of ${files} could not be fully checked${found ? `; ${found}` : ''}.`;
  }
  if (found) return `${totals.errors > 0 ? colors.red('✖') : colors.yellow('⚠')} ${found}.`;
  const notes = totals.information > 0 ? ` (${plural(totals.information, 'note')})` : '';
  return `${colors.green('✔')} ${files} checked: no errors or warnings${notes}.`;
}
