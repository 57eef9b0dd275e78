import { builtinByUri, isBuiltinUri } from './builtins';
import { DiagnosticCollector } from './diagnostics/collector';
import { compareDiagnostics, type Diagnostic } from './diagnostics/types';
import { assessmentFacts, withInheritedFacts, type AssessmentFacts } from './domain/assessmentFacts';
import { inheritFrom, MAX_INHERITANCE_DEPTH, ownAssessment, type EffectiveAssessment } from './domain/inheritance';
import { RubricIndex } from './domain/rubricIndex';
import { BudgetExceeded, DOCUMENT_BUDGET, DocumentBudget, type BudgetLimits } from './document/budget';
import { parseDocuments, type LocatedDocument, type LocatedFile, type ParseOptions } from './document/located';
import type { Assessment, DocumentKind, Plan, Rubric } from './format/types';
import { readReferencedFiles } from './resolve/closure';
import { ConfinedReader, isAvailable, sameFileText, type Confinement, type FileText, type Refusal, type Unavailable } from './resolve/confinement';
import type { FileHost } from './resolve/host';
import { referencedUrisIn, referencesIn, type ReferenceKey } from './resolve/references';
import { baseName } from './resolve/uris';
import { baselineRubricMismatch, resolveReference, unreadableBaseline, unscoredBaseline, unusableRubric, type CandidateFile, type ReferenceProblem } from './resolve/resolver';
import { reportUnknownId, RuleContext, type RuleInputs } from './rules/context';
import { runRules } from './rules/registry';
import { checkEnvelope } from './schema/envelope';
import { SCHEMA_NOT_RUN, validateAgainstSchema, type SchemaVerdict } from './schema/validateSchema';
import { projectPlan, type PlanProjection } from './scoring/projectPlan';
import { dimensionOutcomes, scoreAssessment, summarizeScore, type ScoreSummary } from './scoring/scoreAssessment';
import type { AssessmentScore } from './scoring/types';

/** A rubric found through a reference, with what go-to-definition and hovers need. */
export interface ResolvedRubric {
  readonly uri: string;
  readonly documentIndex: number;
  readonly text: string;
  readonly parsed: LocatedDocument;
  readonly index: RubricIndex;
  readonly builtin: boolean;
}

interface DocumentBase {
  readonly index: number;
  readonly parsed: LocatedDocument;
  /** Whether the document passed its schema (its data is then typed). */
  readonly schemaValid: boolean;
  /** Diagnostics of this document alone (not capped). */
  readonly diagnostics: readonly Diagnostic[];
  /** The work units checking it spent (see DocumentBudget), its YAML parsing included. */
  readonly work: number;
  /** Why this document was not fully checked, when it was not (see FileAnalysis.incomplete). */
  readonly incomplete?: readonly string[];
}

export interface UnknownDocument extends DocumentBase {
  readonly kind: undefined;
}

export interface RubricDocumentAnalysis extends DocumentBase {
  readonly kind: 'Rubric';
  readonly data?: Rubric;
  /** Lookup tables over the rubric, whenever it passed its schema. */
  readonly rubricIndex?: RubricIndex;
  /** Whether assessments and plans can be scored against it: it passed its schema and has no errors. */
  readonly usable: boolean;
}

export interface AssessmentDocumentAnalysis extends DocumentBase {
  readonly kind: 'Assessment';
  /** The assessment as written. */
  readonly data?: Assessment;
  /** Its rubric, when the reference finds one without errors (also while the document itself has errors). */
  readonly rubric?: ResolvedRubric;
  /** The assessment it inherits from (`inherits:`), when the reference finds one it can use. */
  readonly base?: AssessmentBase;
  /**
   * The assessment as it counts, when it inherits: its data with its bases' parts filled in, and
   * where each came from (domain/inheritance.ts). Facts, scores and reports are of this; absent
   * when it inherits nothing, as `data` is then what counts.
   */
  readonly effective?: EffectiveAssessment;
  /** What its answers mean, read from the parts that passed the schema. */
  readonly facts?: AssessmentFacts;
  readonly score?: AssessmentScore;
  /**
   * The scores at a glance (scoring/scoreAssessment.ts summarizeScore), built when read, from the
   * same outcomes as `score` without its details: what views over many assessments read.
   */
  readonly summary?: ScoreSummary;
}

export interface AssessmentBase {
  readonly uri: string;
  readonly documentIndex: number;
  /** The reference as written. */
  readonly reference: string;
  /** The base's title, or its unit's name (its organization's, for an assessment of a whole organization), for reports. */
  readonly title: string;
}

