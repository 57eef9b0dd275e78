import { workUnits, type ParseWork } from '../yaml/work';

/**
 * What checking one document may cost, in the work units the YAML layer counts in (ParseWork):
 * a number that does not depend on the machine or its load, so a test can hold a document to it
 * and never flake. Every stage adds its share as it goes: the document's YAML work, one unit per
 * value for the schema and again for the facts, the rubric's criteria for the scores, and the
 * reads, places and problems of the rules. Each stage is linear in what the document holds, so a
 * real document spends a few units per character; the budget is a safety net, for a step that
 * is not (a rule that meets an input nobody thought of), and stops it well before the editor
 * would notice.
 */
export interface BudgetLimits {
  /** Units per character of the document's text. YAML alone takes up to 12 (test/support/yamlFuzz.ts holds it there). */
  readonly perCharacter: number;
  /**
   * Units any document may spend, whatever its length: aliases may make a short text stand for
   * 200,000 values (YAML_LIMITS), and an assessment's rules go over its rubric's dimensions and
   * criteria, which another file holds.
   */
  readonly base: number;
}

export const DOCUMENT_BUDGET: BudgetLimits = { perCharacter: 64, base: 4_000_000 };

/** The stages a document's work is counted in, as the budget's message names them. */
export type WorkStage = 'YAML parsing' | 'schema validation' | 'facts and scores' | 'rules';

/** Thrown by DocumentBudget.spend past the budget; the engine catches it and stops the document there. */
export class BudgetExceeded extends Error {
  constructor(readonly stage: WorkStage, readonly limit: number) {
    super(`The document's work budget of ${limit} units ran out during ${stage}.`);
    this.name = 'BudgetExceeded';
  }
}

/** The work one document has spent, and what it may spend. */
export class DocumentBudget {
  private spentUnits = 0;
  readonly limit: number;

  constructor(characters: number, limits: BudgetLimits = DOCUMENT_BUDGET) {
    this.limit = limits.perCharacter * characters + limits.base;
  }

  /** A budget that has spent what this one has so far: each analysis of a staged document goes on from its staging. */
  resumed(): DocumentBudget {
    const next = new DocumentBudget(0, { perCharacter: 0, base: this.limit });
    next.spentUnits = this.spentUnits;
    return next;
  }

  get spent(): number {
    return this.spentUnits;
  }

  /** Adds `units` of work done (or about to be done) in `stage`; throws BudgetExceeded past the limit. */
  spend(stage: WorkStage, units: number): void {
    this.spentUnits += units;
    if (this.spentUnits > this.limit) throw new BudgetExceeded(stage, this.limit);
  }

  /** Adds what parsing cost. */
  spendParse(work: ParseWork): void {
    this.spend('YAML parsing', workUnits(work));
  }
}
