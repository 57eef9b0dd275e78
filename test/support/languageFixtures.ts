import { applyTextEdits } from '../../src/core/language/answerEdits';
import { Engine, type FileAnalysis } from '../../src/core/engine';
import type { LanguageSnapshot } from '../../src/core/language/snapshot';
import { MemoryFileHost } from '../../src/core/resolve/host';
import { assessmentYaml, planYaml, rubricYaml } from './fixtures';
import { yaml } from './memory';

/** Shared material for the language-feature tests: a small gated rubric and documents using it. */

export const DESK_RUBRIC = rubricYaml(yaml`
  terms: { dimension: Capability, criterion: Practice }
  scoring: { method: gated }
  levels:
    - { level: 1, name: Initial }
    - { level: 2, name: Managed, description: Work is planned and tracked. }
    - { level: 3, name: Defined }
  threshold: { level: 3 }
  answerScales:
    coverage:
      answers:
        - { value: none, credit: 0 }
        - { value: some, credit: 0.5, description: Part of the estate. }
        - { value: all, credit: 1 }
  groups:
    - { id: front, title: Front office }
  dimensions:
    - id: self-service
      title: Self-service
      group: front
      description: How users help themselves.
      levels:
        2: A portal takes requests.
        3: A catalogue covers most requests.
      criteria:
        - { id: portal, text: A portal exists., level: 2 }
        - id: catalogue
          text: A catalogue covers the requests.
          level: 3
          evidenceRequired: true
          answerScale: coverage
          guidance: Look at the catalogue itself.
      metrics:
        - { id: deflection, name: Self-service share, unit: percent, benchmark: { value: 40 } }
    - id: knowledge
      title: Knowledge
      criteria:
        - { id: kb, text: A knowledge base exists., level: 2 }
        - { id: kb-reviewed, text: Articles are reviewed., level: 3 }
`);

export const DESK_ASSESSMENT = assessmentYaml(yaml`
  dimensions:
    self-service:
      target: 3
      answers:
        portal: yes
        catalogue: some
    knowledge:
      answers:
        kb: yes
`, { id: 'acme-2026', date: '2026-01-15' });

export const DESK_PLAN = planYaml(yaml`
  initiatives:
    - id: portal-revamp
      title: Portal revamp
      start: 2026-04-01
      end: 2026-12-31
      moves:
        - { dimension: self-service, to: 3 }
    - id: knowledge-drive
      title: Knowledge drive
      start: 2027-01-01
      end: 2027-12-31
      dependsOn: [portal-revamp]
`, { id: 'acme-plan', title: 'Acme plan' });

export const FILES: Record<string, string> = {
  'desk.rubric.yaml': DESK_RUBRIC,
  'acme.assessment.yaml': DESK_ASSESSMENT,
  'acme.plan.yaml': DESK_PLAN,
};

export function uriOf(path: string): string {
  return `file:///ws/${path}`;
}

/** An engine over in-memory files under file:///ws/. */
export function memoryEngine(files: Record<string, string> = FILES): { engine: Engine; host: MemoryFileHost } {
  const host = new MemoryFileHost(new Map(Object.entries(files).map(([p, t]) => [uriOf(p), t])));
  return { engine: new Engine(host), host };
}

/**
 * Splits a text written with a cursor marker into the text and the cursor offset.
 * The marker is `‸` (so `|` stays usable for YAML block scalars).
 */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const offset = textWithMarker.indexOf('‸');
  if (offset < 0) throw new Error('no ‸ cursor marker in the text');
  return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 1), offset };
}

/**
 * Analyzes `text` as the file `path` (the other fixture files stay readable) and, like the
 * worker, keeps the analysis of the fixture's valid text as the earlier one.
 */
export async function snapshotFor(path: string, text: string, files: Record<string, string> = FILES): Promise<LanguageSnapshot & { analysis: FileAnalysis }> {
  const { engine } = memoryEngine({ ...files, [path]: text });
  const analysis = await engine.analyze(uriOf(path), text);
  const previous = files[path] !== undefined ? await memoryEngine(files).engine.analyze(uriOf(path), files[path] as string) : undefined;
  return { analysis, ...(previous ? { previous } : {}) };
}

/** Applies editor-style edits (offset ranges into the original text) and returns the new text. */
export function applyEdits(text: string, edits: readonly { range: { start: number; end: number }; newText: string }[]): string {
  return applyTextEdits(text, edits);
}

/** What an editor does with a multi-line completion: later lines get the cursor line's indentation. */
export function insertCompletion(text: string, replace: { start: number; end: number }, insertText: string): string {
  const lineStart = text.lastIndexOf('\n', replace.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return text.slice(0, replace.start) + insertText.replace(/\n/g, `\n${indent}`) + text.slice(replace.end);
}