export interface PlanBaseline {
  readonly uri: string;
  readonly assessment: Assessment;
  /** Absent when the baseline is scored against another rubric than the plan. */
  readonly score?: AssessmentScore;
}

export interface PlanDocumentAnalysis extends DocumentBase {
  readonly kind: 'Plan';
  readonly data?: Plan;
  readonly rubric?: ResolvedRubric;
  readonly baseline?: PlanBaseline;
  readonly projection?: PlanProjection;
}

export type DocumentAnalysis = UnknownDocument | RubricDocumentAnalysis | AssessmentDocumentAnalysis | PlanDocumentAnalysis;

export interface FileAnalysis {
  readonly uri: string;
  readonly text: string;
  readonly parser: 'fast' | 'full';
  readonly documents: readonly DocumentAnalysis[];
  /** All diagnostics of the file, sorted by position and capped at `maxProblems`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Other files this analysis read (referenced rubrics, baselines): re-check when they change. */
  readonly dependencies: readonly string[];
  /**
   * Why the file could not be fully checked (a budget exceeded, for example), each a sentence that
   * names what and where. A file with any is never reported as clean. Absent when it was fully checked.
   */
  readonly incomplete?: readonly string[];
}

export interface EngineOptions {
  /** Cap on diagnostics per file, so a broken 50,000-line file does not flood the editor. */
  readonly maxProblems?: number;
  readonly parser?: ParseOptions['parser'];
  /** The work each document may spend (DOCUMENT_BUDGET); tests make it small to reach it on purpose. */
  readonly budget?: BudgetLimits;
  /**
   * Where references may point (see resolve/confinement.ts). Every face gives one: the CLI the
   * repository, the language server the workspace folders, the Action the GitHub workspace.
   * Without it, references are read wherever they point (tests and tools over trusted files).
   */
  readonly confinement?: Confinement;
}

export const DEFAULT_MAX_PROBLEMS = 500;

/**
 * The diagnostics that say why a document was not fully checked (a budget run out, a referenced
 * file that was not read): whatever sets `incomplete` also reports one of these, and the per-file
 * cap never drops them, so the editor, which shows only diagnostics, always shows why.
 */
const EXPLAINS_INCOMPLETE = new WeakSet<Diagnostic>();

function markLastAsExplaining(out: DiagnosticCollector): void {
  const last = out.items[out.items.length - 1];
  if (last) EXPLAINS_INCOMPLETE.add(last);
}

/**
 * The engine: text → parse → envelope → schema → rubric index → references → facts → scores →
 * rules, for every document of a file.
 *
 * An analysis first reads, asynchronously, every file its references can need (resolve/closure.ts);
 * then it runs synchronously over those texts. Nothing waits for another analysis, so no
 * reference, however circular, can hang it. References are followed document by document, and
 * only along the one direction the format allows (a plan needs its rubric and its baseline
 * assessment, an assessment its rubric, a rubric nothing), so a chain is at most two long.
 *
 * Referenced files are cached by their text: checking a hundred assessments against one rubric
 * parses and checks the rubric once. A cached document analysis is reused only while every file it
 * read still has the text it read.
 */
export class Engine {
  private readonly files = new Map<string, FileState>();
  private reader: ConfinedReader;

  constructor(
    private readonly host: FileHost,
    private readonly options: EngineOptions = {},
  ) {
    this.reader = new ConfinedReader(host, options.confinement);
  }

  /**
   * Changes where references may point (the editor's workspace folders changed); the next
   * analyses follow it, and cached ones that read differently are done again.
   */
  setConfinement(confinement: Confinement | undefined): void {
    this.reader = new ConfinedReader(this.host, confinement);
  }

  async analyze(uri: string, text: string): Promise<FileAnalysis> {
    // The file asked about is analysed afresh and not kept: only referenced files are cached, so a
    // run over a whole repository does not hold every file it checked.
    const root = new FileState(uri, text, parseDocuments(text, { parser: this.options.parser }), this.options.budget);
    const stateOf = (other: string, otherText: string) => (other === uri && otherText === text ? root : this.state(other, otherText));
    const texts = await readReferencedFiles({ uri, text }, (other) => this.referencedFile(other, uri), (other, otherText) => stateOf(other, otherText).referencedUris());
    return new AnalysisPass(this.options, texts, stateOf).file(uri);
  }

  /**
   * The analysis of a side of a comparison where there is no file (added since, or deleted): as
   * of an empty text, without the empty-file error, which is for a file that is there. A file
   * emptied by a change keeps the error, so the two read differently in a review.
   */
  async analyzeAbsent(uri: string): Promise<FileAnalysis> {
    const analysis = await this.analyze(uri, '');
    return { ...analysis, diagnostics: analysis.diagnostics.filter((d) => d.code !== 'empty-file') };
  }

