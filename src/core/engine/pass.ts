// The sequencer: one analysis pass over a fixed set of file texts, which stages every document,
// hands it to the analyser of its kind, and puts the file's diagnostics together.
import { isBuiltinUri } from '../builtins';
import { DiagnosticCollector } from '../diagnostics/collector';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/types';
import { MAX_INHERITANCE_DEPTH } from '../domain/inheritance';
import type { DocumentKind } from '../format/types';
import { isAvailable, sameFileText, type FileText, type Unavailable } from '../resolve/confinement';
import { referencesIn } from '../resolve/references';
import { baseName } from '../resolve/uris';
import { resolveReference, type CandidateFile, type ReferenceProblem } from '../resolve/resolver';
import { RuleContext } from '../rules/context';
import { runRules } from '../rules/registry';
import { SCHEMA_NOT_RUN } from '../schema/validateSchema';
import type { AnalysedDocument, DocumentAnalyser, DocumentRun } from './analyser';
import { analyseAssessment } from './assessmentAnalyser';
import { budgetReport, EXPLAINS_INCOMPLETE } from './incomplete';
import { analysePlan } from './planAnalyser';
import { References } from './references';
import { analyseRubric } from './rubricAnalyser';
import type { DocumentRef, FileState, Reads, Staged } from './staging';
import { StagedWork } from './staging';
import { DEFAULT_MAX_PROBLEMS, type DocumentAnalysis, type EngineOptions, type FileAnalysis, type UnknownDocument } from './types';

/** The analyser of each kind of document: what it adds after the staging every kind shares. */
const ANALYSERS: Readonly<Record<DocumentKind, DocumentAnalyser>> = {
  Rubric: analyseRubric,
  Assessment: analyseAssessment,
  Plan: analysePlan,
};

/**
 * One synchronous analysis over a fixed set of file texts. Every document is analysed at most once
 * per pass; functions call each other only down the format's one direction of reference
 * (plan → assessment → rubric), so the recursion is at most two deep and cannot loop.
 */
export class AnalysisPass {
  private readonly done = new Map<string, AnalysedDocument>();

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
  private document(state: FileState, index: number): AnalysedDocument {
    const key = `${index}:${state.uri}`;
    const done = this.done.get(key);
    if (done) return done;
    const cached = state.analyses.get(index);
    const result = cached && [...cached.reads].every(([uri, text]) => this.texts.has(uri) && sameFileText(this.texts.get(uri), text)) ? cached : this.analyse(state, state.staged[index] as Staged);
    state.analyses.set(index, result);
    this.done.set(key, result);
    return result;
  }

  /** Runs the analyser of the document's kind on its staging; a document of no known kind keeps its staging's diagnostics alone. */
  private analyse(state: FileState, s: Staged): AnalysedDocument {
    const reads = new Map<string, FileText | undefined>();
    const out = new DiagnosticCollector();
    out.items.push(...s.diagnostics);
    const budget = s.budget.resumed();
    const work = new StagedWork(budget, s.stopped);
    /** Why the document is not fully checked, from its references (files that are there but were not read). */
    const unread: string[] = [];
    let references: References | undefined;
    const run: DocumentRun = {
      staged: s,
      out,
      work,
      references: () => (references ??= new References(this, state, s, out, reads, unread)),
      rules: (inputs) => {
        if (s.verdict === SCHEMA_NOT_RUN) return;
        work.run('rules', 0, () => runRules(new RuleContext(inputs, out, work.budget)));
      },
      finish: (analysis, into = {}) => {
        const incomplete = [...new Set(unread), ...(work.stopped ? [budgetReport(work.stopped, s, state, out)] : [])];
        const base = { index: s.index, parsed: s.doc, schemaValid: s.verdict.valid, work: budget.spent, ...(incomplete.length > 0 ? { incomplete } : {}) };
        return { analysis: Object.assign(into, analysis, base, { diagnostics: out.items }) as unknown as DocumentAnalysis, reads };
      },
    };
    const analyser = s.kind === undefined ? undefined : ANALYSERS[s.kind];
    return analyser ? analyser(run) : run.finish<UnknownDocument>({ kind: undefined });
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
