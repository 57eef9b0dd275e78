import { builtinFrameworks } from '../builtins';
import type { ResolvedRubric } from '../engine';
import { API_VERSION, DOCUMENT_KINDS } from '../format/enums';
import type { DocumentKind } from '../format/types';
import type { Range } from '../text/range';
import type { PathSegment } from '../document/located';
import { cursorContext, type CursorContext } from './cursor';
import { matches } from './pathPattern';
import { relativeReference } from './relativePath';
import { descriptor, dimensionOf, idsIn, levelsOf, ownLevels, type LevelFact } from './rubricFacts';
import { documentation, fixedValues, hasOpenKeys, propertiesOf, schemaAt, types, isObjectSchema, type ResolvedSchema } from './schemaModel';
import { asArray, asString, dig, documentAt, textOf, type DocumentView, type LanguageSnapshot } from './snapshot';
import { markdownBlock, markdownCode, markdownText } from '../render/markdown/escape';
import { benchmarkFigure, formatScore, levelLabel } from '../render/text';
import { benchmarkRole } from '../domain/benchmarks';

export type CompletionKind =
  | 'key'
  | 'value'
  | 'level'
  | 'dimension'
  | 'criterion'
  | 'metric'
  | 'answer'
  | 'initiative'
  | 'rubric'
  | 'file'
  | 'group'
  | 'scale';

/**
 * One completion. `insertText` may span lines: its later lines are relative to the indentation
 * of the cursor's line, which editors add to them (VS Code does so unless told otherwise).
 */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  readonly replace: Range;
  readonly sortText: string;
  readonly filterText?: string;
  /** Ask for completions again after inserting (the value of a key just inserted has suggestions). */
  readonly retrigger?: boolean;
  readonly preselect?: boolean;
}

export interface CompletionEnvironment {
  /** URIs of the workspace's documents of a kind, for `rubric:` and `baseline:` paths. */
  listDocuments?(kind: DocumentKind): Promise<readonly string[]>;
}

const INDENT = '  ';

export async function completionsAt(snapshot: LanguageSnapshot, offset: number, env: CompletionEnvironment = {}): Promise<CompletionEntry[]> {
  const context = cursorContext(textOf(snapshot), offset);
  if (!context) return [];
  const doc = documentAt(snapshot, offset);
  const builder = new Completions(context, doc, snapshot);
  if (context.kind === 'key') {
    const itemSchema = doc.kind ? schemaAt(doc.kind, context.path) : undefined;
    // After `- ` in a list of plain values (dependsOn), the item itself is a value.
    if (context.newItem && context.prefix.indexOf(':') < 0 && itemSchema && !types(itemSchema.node).includes('object')) {
      await builder.values(context.path, itemSchema, env);
    } else {
      builder.keys(context.path);
    }
  } else {
    await builder.values(context.path, doc.kind ? schemaAt(doc.kind, context.path) : undefined, env);
  }
  return builder.entries;
}

/** Which values have suggestions, so inserting their key can ask for them straight away. */
const DYNAMIC_VALUES: Readonly<Record<DocumentKind, readonly string[]>> = {
  Assessment: ['rubric', 'dimensions.*.level', 'dimensions.*.target', 'dimensions.*.answers.*', 'dimensions.*.answers.*.answer', 'responses.*.dimensions.*.answers.*', 'responses.*.dimensions.*.answers.*.answer', 'adjudicator'],
  Plan: ['rubric', 'baseline', 'initiatives.#.moves.#.dimension', 'initiatives.#.moves.#.from', 'initiatives.#.moves.#.to', 'initiatives.#.dependsOn.#'],
  Rubric: ['dimensions.#.group', 'dimensions.#.criteria.#.level', 'dimensions.#.criteria.#.answerScale', 'dimensions.#.criteria.#.subgroup', 'dimensions.#.criteria.#.dependsOn.#', 'dimensions.#.criteria.#.related.#', 'defaultAnswerScale', 'threshold.level'],
};

class Completions {
  readonly entries: CompletionEntry[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly context: CursorContext, private readonly doc: DocumentView, private readonly snapshot: LanguageSnapshot) {}

  private add(entry: Omit<CompletionEntry, 'replace' | 'sortText'> & { sortText?: string }): void {
    if (this.seen.has(entry.label)) return;
    this.seen.add(entry.label);
    const insertText = this.context.needsSpace ? ` ${entry.insertText}` : entry.insertText;
    this.entries.push({ ...entry, insertText, replace: this.context.replace, sortText: entry.sortText ?? String(this.entries.length).padStart(4, '0') });
  }