  /**
   * A file that a reference of the file at `checkedUri` names, read the way an analysis reads it
   * (within the confinement), for the editor's features that open it (go to the baseline).
   */
  async readReferenced(uri: string, checkedUri: string): Promise<string | undefined> {
    const text = await this.referencedFile(uri, checkedUri);
    return isAvailable(text) ? text : undefined;
  }

  /**
   * Why a file or folder to check may not be read (it lies outside the confinement, as written or
   * through a link), or undefined when it may: the same decision as for a reference, asked before
   * any face reads a file it was asked to check (the CLI's discovery and review, the language
   * server's workspace scan).
   */
  checkedFileRefusal(uri: string): Promise<Refusal | undefined> {
    return this.reader.refusal(uri, uri);
  }

  /**
   * A file a reference of the file at `checkedUri` names, as an analysis of that file sees it:
   * its text, or why it has none (missing, unreadable, outside the confinement). What an analysis
   * found depends on exactly these for each of its `dependencies`, so a result kept from an
   * earlier run still holds while each of them is the same (the CLI's --cache).
   */
  referencedFile(uri: string, checkedUri: string): Promise<FileText> {
    const builtin = isBuiltinUri(uri) ? builtinByUri(uri) : undefined;
    return builtin ? Promise.resolve(builtin.text) : this.reader.read(uri, checkedUri);
  }

  /** The parsed state of a referenced file at this text, from the cache when the text is the one cached. */
  private state(uri: string, text: string): FileState {
    const cached = this.files.get(uri);
    if (cached && cached.text === text) return cached;
    const state = new FileState(uri, text, parseDocuments(text, { parser: this.options.parser }), this.options.budget);
    this.files.set(uri, state);
    return state;
  }
}

/** A document after the envelope and the schema: what every later stage starts from. */
interface Staged {
  readonly index: number;
  readonly doc: LocatedDocument;
  readonly kind?: DocumentKind;
  /** The id the document declares, read even when it failed its schema (a reference to it then says "has errors", not "not found"). */
  readonly id?: string;
  readonly verdict: SchemaVerdict;
  /** Parse, envelope and schema diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  /** The document's budget as staging left it: each analysis of the document goes on from there. */
  readonly budget: DocumentBudget;
  /** Set when the budget ran out while staging. */
  readonly stopped?: BudgetExceeded;
}

/** A document of a file. */
interface DocumentRef {
  readonly uri: string;
  readonly index: number;
}

/** A reference resolved to a document, as written. */
interface ResolvedReference extends DocumentRef {
  readonly builtin: boolean;
  readonly reference: string;
}

/** An inheritance problem found on the base itself, as a diagnostic on `inherits:`. */
function baseProblem(message: string): ReferenceProblem {
  return { code: 'base-not-found', message };
}

/** What one document analysis read: every file's text, as it was (undefined: could not be read). */
type Reads = ReadonlyMap<string, FileText | undefined>;

/** One file at one text: its documents parsed and staged once, and the analyses of its documents. */
class FileState {
  private stagedDocs: Staged[] | undefined;
  private referenced: readonly string[] | undefined;
  private candidateFile: CandidateFile | undefined;
  readonly analyses = new Map<number, { readonly analysis: DocumentAnalysis; readonly reads: Reads }>();

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly located: LocatedFile,
    private readonly limits: BudgetLimits = DOCUMENT_BUDGET,
  ) {}

  get staged(): readonly Staged[] {
    this.stagedDocs ??= this.located.documents.map((doc, index) => stage(doc, index, new DocumentBudget(doc.documentRange.end - doc.documentRange.start, this.limits)));
    return this.stagedDocs;
  }

  /**
   * The files this file's references name. Worked out once per text: a rubric's are asked for
   * by every assessment that uses it.
   */
  referencedUris(): readonly string[] {
    this.referenced ??= referencedUrisIn(
      this.located.documents.map((doc) => doc.value),
      this.uri,
    );
    return this.referenced;
  }

  /** The documents a reference may resolve to, asked for by every reference to this file. */
  candidates(): CandidateFile {
    this.candidateFile ??= { uri: this.uri, documents: this.staged.map((s) => ({ index: s.index, ...(s.kind ? { kind: s.kind } : {}), ...(s.id !== undefined ? { id: s.id } : {}) })) };
    return this.candidateFile;
  }
}

