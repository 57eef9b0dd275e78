// What the sequencer (engine/pass.ts) gives the analyser of one kind of document.
import type { DiagnosticCollector } from '../diagnostics/collector';
import type { RuleInputs } from '../rules/context';
import type { References } from './references';
import type { Reads, Staged, StagedWork } from './staging';
import type { DocumentAnalysis } from './types';

/** A document's analysis and what it read (every file's text, as it was), which decides when a cached one still holds. */
export interface AnalysedDocument {
  readonly analysis: DocumentAnalysis;
  readonly reads: Reads;
}

/**
 * One document on its way through its analyser: staged (parse, envelope, schema), its diagnostics
 * so far in `out`, the rest of its budget in `work`. Its members are closures, safe to pass on.
 */
export interface DocumentRun {
  readonly staged: Staged;
  readonly out: DiagnosticCollector;
  readonly work: StagedWork;
  /** The document's references (its rubric, a plan's baseline, an assessment's base), resolved and analysed when asked for. */
  readonly references: () => References;
  /** Runs the rule registry over what the analyser found; not when the schema could not run. */
  readonly rules: (inputs: RuleInputs) => void;
  /**
   * The analysis, with what every kind has (index, parsed, schemaValid, work, incomplete and the
   * diagnostics), on `into` when given (an assessment's, whose score is built when read).
   */
  readonly finish: <A extends DocumentAnalysis>(analysis: Omit<A, 'diagnostics' | 'work' | 'incomplete' | 'index' | 'parsed' | 'schemaValid' | 'score' | 'summary'>, into?: object) => AnalysedDocument;
}

/**
 * The analysis of one kind of document after its staging: its index, references, facts and
 * scores, then the rules, in that order, each against the document's budget.
 */
export type DocumentAnalyser = (run: DocumentRun) => AnalysedDocument;
