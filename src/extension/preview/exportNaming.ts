/** Names of exported report files; pure, so the rules are tested without VS Code. */

export type ExportFormat = 'markdown' | 'html';

export const EXPORT_EXTENSION: Readonly<Record<ExportFormat, string>> = { markdown: 'md', html: 'html' };

/**
 * The report file name for a source file: its name without the YAML extension, then
 * `.report.md` or `.report.html`. `kestrel-2026.assessment.yaml` → `kestrel-2026.assessment.report.md`.
 */
export function reportFileName(sourceFileName: string, format: ExportFormat): string {
  const stem = sourceFileName.replace(/\.ya?ml$/i, '') || 'report';
  return `${stem}.report.${EXPORT_EXTENSION[format]}`;
}

/** A hidden sibling to write first and rename over the target, so the target is whole or untouched. */
export function temporarySiblingName(targetFileName: string, random: string): string {
  return `.${targetFileName}.${random}.tmp`;
}