/**
 * What an assessment's analysis is made on: its `score` is built the first time it is read (a
 * report, the review, the preview, a plan's baseline) and kept. The rules need only the
 * dimensions' outcomes, so checking files (validate, the editor's diagnostics) builds no scores
 * that nothing reads: a sixth of validate's time over a repository went to them. The budget was
 * charged for them with the outcomes. The getter is the class's: defined on each object instead,
 * it gave every analysis a shape of its own, which cost V8 more than the scores saved.
 */
class ScoredWhenRead {
  #score: AssessmentScore | undefined;
  #summary: ScoreSummary | undefined;
  readonly #build: () => AssessmentScore;
  readonly #summarize: () => ScoreSummary;

  constructor(build: () => AssessmentScore, summarize: () => ScoreSummary) {
    this.#build = build;
    this.#summarize = summarize;
  }

  get score(): AssessmentScore {
    this.#score ??= this.#build();
    return this.#score;
  }

  get summary(): ScoreSummary {
    this.#summary ??= this.#score ?? this.#summarize();
    return this.#summary;
  }
}

/**
 * A document's values, as the YAML layer counted them (aliases as what they stand for): what a
 * stage that walks its data once may visit. The schema and the facts are charged this up front.
 */
function valuesOf(doc: LocatedDocument): number {
  return doc.parseWork.nodesBuilt + doc.parseWork.aliasExpansions;
}

function stage(doc: LocatedDocument, index: number, budget: DocumentBudget): Staged {
  const out = new DiagnosticCollector();
  for (const issue of doc.issues) out.report(issue.code, issue.message, issue.range, { severity: issue.severity });
  const envelope = checkEnvelope(doc, index, out);
  const value = doc.value as Record<string, unknown> | null;
  const id = value !== null && typeof value === 'object' && typeof value.id === 'string' ? value.id : undefined;
  const hasYamlErrors = doc.issues.some((i) => i.severity === 'error');
  let verdict = SCHEMA_NOT_RUN;
  let stopped: BudgetExceeded | undefined;
  try {
    budget.spendParse(doc.parseWork);
    if (envelope.kind && envelope.checkBody && !hasYamlErrors) {
      budget.spend('schema validation', valuesOf(doc));
      verdict = validateAgainstSchema(envelope.kind, doc, out);
    }
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    stopped = error;
  }
  return { index, doc, ...(envelope.kind ? { kind: envelope.kind } : {}), ...(id !== undefined ? { id } : {}), verdict, diagnostics: out.items, budget, ...(stopped ? { stopped } : {}) };
}

/**
 * One synchronous analysis over a fixed set of file texts. Every document is analysed at most once
 * per pass; functions call each other only down the format's one direction of reference
 * (plan → assessment → rubric), so the recursion is at most two deep and cannot loop.
 */
class AnalysisPass {
  private readonly done = new Map<string, { analysis: DocumentAnalysis; reads: Reads }>();

  constructor(
    private readonly options: EngineOptions,
    private readonly texts: Reads,
    private readonly stateOf: (uri: string, text: string) => FileState,
  ) {}

  file(uri: string): FileAnalysis {
    const state = this.fileAt(uri) as FileState;
    const analyses = state.staged.map((s) => this.document(state, s.index));
    const dependencies = new Set<string>();
    for (const { reads } of analyses) for (const read of reads.keys()) if (read !== uri && !isBuiltinUri(read)) dependencies.add(read);
    const fileIssues = state.located.issues.map((issue) => ({ code: issue.code, severity: issue.severity, message: issue.message, range: issue.range }) satisfies Diagnostic);
    const incomplete = analyses.flatMap((a) => a.analysis.incomplete ?? []);
    const all = [...fileIssues, ...analyses.flatMap((a) => a.analysis.diagnostics)].sort(compareDiagnostics);
    if (all.length === 0 && state.located.documents.every((doc) => doc.value === null)) all.push(emptyFile());
    const max = this.options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    let diagnostics = all;
    if (all.length > max) {
      diagnostics = all.filter((d, i) => i < max || EXPLAINS_INCOMPLETE.has(d));
      const kept = diagnostics.length > max ? `the first ${max}, and why the file was not fully checked,` : `the first ${max}`;
      diagnostics.push({
        code: 'too-many-problems',
        severity: 'information',
        message: `This file has ${all.length} problems; only ${kept} are shown. Fix those to see the rest.`,
        range: { start: 0, end: 0 },
      });
    }
    return {
      uri,
      text: state.text,
      parser: state.located.parser,
      documents: analyses.map((a) => a.analysis),
      diagnostics,
      dependencies: [...dependencies],
      ...(incomplete.length > 0 ? { incomplete: [...new Set(incomplete)] } : {}),
    };
  }