  // ---------------------------------------------------------------- keys

  keys(path: PathSegment[]): void {
    const kind = this.doc.kind;
    const present = new Set(this.context.siblingKeys);
    if (!kind) {
      if (path.length === 0) this.rootKeysOfUnknownDocument(present);
      return;
    }
    if (kind === 'Assessment' && matches(path, 'dimensions')) this.dimensionKeys(present);
    else if (kind === 'Assessment' && matches(path, 'dimensions.*.answers')) this.criterionKeys(path[1] as string, present);
    else if (kind === 'Assessment' && matches(path, 'dimensions.*.metrics')) this.metricKeys(path[1] as string, present);
    // An assessor's answers have the shape of the assessment's own.
    else if (kind === 'Assessment' && matches(path, 'responses.*.dimensions')) this.dimensionKeys(present);
    else if (kind === 'Assessment' && matches(path, 'responses.*.dimensions.*.answers')) this.criterionKeys(path[3] as string, present);
    else if (kind === 'Rubric' && matches(path, 'dimensions.#.levels')) this.levelKeys(present);
    const schema = schemaAt(kind, path);
    if (!schema) return;
    for (const property of propertiesOf(schema)) {
      if (present.has(property.name)) continue;
      this.add({
        label: property.name,
        kind: 'key',
        detail: property.required ? `${typeName(property.schema)} · required` : typeName(property.schema),
        ...docOf(property.schema),
        insertText: this.keyInsert(property.name, property.schema),
        retrigger: this.retriggers(property.schema, kind, [...path, property.name]),
        sortText: `${property.required ? 'a' : 'b'}${String(this.entries.length).padStart(4, '0')}`,
      });
    }
  }

  private rootKeysOfUnknownDocument(present: Set<string>): void {
    if (!present.has('apiVersion')) {
      this.add({ label: 'apiVersion', kind: 'key', detail: 'required', documentation: `The format version: \`${API_VERSION}\`.`, insertText: this.context.colonFollows ? 'apiVersion' : `apiVersion: ${API_VERSION}` });
    }
    if (!present.has('kind')) {
      this.add({ label: 'kind', kind: 'key', detail: 'required', documentation: 'What the document is: `Rubric`, `Assessment` or `Plan`.', insertText: this.context.colonFollows ? 'kind' : 'kind: ', retrigger: !this.context.colonFollows });
    }
  }

  /** The text for a key: just the name before an existing `:`, else the key with room for its value. */
  private keyInsert(name: string, schema: ResolvedSchema | undefined): string {
    if (this.context.colonFollows) return name;
    if (this.context.inFlow || !schema) return `${name}: `;
    const nested = this.nestedIndent();
    const t = types(schema.node);
    if (t.length === 1 && t[0] === 'array') return `${name}:\n${nested}- `;
    if (t.length === 1 && t[0] === 'object' && isObjectSchema(schema.node)) return `${name}:\n${nested}`;
    return `${name}: `;
  }

  /** Indentation for a child of the key being typed, relative to the indentation of its line. */
  private nestedIndent(): string {
    return ' '.repeat(Math.max(0, this.context.keyColumn - this.context.lineIndent)) + INDENT;
  }

  private retriggers(schema: ResolvedSchema | undefined, kind: DocumentKind, path: PathSegment[]): boolean {
    if (this.context.colonFollows || !schema) return false;
    const t = types(schema.node);
    if (t.includes('object') || t.includes('array')) return t.length === 1;
    return fixedValues(schema.node).length > 0 || DYNAMIC_VALUES[kind].some((p) => matches(path, p));
  }

  private dimensionKeys(present: Set<string>): void {
    const rubric = this.doc.rubric;
    if (!rubric) return;
    const term = rubric.index.term('dimension');
    for (const dimension of rubric.index.rubric.dimensions) {
      if (present.has(dimension.id)) continue;
      this.add({
        label: dimension.id,
        kind: 'dimension',
        detail: `${term}: ${dimension.title}`,
        documentation: [`**${markdownText(dimension.title)}**`, markdownBlock(dimension.description ?? '')].filter(Boolean).join('\n\n'),
        insertText: this.context.colonFollows || this.context.inFlow ? (this.context.colonFollows ? dimension.id : `${dimension.id}: `) : `${dimension.id}:\n${this.nestedIndent()}`,
        retrigger: !this.context.colonFollows && !this.context.inFlow,
      });
    }
  }

