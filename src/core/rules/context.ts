import type { DiagnosticCollector } from '../diagnostics/collector';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { Severity, SuggestedFix } from '../diagnostics/types';
import type { AssessmentFacts, WrittenDimension } from '../domain/assessmentFacts';
import type { RubricIndex } from '../domain/rubricIndex';
import type { DocumentBudget } from '../document/budget';
import type { LocatedDocument, Path } from '../document/located';
import type { Dimension, DocumentKind } from '../format/types';
import type { SchemaVerdict } from '../schema/validateSchema';
import type { DimensionOutcome } from '../scoring/scoreAssessment';
import type { AssessmentScore } from '../scoring/types';
import type { Range } from '../text/range';
import { closestMatch } from '../text/suggest';
import { isMap } from '../format/values';

/** What the engine hands the rules of one document: the document, what the schema said, and the facts and scores computed before. */
export interface RuleInputs {
  readonly kind: DocumentKind;
  readonly document: LocatedDocument;
  readonly verdict: SchemaVerdict;
  /** An assessment's or plan's rubric, when it was found and has no errors; a rubric's own index, when it passed its schema. */
  readonly rubric?: RubricIndex;
  /** An assessment's facts (built whenever its schema could be run). */
  readonly facts?: AssessmentFacts;
  /** An assessment's dimensions as scored (when it passed its schema and its rubric is usable): each one's status, score and level. */
  readonly outcomes?: readonly DimensionOutcome[];
  /** A plan's baseline scores, when the baseline uses the plan's rubric. */
  readonly baseline?: AssessmentScore;
}

/** A written dimension that the assessment's rubric defines. */
export type AssessedDimension = WrittenDimension & { readonly dimension: Dimension };

/** An item of a list or an entry of a map that passed the schema, with its place. */
export interface Located<T> {
  readonly value: T;
  readonly path: Path;
}

/**
 * What a rule works with. Reads go through `read`, `items` and `entries`, which give only what
 * passed the schema, so a rule checks every part whose inputs are valid and nothing else.
 *
 * Each read, place and problem is charged to the document's budget, in units of what it walks
 * (a path's segments, a list's items): a rule whose work grows faster than the document is
 * stopped by the budget (BudgetExceeded, which the engine catches) instead of holding up the editor.
 */
export class RuleContext {
  constructor(
    readonly inputs: RuleInputs,
    private readonly out: DiagnosticCollector,
    private readonly budget?: DocumentBudget,
  ) {}

  private spend(units: number): void {
    this.budget?.spend('rules', units);
  }

  get document(): LocatedDocument {
    return this.inputs.document;
  }

  get rubric(): RubricIndex | undefined {
    return this.inputs.rubric;
  }

  /** An assessment's dimensions as written (the parts that passed the schema). */
  writtenDimensions(): readonly WrittenDimension[] {
    const dimensions = this.inputs.facts?.dimensions ?? [];
    this.spend(1 + dimensions.length);
    return dimensions;
  }

  /** Those of them that the assessment's rubric defines, each with the rubric's dimension. */
  assessedDimensions(): readonly AssessedDimension[] {
    const written = this.writtenDimensions();
    // Kept for the other rules of this document: most rules of an assessment ask for it.
    return (this.assessed ??= written.filter((d): d is AssessedDimension => d.dimension !== undefined));
  }

  private assessed: readonly AssessedDimension[] | undefined;

  /** Every assessor's dimensions as written (under `responses`), response after response; empty without responses. */
  responseDimensions(): readonly WrittenDimension[] {
    const responses = this.inputs.facts?.responses ?? [];
    if (responses.length === 0) return NO_DIMENSIONS;
    if (!this.responded) {
      this.responded = responses.flatMap((r) => r.dimensions);
      this.spend(1 + this.responded.length);
    }
    return this.responded;
  }

  private responded: readonly WrittenDimension[] | undefined;

  /** Those of them that the assessment's rubric defines. */
  assessedResponseDimensions(): readonly AssessedDimension[] {
    const written = this.responseDimensions();
    // Stryker disable next-line ConditionalExpression: a fast path; filtering no dimensions gives none either
    return written.length === 0 ? NO_DIMENSIONS : written.filter((d): d is AssessedDimension => d.dimension !== undefined);
  }

  /** The answers as written, under `dimensions` and in every response: for the checks that hold for each answer wherever it is. */
  writtenAnswerSets(): readonly (readonly WrittenDimension[])[] {
    const responses = this.responseDimensions();
    return responses.length === 0 ? [this.writtenDimensions()] : [this.writtenDimensions(), responses];
  }