  private fileAt(uri: string): FileState | undefined {
    const text = this.texts.get(uri);
    return isAvailable(text) ? this.stateOf(uri, text) : undefined;
  }

  /** A document's analysis, reused from an earlier pass while every file it read is unchanged. */
  private document(state: FileState, index: number): { analysis: DocumentAnalysis; reads: Reads } {
    const key = `${index}:${state.uri}`;
    const done = this.done.get(key);
    if (done) return done;
    const cached = state.analyses.get(index);
    const result = cached && [...cached.reads].every(([uri, text]) => this.texts.has(uri) && sameFileText(this.texts.get(uri), text)) ? cached : this.analyse(state, state.staged[index] as Staged);
    state.analyses.set(index, result);
    this.done.set(key, result);
    return result;
  }

  private analyse(state: FileState, s: Staged): { analysis: DocumentAnalysis; reads: Reads } {
    const reads = new Map<string, FileText | undefined>();
    const out = new DiagnosticCollector();
    out.items.push(...s.diagnostics);
    const budget = s.budget.resumed();
    const work = new StagedWork(budget, s.stopped);
    /** Why the document is not fully checked, from its references (files that are there but were not read). */
    const unread: string[] = [];
    /** The analysis, on `into` when given (an assessment's, whose score is built when read). */
    const finish = <A extends DocumentAnalysis>(analysis: Omit<A, 'diagnostics' | 'work' | 'incomplete' | 'index' | 'parsed' | 'schemaValid' | 'score' | 'summary'>, into: object = {}): { analysis: DocumentAnalysis; reads: Reads } => {
      const incomplete = [...new Set(unread), ...(work.stopped ? [budgetReport(work.stopped, s, state, out)] : [])];
      const base = { index: s.index, parsed: s.doc, schemaValid: s.verdict.valid, work: budget.spent, ...(incomplete.length > 0 ? { incomplete } : {}) };
      return { analysis: Object.assign(into, analysis, base, { diagnostics: out.items }) as unknown as A, reads };
    };
    switch (s.kind) {
      case 'Rubric': {
        const rubricIndex = s.verdict.valid ? work.run('facts and scores', valuesOf(s.doc), () => new RubricIndex(s.doc.value as Rubric)) : undefined;
        this.rules({ kind: 'Rubric', document: s.doc, verdict: s.verdict, ...(rubricIndex ? { rubric: rubricIndex } : {}) }, out, s, work);
        return finish<RubricDocumentAnalysis>({
          kind: 'Rubric',
          ...(s.verdict.valid ? { data: s.doc.value as Rubric } : {}),
          ...(rubricIndex ? { rubricIndex } : {}),
          usable: rubricIndex !== undefined && !out.hasErrors && !work.stopped,
        });
      }
      case 'Assessment': {
        const references = new References(this, state, s, out, reads, unread);
        const rubric = references.rubric();
        const data = s.verdict.valid ? (s.doc.value as Assessment) : undefined;
        const inherited = data && rubric ? references.base(rubric) : undefined;
        const own = s.verdict === SCHEMA_NOT_RUN ? undefined : work.run('facts and scores', valuesOf(s.doc), () => assessmentFacts(s.doc.value, rubric?.index, s.verdict));
        // What counts: its own answers, and its bases' where it gives none.
        const effective = data && inherited ? inheritFrom(data, inherited.effective, inherited.base.uri) : undefined;
        const facts = own && effective && rubric ? work.run('facts and scores', rubric.index.criteria.size, () => withInheritedFacts(own, effective, rubric.index)) : own;
        const counted = effective?.data ?? data;
        const outcomes = counted && facts && rubric ? work.run('facts and scores', rubric.index.criteria.size + rubric.index.dimensions.size, () => dimensionOutcomes(counted, facts, rubric.index)) : undefined;
        this.rules({ kind: 'Assessment', document: s.doc, verdict: s.verdict, ...(rubric ? { rubric: rubric.index } : {}), ...(facts ? { facts } : {}), ...(outcomes ? { outcomes } : {}) }, out, s, work);
        const scored = counted && facts && rubric && outcomes ? new ScoredWhenRead(() => scoreAssessment(counted, facts, rubric.index, outcomes), () => summarizeScore(rubric.index, outcomes)) : {};
        return finish<AssessmentDocumentAnalysis>(
          { kind: 'Assessment', ...(data ? { data } : {}), ...(rubric ? { rubric } : {}), ...(inherited ? { base: inherited.base } : {}), ...(effective ? { effective } : {}), ...(facts ? { facts } : {}) },
          scored,
        );
      }
      case 'Plan': {
        const references = new References(this, state, s, out, reads, unread);
        const rubric = references.rubric();
        const baseline = references.baseline(rubric);
        const data = s.verdict.valid ? (s.doc.value as Plan) : undefined;
        const projection = data ? work.run('facts and scores', valuesOf(s.doc) + (rubric?.index.dimensions.size ?? 0), () => projectPlan(data, rubric?.index, baseline?.score)) : undefined;
        this.rules({ kind: 'Plan', document: s.doc, verdict: s.verdict, ...(rubric ? { rubric: rubric.index } : {}), ...(baseline?.score ? { baseline: baseline.score } : {}) }, out, s, work);
        return finish<PlanDocumentAnalysis>({ kind: 'Plan', ...(data ? { data } : {}), ...(rubric ? { rubric } : {}), ...(baseline ? { baseline } : {}), ...(projection ? { projection } : {}) });
      }
      default:
        return finish<UnknownDocument>({ kind: undefined });
    }
  }