  private criterionKeys(dimensionId: string, present: Set<string>): void {
    const rubric = this.doc.rubric;
    const dimension = dimensionOf(rubric, dimensionId);
    if (!rubric || !dimension) return;
    const sorted = [...(dimension.criteria ?? [])].sort((a, b) => a.level - b.level);
    for (const criterion of sorted) {
      if (present.has(criterion.id)) continue;
      const scale = rubric.index.scaleName(criterion);
      this.add({
        label: criterion.id,
        kind: 'criterion',
        detail: `Level ${levelLabel(criterion.level, rubric.index.levelName(criterion.level), ' ')} · ${scale}`,
        documentation: [markdownText(criterion.text), markdownBlock(criterion.guidance ?? ''), criterion.evidenceRequired ? '_Evidence required for a positive answer._' : ''].filter(Boolean).join('\n\n'),
        insertText: this.context.colonFollows ? criterion.id : `${criterion.id}: `,
        retrigger: !this.context.colonFollows,
        filterText: `${criterion.id} ${criterion.text}`,
      });
    }
  }

  private metricKeys(dimensionId: string, present: Set<string>): void {
    for (const metric of dimensionOf(this.doc.rubric, dimensionId)?.metrics ?? []) {
      if (present.has(metric.id)) continue;
      const role = benchmarkRole(metric);
      const benchmark = metric.benchmark && role ? `Benchmark: ${benchmarkFigure(metric.benchmark, role, metric.unit, metric.higherIsBetter ?? true)}${role === 'context' ? ' (context only)' : ''}` : '';
      this.add({
        label: metric.id,
        kind: 'metric',
        detail: metric.unit ? `${metric.name} (${metric.unit})` : metric.name,
        documentation: [markdownBlock(metric.description ?? ''), markdownText(benchmark)].filter(Boolean).join('\n\n'),
        insertText: this.context.colonFollows ? metric.id : `${metric.id}: `,
      });
    }
  }

  private levelKeys(present: Set<string>): void {
    for (const level of ownLevels(this.doc.value)) {
      if (present.has(String(level.level))) continue;
      this.add({ label: String(level.level), kind: 'level', detail: level.name ?? '', insertText: this.context.colonFollows ? String(level.level) : `${level.level}: ` });
    }
  }

  // ---------------------------------------------------------------- values

