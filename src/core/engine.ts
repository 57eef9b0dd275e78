import { builtinByUri, isBuiltinUri } from './builtins';
import { parseDocuments } from './document/located';
import { readReferencedFiles } from './resolve/closure';
import { ConfinedReader, isAvailable, type Confinement, type FileText, type Refusal } from './resolve/confinement';
import type { FileHost } from './resolve/host';
import { AnalysisPass } from './engine/pass';
import { FileState } from './engine/staging';
import type { EngineOptions, FileAnalysis } from './engine/types';

// The engine's parts, in src/core/engine/: staging.ts (parse, envelope, schema, per file and text),
// pass.ts (the sequencer: one pass over a set of texts, each document to the analyser of its kind),
// rubricAnalyser.ts, assessmentAnalyser.ts and planAnalyser.ts (one per kind), references.ts (a
// document's references, resolved and analysed), types.ts (the analysis every face reads).
export {
  DEFAULT_MAX_PROBLEMS,
  type AssessmentBase,
  type AssessmentDocumentAnalysis,
  type DocumentAnalysis,
  type EngineOptions,
  type FileAnalysis,
  type PlanBaseline,
  type PlanDocumentAnalysis,
  type ResolvedRubric,
  type RubricDocumentAnalysis,
  type UnknownDocument,
} from './engine/types';

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