  private rules(inputs: RuleInputs, out: DiagnosticCollector, s: Staged, work: StagedWork): void {
    if (s.verdict === SCHEMA_NOT_RUN) return;
    work.run('rules', 0, () => runRules(new RuleContext(inputs, out, work.budget)));
  }

  /** The analysis of a referenced document (used by References). */
  target(uri: string, index: number): { analysis: DocumentAnalysis; reads: Reads; state: FileState } | undefined {
    const state = this.fileAt(uri);
    if (!state) return undefined;
    const { analysis, reads } = this.document(state, index);
    return { analysis, reads, state };
  }

  /**
   * Follows the chain of bases from `from` (whose base is `first`) as the documents write it,
   * without analysing them: a base that leads back to one before it is a circle, and more than
   * MAX_INHERITANCE_DEPTH bases is too long. A link that does not resolve ends the chain (the
   * document that writes it reports it).
   */
  inheritanceChain(from: DocumentRef, first: DocumentRef): { problem?: ReferenceProblem } {
    const key = (d: DocumentRef) => `${d.index}:${d.uri}`;
    const chain: DocumentRef[] = [from];
    let current: DocumentRef | undefined = first;
    while (current) {
      if (chain.some((d) => key(d) === key(current as DocumentRef))) {
        const names = [...chain, current].map((d) => this.documentName(d, from.uri));
        return { problem: { code: 'inheritance-cycle', message: `Inheritance goes round in a circle: ${names.join(' inherits from ')}. A base cannot build on the units that build on it: remove inherits from one of them.` } };
      }
      if (chain.length > MAX_INHERITANCE_DEPTH) {
        return { problem: { code: 'inheritance-too-deep', message: `This assessment inherits through more than ${MAX_INHERITANCE_DEPTH} assessments, one building on the next (${chain.slice(1).map((d) => this.documentName(d, from.uri)).join(', ')}, …): the tool follows at most ${MAX_INHERITANCE_DEPTH}. Inherit from an assessment nearer the root.` } };
      }
      chain.push(current);
      current = this.baseOf(current);
    }
    return {};
  }

  /** The document a document's `inherits:` names, as written (undefined when it names none, or nothing that resolves). */
  private baseOf(doc: DocumentRef): DocumentRef | undefined {
    const state = this.fileAt(doc.uri);
    const value = state?.staged[doc.index]?.doc.value;
    const reference = referencesIn(value).find((r) => r.key === 'inherits')?.reference;
    if (!state || reference === undefined) return undefined;
    const resolution = resolveReference('inherits', reference, state.candidates(), (uri) => this.candidatesAt(uri));
    return resolution.found ? { uri: resolution.uri, index: resolution.index } : undefined;
  }

  /** A document as a message in the file `from` names it: by its id when it is in that file, else by its file (and its id, when the file holds several). */
  private documentName(doc: DocumentRef, from: string): string {
    const state = this.fileAt(doc.uri);
    const id = state?.staged[doc.index]?.id ?? `document ${doc.index + 1}`;
    if (doc.uri === from) return id;
    const name = baseName(doc.uri);
    return state && state.staged.length > 1 ? `${name}#${id}` : name;
  }

  /** The documents of a referenced file, or why it has none (a file the closure did not read is missing to the resolver). */
  candidatesAt(uri: string): CandidateFile | Unavailable {
    const text = this.texts.get(uri);
    if (text === undefined) return { unavailable: 'missing' };
    return isAvailable(text) ? this.stateOf(uri, text).candidates() : text;
  }

  textOf(uri: string): FileText | undefined {
    return this.texts.get(uri);
  }
}

/**
 * Runs the stages of one document against its budget: once the budget has run out (in an earlier
 * stage, or up front for a stage charged before it runs), the stages after it do not run.
 */
