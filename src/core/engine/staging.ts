// Staging, which every kind of document goes through before its analyser: parse, envelope,
// schema, against the document's work budget; and the state of one file at one text.
import { DiagnosticCollector } from '../diagnostics/collector';
import type { Diagnostic } from '../diagnostics/types';
import { BudgetExceeded, DOCUMENT_BUDGET, DocumentBudget, type BudgetLimits } from '../document/budget';
import type { LocatedDocument, LocatedFile } from '../document/located';
import type { DocumentKind } from '../format/types';
import type { FileText } from '../resolve/confinement';
import { referencedUrisIn } from '../resolve/references';
import type { CandidateFile } from '../resolve/resolver';
import { checkEnvelope } from '../schema/envelope';
import { SCHEMA_NOT_RUN, validateAgainstSchema, type SchemaVerdict } from '../schema/validateSchema';
import type { DocumentAnalysis } from './types';

/** A document after the envelope and the schema: what every later stage starts from. */
export interface Staged {
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
export interface DocumentRef {
  readonly uri: string;
  readonly index: number;
}

/** A reference resolved to a document, as written. */
export interface ResolvedReference extends DocumentRef {
  readonly builtin: boolean;
  readonly reference: string;
}

/** What one document analysis read: every file's text, as it was (undefined: could not be read). */
export type Reads = ReadonlyMap<string, FileText | undefined>;

/** One file at one text: its documents parsed and staged once, and the analyses of its documents. */
export class FileState {
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
 * A document's values, as the YAML layer counted them (aliases as what they stand for): what a
 * stage that walks its data once may visit. The schema and the facts are charged this up front.
 */
export function valuesOf(doc: LocatedDocument): number {
  return doc.parseWork.nodesBuilt + doc.parseWork.aliasExpansions;
}

export function stage(doc: LocatedDocument, index: number, budget: DocumentBudget): Staged {
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
 * Runs the stages of one document against its budget: once the budget has run out (in an earlier
 * stage, or up front for a stage charged before it runs), the stages after it do not run.
 */
export class StagedWork {
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