  async values(path: PathSegment[], schema: ResolvedSchema | undefined, env: CompletionEnvironment): Promise<void> {
    const kind = this.doc.kind;
    if (matches(path, 'kind')) {
      const what: Record<DocumentKind, string> = { Rubric: 'a framework: levels, dimensions, criteria', Assessment: 'a subject scored against a rubric', Plan: 'a roadmap of initiatives that move dimensions' };
      for (const k of DOCUMENT_KINDS) this.add({ label: k, kind: 'value', detail: what[k], insertText: k });
      return;
    }
    if (matches(path, 'apiVersion')) {
      this.add({ label: API_VERSION, kind: 'value', insertText: API_VERSION });
      return;
    }
    if (!kind) return;
    const rubric = this.doc.rubric;
    if ((kind === 'Assessment' || kind === 'Plan') && matches(path, 'rubric')) await this.rubricReferences(env);
    else if (kind === 'Plan' && matches(path, 'baseline')) await this.baselineReferences(env);
    else if (kind === 'Assessment' && (matches(path, 'dimensions.*.level') || matches(path, 'dimensions.*.target'))) {
      this.levelValues(levelsOf(rubric), dimensionOf(rubric, path[1]), rubric?.index.rubric.threshold?.level);
    } else if (kind === 'Assessment' && (matches(path, 'dimensions.*.answers.*') || matches(path, 'dimensions.*.answers.*.answer'))) {
      this.answerValues(rubric, path[1] as string, path[3] as string);
    } else if (kind === 'Assessment' && (matches(path, 'responses.*.dimensions.*.answers.*') || matches(path, 'responses.*.dimensions.*.answers.*.answer'))) {
      this.answerValues(rubric, path[3] as string, path[5] as string);
    } else if (kind === 'Assessment' && matches(path, 'adjudicator')) {
      const responses = dig(this.doc.value, 'responses');
      for (const id of responses && typeof responses === 'object' && !Array.isArray(responses) ? Object.keys(responses) : []) {
        this.add({ label: id, kind: 'value', detail: asString(dig(responses, id, 'name')) ?? '', insertText: id });
      }
    } else if (kind === 'Plan' && matches(path, 'initiatives.#.moves.#.dimension')) this.planDimensions(rubric);
    else if (kind === 'Plan' && (matches(path, 'initiatives.#.moves.#.from') || matches(path, 'initiatives.#.moves.#.to'))) {
      this.levelValues(levelsOf(rubric), dimensionOf(rubric, dig(this.doc.value, ...path.slice(0, -1), 'dimension')), rubric?.index.rubric.threshold?.level);
    } else if (kind === 'Plan' && matches(path, 'initiatives.#.dependsOn.#')) this.initiativeIds(path[1] as number);
    else if (kind === 'Rubric' && matches(path, 'dimensions.#.group')) {
      for (const group of idsIn(dig(this.doc.value, 'groups'))) this.add({ label: group.id, kind: 'group', detail: group.title ?? '', insertText: group.id });
    } else if (kind === 'Rubric' && (matches(path, 'dimensions.#.criteria.#.level') || matches(path, 'threshold.level'))) {
      this.levelValues(ownLevels(this.doc.value), undefined, undefined);
    } else if (kind === 'Rubric' && (matches(path, 'dimensions.#.criteria.#.answerScale') || matches(path, 'defaultAnswerScale'))) {
      this.scaleNames();
    } else if (kind === 'Rubric' && matches(path, 'dimensions.#.criteria.#.subgroup')) {
      for (const subgroup of idsIn(dig(this.doc.value, 'dimensions', path[1] as number, 'subgroups'))) this.add({ label: subgroup.id, kind: 'group', detail: subgroup.title ?? '', insertText: subgroup.id });
    } else if (kind === 'Rubric' && (matches(path, 'dimensions.#.criteria.#.dependsOn.#') || matches(path, 'dimensions.#.criteria.#.related.#'))) {
      this.rubricCriterionIds(dig(this.doc.value, ...path.slice(0, 4), 'id'));
    }
    // The schema's own fixed values (enums, true/false), unless the rubric already said which
    // values fit (an answer scale is written as text even though yes/no could be booleans).
    if (schema && (this.entries.length === 0 || schema.node.enum || schema.node.const !== undefined)) {
      for (const value of fixedValues(schema.node)) {
        const text = String(value);
        this.add({ label: text, kind: 'value', ...docOf(schema), insertText: text });
      }
    }
  }

  /** The ids of every criterion of the rubric being edited (but `own`), each with its dimension: what a dependency can name. */
  private rubricCriterionIds(own: unknown): void {
    const dimensions = dig(this.doc.value, 'dimensions');
    for (const dimension of Array.isArray(dimensions) ? dimensions : []) {
      const title = dig(dimension, 'title');
      for (const criterion of idsIn(dig(dimension, 'criteria'))) {
        if (criterion.id === own) continue;
        this.add({ label: criterion.id, kind: 'criterion', detail: typeof title === 'string' ? title : '', insertText: criterion.id });
      }
    }
  }

  private levelValues(levels: readonly LevelFact[], dimension: ReturnType<typeof dimensionOf>, threshold: number | undefined): void {
    for (const level of levels) {
      const words = descriptor(dimension, level.level);
      this.add({
        label: String(level.level),
        kind: 'level',
        detail: `${level.name ?? ''}${threshold === level.level ? ' · threshold' : ''}`.trim(),
        documentation: [dimension && words ? `**${markdownText(dimension.title)}** at this level: ${markdownText(words)}` : '', markdownBlock(level.description ?? '')].filter(Boolean).join('\n\n'),
        insertText: String(level.level),
        sortText: String(level.level).padStart(4, '0'),
      });
    }
  }

  private answerValues(rubric: ResolvedRubric | undefined, dimensionId: string, criterionId: string): void {
    const criterion = dimensionOf(rubric, dimensionId)?.criteria?.find((c) => c.id === criterionId);
    if (!rubric || !criterion) return;
    const scaleName = rubric.index.scaleName(criterion);
    const scale = rubric.index.scaleOf(criterion);
    scale?.answers.forEach((answer, i) => {
      this.add({
        label: answer.value,
        kind: 'answer',
        detail: `credit ${formatScore(answer.credit)} · ${scaleName}`,
        documentation: [answer.description ? markdownText(answer.description) : '', `For: ${markdownText(criterion.text)}`].filter(Boolean).join('\n\n'),
        insertText: /^[\w-]+$/.test(answer.value) && !/^(true|false|null|~|[-+]?\d)/i.test(answer.value) ? answer.value : JSON.stringify(answer.value),
        sortText: String(i).padStart(4, '0'),
      });
    });
  }