class StagedWork {
  constructor(
    readonly budget: DocumentBudget,
    public stopped: BudgetExceeded | undefined,
  ) {}

  run<T>(stage: BudgetExceeded['stage'], upFront: number, compute: () => T): T | undefined {
    if (this.stopped) return undefined;
    try {
      this.budget.spend(stage, upFront);
      return compute();
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      this.stopped = error;
      return undefined;
    }
  }
}

/**
 * A file that holds no document: empty, or only `---` markers (an empty document with a comment
 * is a document-not-mapping of its own). It checked clean, so an assessment emptied by a change
 * passed for one that still holds its scores.
 */
function emptyFile(): Diagnostic {
  return {
    code: 'empty-file',
    severity: 'error',
    message: 'This file holds no document: it is empty, or holds only "---" markers. Write its document (apiVersion, kind and the rest), or delete the file.',
    range: { start: 0, end: 0 },
  };
}

/** The diagnostic of a document whose budget ran out, and the sentence for FileAnalysis.incomplete. */
function budgetReport(stopped: BudgetExceeded, s: Staged, state: FileState, out: DiagnosticCollector): string {
  const limit = stopped.limit.toLocaleString('en-US');
  const range = s.doc.firstKeyRange() ?? { start: s.doc.documentRange.start, end: s.doc.documentRange.start };
  out.report(
    'budget-exceeded',
    `Checking this document needed more than its budget of ${limit} work units, so it stopped during ${stopped.stage}: problems found after that are missing, and the document counts as not fully checked. Documents that repeat much of their data through aliases can get here; write the repeated parts out, or split the document.`,
    range,
  );
  markLastAsExplaining(out);
  const which = state.located.documents.length === 1 ? 'The document' : `Document ${s.index + 1}${s.kind ? ` (${s.kind})` : ''}`;
  return `${which} needed more than its work budget of ${limit} units; checking stopped during ${stopped.stage}.`;
}

/**
 * The references of one document. A document that passed its schema where the reference is
 * written gets its problems as diagnostics on the reference (strict); one whose YAML or envelope
 * is broken is still given what its reference finds, silently (loose), so the editor's features
 * know its rubric while it is being typed.
 */
class References {
  constructor(
    private readonly pass: AnalysisPass,
    private readonly state: FileState,
    private readonly staged: Staged,
    private readonly out: DiagnosticCollector,
    private readonly reads: Map<string, FileText | undefined>,
    private readonly incomplete: string[],
  ) {}

  rubric(): ResolvedRubric | undefined {
    const found = this.find('rubric');
    if (!found) return undefined;
    const doc = found.analysis;
    if (doc.kind !== 'Rubric') return undefined;
    if (!doc.usable || !doc.rubricIndex) {
      const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
      this.problem('rubric', unusableRubric(found.reference, errors, found.uri));
      return undefined;
    }
    return { uri: found.uri, documentIndex: doc.index, text: found.state.text, parsed: doc.parsed, index: doc.rubricIndex, builtin: found.builtin };
  }

  baseline(rubric: ResolvedRubric | undefined): PlanBaseline | undefined {
    const found = this.find('baseline');
    if (!found) return undefined;
    const doc = found.analysis;
    if (doc.kind !== 'Assessment') return undefined;
    if (!doc.data) {
      this.problem('baseline', unreadableBaseline(found.uri));
      return undefined;
    }
    if (doc.incomplete) {
      // Its levels would be what it was not fully checked for (its rubric, say): not used, and said.
      this.problem('baseline', unreadableBaseline(found.uri, doc.incomplete));
      return undefined;
    }
    if (rubric && doc.rubric && (doc.rubric.uri !== rubric.uri || doc.rubric.documentIndex !== rubric.documentIndex)) {
      this.problem('baseline', baselineRubricMismatch(doc.rubric.index.rubric.id, rubric.index.rubric.id));
      return { uri: found.uri, assessment: doc.data };
    }
    const score = doc.score;
    // Its rubric is missing or unusable (or is this plan: plan → assessment → plan): the plan has
    // no baseline levels to start from, which must not pass for a plan that checks clean.
    if (!score) this.problem('baseline', unscoredBaseline(found.uri));
    return { uri: found.uri, assessment: doc.data, ...(score ? { score } : {}) };
  }

