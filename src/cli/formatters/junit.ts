import { UNSAFE_BUT_SPACING, visibleEscape } from '../core';
import { printable } from '../../node/printable';
import { countTotals, notFullyChecked, type FileResult } from '../../node/results';

const SEVERITY_WORD = { error: 'error', warning: 'warning', information: 'note' } as const;

/**
 * JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure Pipelines, CircleCI):
 * one test suite, one test case per file checked. A file with errors or warnings fails, with
 * each problem as a line of its failure; a file that could not be fully checked is an error; a
 * clean file passes (its notes go to system-out). Text is already printable; XML's special
 * characters are escaped here.
 */
export function formatJunit(results: readonly FileResult[], stopped: readonly string[] = []): string {
  const totals = countTotals(results);
  const failing = results.filter((r) => !r.incomplete && r.diagnostics.some((d) => d.severity !== 'information')).length;
  const tests = results.length + (stopped.length > 0 ? 1 : 0);
  const errors = totals.filesIncomplete + (stopped.length > 0 ? 1 : 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="rubrics" tests="${tests}" failures="${failing}" errors="${errors}">`,
    `  <testsuite name="rubrics validate" tests="${tests}" failures="${failing}" errors="${errors}" skipped="0">`,
  ];
  // The check stopped before it could check everything: one test case in error says why.
  if (stopped.length > 0) {
    const reasons = stopped.map(printable);
    lines.push('    <testcase classname="rubrics" name="rubrics validate">', `      <error type="not-run" message="${xml(reasons[0] as string)}">${xml(reasons.join('\n'))}</error>`, '    </testcase>');
  }
  for (const file of results) {
    const name = xml(printable(file.path));
    const problems = file.diagnostics.filter((d) => d.severity !== 'information');
    const notes = file.diagnostics.filter((d) => d.severity === 'information');
    const line = (d: FileResult['diagnostics'][number]) => `${printable(file.path)}:${d.line}:${d.column} ${SEVERITY_WORD[d.severity]} ${d.message} (${d.code})`;
    lines.push(`    <testcase classname="${name}" name="${name}">`);
    if (file.incomplete) {
      const reasons = file.incomplete.map((reason) => notFullyChecked(printable(file.path), reason));
      lines.push(`      <error type="not-fully-checked" message="${xml(reasons[0] ?? '')}">${xml(reasons.join('\n'))}</error>`);
    } else if (problems.length > 0) {
      const errors = problems.filter((d) => d.severity === 'error').length;
      const summary = `${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`;
      lines.push(`      <failure type="${xml(problems[0]?.code ?? '')}" message="${xml(summary)}">${xml(problems.map(line).join('\n'))}</failure>`);
    }
    if (notes.length > 0) lines.push(`      <system-out>${xml(notes.map(line).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

/**
 * The one escape of the XML channel: XML's special characters as references, and what XML 1.0
 * cannot hold at all (C0 controls but tab and newline, a lone surrogate, U+FFFE and U+FFFF) nor
 * should show (the other unsafe characters) as visible escapes, so the document stays well-formed
 * whatever a file name holds.
 */
function xml(text: string): string {
  return text
    .replace(UNSAFE_BUT_SPACING, visibleEscape)
    .replace(NOT_IN_XML, visibleEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Carriage returns (a parser would read them as newlines), lone surrogates, and the two non-characters XML excludes. */
const NOT_IN_XML = /\r|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
