import { LOG_COMMAND, UNSAFE_BUT_SPACING, visibleEscape } from '../core';
import { palette } from '../color';
import { printable } from '../../node/printable';
import { notFullyChecked, type FileResult } from '../../node/results';
import { summaryLine } from './stylish';

const COMMAND = { error: 'error', warning: 'warning', information: 'notice' } as const;

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request's
 * diff (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>`). Ends with
 * the plain summary line, which the log shows as text. Messages are already printable (see
 * toFileResult): one line each, with no command of their own in them.
 */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const file of results) {
    for (const d of file.diagnostics) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.code)}`,
      ];
      lines.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
    }
    // A file-level annotation: the file was not fully checked, so its lines alone would mislead.
    for (const reason of file.incomplete ?? []) {
      lines.push(`::error file=${escapeProperty(file.path)},title=${escapeProperty('not fully checked')}::${escapeData(notFullyChecked(printable(file.path), reason))}`);
    }
  }
  lines.push(summaryLine(results, palette(false)));
  return `${lines.join('\n')}\n`;
}

/**
 * The one escape of the workflow-command channel, for every text that goes into a command (from
 * the files, their names, the network): `%`, CR and LF would end or corrupt the command and are
 * percent-encoded; the other unsafe characters (terminal escapes, bidirectional controls) are
 * shown as escapes, and so is the `#` of a log command.
 */
export function escapeData(text: string): string {
  return text.replace(UNSAFE_BUT_SPACING, visibleEscape).replace(LOG_COMMAND, '#\\u0023').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