  /**
   * The assessment this one inherits from, as it counts (with what it inherits in turn), when the
   * reference finds one that can be used: an assessment on the same rubric, read and scored, at
   * the end of a chain of bases that neither goes round nor runs longer than MAX_INHERITANCE_DEPTH.
   * The chain is checked from the documents as written before any base is analysed, so every
   * assessment in a circle says so, whichever is checked first, and no analysis recurses further
   * than the limit.
   */
  base(rubric: ResolvedRubric): { base: AssessmentBase; effective: EffectiveAssessment } | undefined {
    const resolved = this.resolve('inherits');
    if (!resolved) return undefined;
    const chain = this.pass.inheritanceChain({ uri: this.state.uri, index: this.staged.index }, resolved);
    if (chain.problem) {
      this.problem('inherits', chain.problem);
      return undefined;
    }
    const found = this.analyse(resolved);
    if (!found) return undefined;
    const doc = found.analysis;
    if (doc.kind !== 'Assessment') return undefined;
    if (!doc.data) {
      this.problem('inherits', baseProblem(`The assessment it inherits from has errors that keep it from being read. Fix ${baseName(found.uri)} first.`));
      return undefined;
    }
    if (doc.incomplete) {
      const why = doc.incomplete.join(' ');
      this.problem('inherits', { ...baseProblem(`The assessment it inherits from, in ${baseName(found.uri)}, could not be fully checked, so nothing is inherited from it. ${why}`), incomplete: why });
      return undefined;
    }
    if (!doc.rubric) {
      this.problem('inherits', baseProblem(`The assessment it inherits from, in ${baseName(found.uri)}, cannot be scored: its rubric could not be used (see that file's own problems). Fix ${baseName(found.uri)} first.`));
      return undefined;
    }
    if (doc.rubric.uri !== rubric.uri || doc.rubric.documentIndex !== rubric.documentIndex) {
      this.problem('inherits', {
        code: 'base-rubric-mismatch',
        message: `The assessment it inherits from is scored against "${doc.rubric.index.rubric.id}", but this one against "${rubric.index.rubric.id}". Answers count only on their own rubric: inherit from an assessment on the same one.`,
      });
      return undefined;
    }
    const title = doc.data.title ?? doc.data.subject.unit ?? doc.data.subject.organization;
    return { base: { uri: found.uri, documentIndex: doc.index, reference: found.reference, title }, effective: doc.effective ?? ownAssessment(doc.data) };
  }

  /** Whether problems with references are reported: the reference itself passed the schema. */
  private strict(key: ReferenceKey): boolean {
    return this.staged.verdict !== SCHEMA_NOT_RUN && this.staged.verdict.isValid([key]);
  }

  private find(key: ReferenceKey): { analysis: DocumentAnalysis; state: FileState; uri: string; builtin: boolean; reference: string } | undefined {
    const resolved = this.resolve(key);
    return resolved ? this.analyse(resolved) : undefined;
  }

  /** The document a reference names (its file is read, for this analysis), or nothing, with the problem reported. */
  private resolve(key: ReferenceKey): ResolvedReference | undefined {
    const reference = referencesIn(this.staged.doc.value).find((r) => r.key === key)?.reference;
    if (reference === undefined) return undefined;
    if (this.staged.verdict !== SCHEMA_NOT_RUN && !this.strict(key)) return undefined;
    const resolution = resolveReference(key, reference, this.state.candidates(), (uri) => this.pass.candidatesAt(uri));
    if (resolution.readUri !== undefined) this.reads.set(resolution.readUri, this.pass.textOf(resolution.readUri));
    if (!resolution.found) {
      this.problem(key, resolution);
      return undefined;
    }
    if (resolution.uri !== this.state.uri) this.reads.set(resolution.uri, this.pass.textOf(resolution.uri));
    return { uri: resolution.uri, index: resolution.index, builtin: resolution.builtin, reference };
  }

  /** The analysis of a resolved reference's document; what it read, this analysis read too. */
  private analyse(resolved: ResolvedReference): { analysis: DocumentAnalysis; state: FileState; uri: string; builtin: boolean; reference: string } | undefined {
    const target = this.pass.target(resolved.uri, resolved.index);
    if (!target) return undefined;
    for (const [uri, text] of target.reads) this.reads.set(uri, text);
    return { analysis: target.analysis, state: target.state, uri: resolved.uri, builtin: resolved.builtin, reference: resolved.reference };
  }

  private problem(key: ReferenceKey, problem: ReferenceProblem): void {
    if (!this.strict(key)) return;
    const range = this.staged.doc.rangeOf([key]);
    if (problem.unknownId) {
      reportUnknownId(this.out, problem.code, problem.message, range, problem.unknownId.id, problem.unknownId.known);
    } else {
      this.out.report(problem.code, problem.message, range);
    }
    if (problem.incomplete) {
      this.incomplete.push(problem.incomplete);
      markLastAsExplaining(this.out);
    }
  }
}
