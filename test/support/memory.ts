import { Engine, type FileAnalysis } from '../../src/core/engine';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { LineIndex } from '../../src/core/text/lineIndex';
import { rubricYaml } from './fixtures';

/** Analyzes in-memory files; `files` maps a path under file:///ws/ to its text. */
export async function analyzeMemory(files: Record<string, string>, entry: string, options: ConstructorParameters<typeof Engine>[1] = {}): Promise<FileAnalysis> {
  const host = new MemoryFileHost(new Map(Object.entries(files).map(([p, t]) => [`file:///ws/${p}`, t])));
  const engine = new Engine(host, options);
  return engine.analyze(`file:///ws/${entry}`, files[entry] as string);
}

/** Diagnostics as "code@line:column" strings, the way samples/invalid/ states its expectations. */
export function codesAt(analysis: FileAnalysis): string[] {
  const lines = new LineIndex(analysis.text);
  return analysis.diagnostics.map((d) => {
    const p = lines.lineColumnAt(d.range.start);
    return `${d.code}@${p.line}:${p.column}`;
  });
}

/** Strips common indentation so YAML can be written indented inside template literals. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The smallest rubric that scores: two levels, one dimension with one criterion (file name `desk.rubric.yaml` in the tests). */
export const SMALL_RUBRIC = rubricYaml(yaml`
  levels:
    - { level: 1, name: Reactive }
    - { level: 2, name: Managed }
  dimensions:
    - id: portal
      title: Portal
      criteria:
        - { id: portal-live, text: A portal is live., level: 2 }
`);