  private planDimensions(rubric: ResolvedRubric | undefined): void {
    if (!rubric) return;
    for (const dimension of rubric.index.rubric.dimensions) {
      this.add({ label: dimension.id, kind: 'dimension', detail: dimension.title, documentation: markdownBlock(dimension.description ?? ''), insertText: dimension.id });
    }
  }

  private initiativeIds(ownIndex: number): void {
    const initiatives = idsIn(dig(this.doc.value, 'initiatives'));
    const own = asString(dig(this.doc.value, 'initiatives', ownIndex, 'id'));
    for (const initiative of initiatives) {
      if (initiative.index === ownIndex || initiative.id === own) continue;
      const item = dig(this.doc.value, 'initiatives', initiative.index);
      const dates = [asString(dig(item, 'start')), asString(dig(item, 'end'))].filter(Boolean).join(' to ');
      this.add({ label: initiative.id, kind: 'initiative', detail: initiative.title ?? '', documentation: markdownText(dates), insertText: initiative.id });
    }
  }

  private scaleNames(): void {
    const scales = dig(this.doc.value, 'answerScales');
    const names = scales && typeof scales === 'object' ? Object.keys(scales) : [];
    for (const name of [...names, 'yes-no']) {
      const answers = asArray(dig(scales, name, 'answers')).map((a) => `${String(dig(a, 'value'))} (${String(dig(a, 'credit'))})`);
      this.add({ label: name, kind: 'scale', detail: name === 'yes-no' && !names.includes(name) ? 'built in: yes (1), no (0)' : answers.join(', '), insertText: name });
    }
  }

  private async rubricReferences(env: CompletionEnvironment): Promise<void> {
    const analysis = this.snapshot.analysis;
    for (const doc of analysis.documents) {
      const id = asString(dig(doc.parsed.value, 'id'));
      if (doc.kind === 'Rubric' && id) this.add({ label: id, kind: 'rubric', detail: `rubric in this file: ${asString(dig(doc.parsed.value, 'title')) ?? ''}`.trim(), insertText: id, sortText: `a${id}` });
    }
    for (const framework of builtinFrameworks().values()) {
      const title = /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(framework.text)?.[1];
      this.add({ label: framework.id, kind: 'rubric', detail: `built-in${title ? `: ${title}` : ''}`, documentation: `The built-in rubric ${markdownCode(framework.id)}.`, insertText: framework.id, sortText: `b${framework.id}` });
    }
    await this.fileReferences(env, 'Rubric', 'c');
  }

  private async baselineReferences(env: CompletionEnvironment): Promise<void> {
    for (const doc of this.snapshot.analysis.documents) {
      const id = asString(dig(doc.parsed.value, 'id'));
      if (doc.kind === 'Assessment' && id) this.add({ label: id, kind: 'file', detail: `assessment in this file${asString(dig(doc.parsed.value, 'date')) ? ` (${asString(dig(doc.parsed.value, 'date'))})` : ''}`, insertText: id, sortText: `a${id}` });
    }
    await this.fileReferences(env, 'Assessment', 'b');
  }

  private async fileReferences(env: CompletionEnvironment, kind: DocumentKind, sortGroup: string): Promise<void> {
    const uris = (await env.listDocuments?.(kind)) ?? [];
    const self = this.snapshot.analysis.uri;
    for (const uri of uris) {
      if (uri === self) continue;
      const reference = relativeReference(self, uri);
      if (!reference) continue;
      this.add({ label: reference, kind: 'file', detail: `${kind.toLowerCase()} file`, insertText: reference, sortText: `${sortGroup}${reference.split('/').length.toString().padStart(3, '0')}${reference}` });
    }
  }
}

function docOf(schema: ResolvedSchema): { documentation?: string } {
  const text = documentation(schema.node);
  return text ? { documentation: text } : {};
}

function typeName(schema: ResolvedSchema): string {
  if (hasOpenKeys(schema)) return 'map by id';
  if (schema.node.const !== undefined) return JSON.stringify(schema.node.const);
  const fixed = schema.node.enum;
  if (fixed) return fixed.map(String).join(' | ');
  const t = types(schema.node);
  const names: Record<string, string> = { string: 'text', integer: 'whole number', number: 'number', boolean: 'true/false', object: 'map', array: 'list' };
  return t.map((x) => names[x] ?? x).join(' or ');
}
