import { DIAGNOSTIC_CODES, DIAGNOSTIC_HELP, type DiagnosticCode, diagnosticHelpUri, type Severity } from '../core';
import { printable, printableJson } from '../../node/printable';
import { notFullyChecked, type FileResult } from '../../node/results';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note' };
/** Result paths are relative to this base, which code-scanning tools map to the checkout. */
export const SOURCE_ROOT = '%SRCROOT%';

export interface SarifOptions {
  readonly toolVersion: string;
  /** file:// URI of the working directory, ending in a slash: where SOURCE_ROOT points. */
  readonly sourceRootUri: string;
  /** Why the check stopped before it could check everything (a path that matches nothing): the invocation did not succeed. */
  readonly stopped?: readonly string[];
}

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers). Every
 * engine code that a result uses is a rule, with its one-line summary, what to do about it, a link to its row in
 * the README and its default level; with no file checked, the run has no results. Results point at
 * 1-based regions whose columns count UTF-16 code units, as `columnKind` declares.
 */
export function toSarif(results: readonly FileResult[], options: SarifOptions): object {
  // The rules that results use, in the registry's order: SARIF readers need no others.
  const used = new Set(results.flatMap((file) => file.diagnostics.map((d) => d.code)));
  const codes = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter((code) => used.has(code));
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const artifactIndex = new Map(results.map((file, i) => [file.path, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rubrics',
            fullName: 'Rubrics as Code',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: 'https://github.com/rubrics-as-code/rubrics-as-code',
            rules: codes.map((code) => ({
              id: code,
              name: ruleName(code),
              shortDescription: { text: DIAGNOSTIC_CODES[code].summary },
              fullDescription: { text: `${DIAGNOSTIC_CODES[code].summary} ${DIAGNOSTIC_HELP[code]}` },
              help: { text: DIAGNOSTIC_HELP[code], markdown: `${DIAGNOSTIC_HELP[code]} [More about \`${code}\`](${diagnosticHelpUri(code)})` },
              helpUri: diagnosticHelpUri(code),
              defaultConfiguration: { level: SARIF_LEVEL[DIAGNOSTIC_CODES[code].severity] },
            })),
          },
        },
        ...invocations(results, artifactIndex, options.stopped ?? []),
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: options.sourceRootUri } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((file) => ({ location: { uri: encodePath(file.path), uriBaseId: SOURCE_ROOT }, mimeType: 'application/yaml' })),
        results: results.flatMap((file) =>
          file.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodePath(file.path), uriBaseId: SOURCE_ROOT, index: artifactIndex.get(file.path) },
                  region: {
                    startLine: d.line,
                    startColumn: d.column,
                    endLine: d.endLine,
                    endColumn: d.endColumn,
                    charOffset: d.offset,
                    charLength: d.endOffset - d.offset,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return `${printableJson(JSON.stringify(toSarif(results, options), null, 2))}\n`;
}

/**
 * When the check stopped, or files could not be fully checked, the run says so the way SARIF
 * readers understand: an invocation that did not succeed, with a tool notification per reason
 * (and file).
 */
function invocations(results: readonly FileResult[], artifactIndex: ReadonlyMap<string, number>, stopped: readonly string[]): { invocations?: object[] } {
  const notifications: object[] = stopped.map((reason) => ({ level: 'error', message: { text: printable(reason) } }));
  notifications.push(...results.flatMap((file) =>
    (file.incomplete ?? []).map((reason) => ({
      level: 'error',
      message: { text: notFullyChecked(printable(file.path), reason) },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(file.path), uriBaseId: SOURCE_ROOT, index: artifactIndex.get(file.path) } } }],
    })),
  ));
  return notifications.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }] } : {};
}

/** SARIF's rule name: the code in PascalCase (unknown-dimension → UnknownDimension). */
function ruleName(code: string): string {
  return code.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}
