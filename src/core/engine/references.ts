// The references of one document (its rubric, a plan's baseline, an assessment's base), resolved
// and analysed through the pass it runs in.
import type { DiagnosticCollector } from '../diagnostics/collector';
import { ownAssessment, type EffectiveAssessment } from '../domain/inheritance';
import type { FileText } from '../resolve/confinement';
import { referencesIn, type ReferenceKey } from '../resolve/references';
import { baseName } from '../resolve/uris';
import { baselineRubricMismatch, resolveReference, unreadableBaseline, unscoredBaseline, unusableRubric, type ReferenceProblem } from '../resolve/resolver';
import { reportUnknownId } from '../rules/context';
import { SCHEMA_NOT_RUN } from '../schema/validateSchema';
import { markLastAsExplaining } from './incomplete';
import type { AnalysisPass } from './pass';
import type { FileState, ResolvedReference, Staged } from './staging';
import type { AssessmentBase, DocumentAnalysis, PlanBaseline, ResolvedRubric } from './types';

/** An inheritance problem found on the base itself, as a diagnostic on `inherits:`. */
function baseProblem(message: string): ReferenceProblem {
  return { code: 'base-not-found', message };
}

/**
 * The references of one document. A document that passed its schema where the reference is
 * written gets its problems as diagnostics on the reference (strict); one whose YAML or envelope
 * is broken is still given what its reference finds, silently (loose), so the editor's features
 * know its rubric while it is being typed.
 */
export class References {
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