  /** The same, of dimensions the rubric defines. */
  assessedAnswerSets(): readonly (readonly AssessedDimension[])[] {
    const responses = this.assessedResponseDimensions();
    return responses.length === 0 ? [this.assessedDimensions()] : [this.assessedDimensions(), responses];
  }

  /** Whether the value at `path` passed the schema. */
  valid(path: Path): boolean {
    this.spend(1 + path.length);
    return this.inputs.verdict.isValid(path);
  }

  /** Whether anything is written at `path` (valid or not). */
  written(path: Path): boolean {
    return this.valueAt(path) !== undefined;
  }

  /** The value at `path` when it is written and passed the schema. */
  read<T>(path: Path): T | undefined {
    const value = this.valueAt(path);
    return value !== undefined && this.valid(path) ? (value as T) : undefined;
  }

  private valueAt(path: Path): unknown {
    this.spend(1 + path.length);
    return this.inputs.document.valueAt(path);
  }

  /** The items of the list at `path` that passed the schema, with their index. */
  items<T>(path: Path): (Located<T> & { readonly index: number })[] {
    const list = this.valueAt(path);
    if (!Array.isArray(list)) return [];
    const out: (Located<T> & { index: number })[] = [];
    list.forEach((value, index) => {
      const itemPath = [...path, index];
      if (this.valid(itemPath)) out.push({ value: value as T, path: itemPath, index });
    });
    return out;
  }

  /** The items of the list at `path` that are maps, whether or not all of their fields passed the schema (read those with `read`). */
  maps(path: Path): (Located<Record<string, unknown>> & { readonly index: number })[] {
    const list = this.valueAt(path);
    if (!Array.isArray(list)) return [];
    this.spend(list.length);
    const out: (Located<Record<string, unknown>> & { index: number })[] = [];
    list.forEach((value, index) => {
      if (isMap(value)) out.push({ value, path: [...path, index], index });
    });
    return out;
  }

  /** The keys of the map at `path`, whatever their values. */
  keys(path: Path): string[] {
    const map = this.valueAt(path);
    const keys = isMap(map) ? Object.keys(map) : [];
    this.spend(keys.length);
    return keys;
  }

  /** The range to underline for a path: its value, or `key` to prefer the key. */
  at(path: Path, prefer?: 'key' | 'value'): Range {
    this.spend(1 + path.length);
    return this.inputs.document.rangeOf(path, prefer);
  }

  keyAt(path: Path): Range {
    this.spend(1 + path.length);
    return this.inputs.document.keyRangeOf(path);
  }

  report(code: DiagnosticCode, message: string, range: Range, extra?: { severity?: Severity; fixes?: SuggestedFix[]; data?: Record<string, unknown> }): void {
    this.spend(1 + message.length);
    this.out.report(code, message, range, extra);
  }

  /**
   * Reports an id that does not exist among `known`, with a "did you mean" and a quick fix when
   * a close match exists. Pass the same list object for every id of a document: it is indexed once.
   */
  reportUnknownId(code: DiagnosticCode, message: string, range: Range, id: string, known: KnownIds): void {
    this.spend(1 + message.length + id.length);
    reportUnknownId(this.out, code, message, range, id, known);
  }
}

const NO_DIMENSIONS: readonly AssessedDimension[] = [];

export type KnownIds = readonly string[] | ReadonlySet<string> | ReadonlyMap<string, unknown>;

/** An id that is none of `known`: the message, with "did you mean" and a quick fix when one is close. */
export function reportUnknownId(out: DiagnosticCollector, code: DiagnosticCode, message: string, range: Range, id: string, known: KnownIds): void {
  const suggestion = closestMatch(id, known);
  out.report(code, suggestion ? `${message} Did you mean "${suggestion}"?` : message, range, {
    fixes: suggestion ? [{ title: `Change to "${suggestion}"`, replacement: suggestion, range }] : [],
    data: suggestion ? { suggestion } : undefined,
  });
}

/**
 * One rule: the code it reports (its documentation is the code's entry in the registry,
 * src/core/diagnostics/codes.ts), the kinds of document it checks, and the check itself.
 */
export interface Rule {
  readonly code: DiagnosticCode;
  readonly kinds: readonly DocumentKind[];
  check(ctx: RuleContext): void;
}
