import type { ErrorObject } from 'ajv';
import type { LocatedDocument } from '../document/located';
import { STARTING_CONSENSUS_RULES, type StartingConsensusRule } from '../domain/consensus';
import { isRealDate } from '../domain/dates';
import { isFormatId, kebabId } from '../format/ids';
import { validateAssessment } from '../generated/validators.js';
import { excerpt } from '../text/excerpt';
import { entryAdditionEdits, type EntryAddition } from './answerEdits';
import type { TextEditData } from './textEdits';

/**
 * Adding an assessor to an assessment: their response under `responses` (keyed by their id,
 * with the name, role and date the format gives a response), ready for their answers, which
 * answerEdits then writes under it. The one way any face adds one: the questionnaire's "Add an
 * assessor" and `rubrics import answers --assessor-name`. An assessment without assessors gets
 * `responses` (and, when it has none, the consensus rule the person chose); its own answers under
 * `dimensions` stay what they are, the agreed answers that settle a criterion.
 */

export interface NewAssessor {
  /** Their name, as people write it ("Lena Berg"). */
  readonly name: string;
  /** Their role ("Head of Service Desk"), when given. */
  readonly role?: string;
  /** When they answered, YYYY-MM-DD (the day of the interview). */
  readonly date: string;
  /** Their id, the key of their response; absent, made from the name (assessorIdFor). */
  readonly id?: string;
  /** The rule that turns the assessors' answers into the one that is scored, written when the assessment has none yet. */
  readonly consensus?: StartingConsensusRule;
}

/** Which part of a new assessor a refusal is about, so a form can say it beside that field. */
export type NewAssessorField = 'name' | 'role' | 'date' | 'id' | 'consensus' | 'file';

export type AddAssessorResult = { readonly id: string; readonly edits: readonly TextEditData[] } | { readonly refused: string; readonly field: NewAssessorField };

/** The id a new assessor gets from their name: the format's kebab-case ("Lena Berg" → "lena-berg"). */
export function assessorIdFor(name: string): string {
  return kebabId(name.trim(), 'assessor');
}

/** Line breaks and other control characters: a name or a role is one line of text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * The edits that add `assessor` to the assessment `doc` (the document at `documentIndex` of
 * `text`), with the id they get; or why not, naming the field at fault. Refused: an empty name,
 * a name or role of several lines or longer than the format allows, a date that is not a real
 * YYYY-MM-DD, an id the format does not take, an id that is already an assessor's (say whose),
 * and an assessment without a consensus rule when none is given.
 */
export function addAssessorEdits(text: string, doc: LocatedDocument, assessor: NewAssessor, options: { readonly documentIndex?: number } = {}): AddAssessorResult {
  const name = assessor.name.trim();
  const role = assessor.role?.trim() ?? '';
  if (name === '') return { refused: 'Write the new assessor\'s name.', field: 'name' };
  if (NOT_ONE_LINE.test(name)) return { refused: 'Write the name on one line.', field: 'name' };
  if (NOT_ONE_LINE.test(role)) return { refused: 'Write the role on one line.', field: 'role' };
  if (assessor.date.trim() === '') return { refused: 'Write the day the assessor answered, as YYYY-MM-DD (for example 2026-06-30).', field: 'date' };
  if (!isRealDate(assessor.date)) return { refused: `"${excerpt(assessor.date)}" is not a date: write it as YYYY-MM-DD, for example 2026-06-30.`, field: 'date' };
  const id = assessor.id ?? assessorIdFor(name);
  if (!isFormatId(id)) return { refused: `"${excerpt(id)}" is not an id the format takes: lowercase letters, digits and single hyphens, starting with a letter.`, field: 'id' };
  const value = doc.value as Readonly<Record<string, unknown>> | null;
  const responses = value?.responses;
  const existing = responses !== null && typeof responses === 'object' ? (responses as Readonly<Record<string, unknown>>)[id] : undefined;
  if (existing !== undefined) {
    const known = existing !== null && typeof existing === 'object' ? (existing as { name?: unknown }).name : undefined;
    const whose = typeof known === 'string' && known !== '' ? ` (${excerpt(known)})` : '';
    return { refused: `The assessment already has an assessor "${id}"${whose}. To add someone else, write their name so that it differs, with a surname or an initial.`, field: assessor.id === undefined ? 'name' : 'id' };
  }
  const fields = { name, ...(role !== '' ? { role } : {}), date: assessor.date };
  const schemaProblem = responseProblem(id, fields);
  if (schemaProblem) return schemaProblem;
  const additions: EntryAddition[] = [];
  if (value?.consensus === undefined) {
    // The rule may come from a page (untrusted): only the ones an assessment can start with.
    if (assessor.consensus !== undefined && !(STARTING_CONSENSUS_RULES as readonly string[]).includes(assessor.consensus)) return { refused: `"${excerpt(String(assessor.consensus))}" is not a rule to start with: choose ${STARTING_CONSENSUS_RULES.join(' or ')}.`, field: 'consensus' };
    if (assessor.consensus === undefined) return { refused: 'The assessment has no consensus rule: an assessment with assessors\' responses says how their answers become the one that is scored. Add "consensus: median" (or minimum, or adjudicator with "adjudicator: ID") to it first.', field: 'consensus' };
    additions.push({ path: ['consensus'], value: assessor.consensus });
  }
  additions.push({ path: ['responses', id], value: fields });
  const result = entryAdditionEdits(text, doc, additions, options.documentIndex ?? 0);
  return 'refused' in result ? { refused: result.refused, field: 'file' } : { id, edits: result.edits };
}

/**
 * What the format's schema says about the response (the lengths of its name and role): it is
 * checked as the only response of an otherwise valid assessment, so the schema, not a copy of
 * its limits, decides.
 */
function responseProblem(id: string, fields: Readonly<Record<string, string>>): { readonly refused: string; readonly field: NewAssessorField } | undefined {
  const probe = { apiVersion: 'rubrics-as-code/v1', kind: 'Assessment', id: 'probe', rubric: 'probe', subject: { organization: 'probe' }, date: '2000-01-01', consensus: 'median', responses: { [id]: fields }, dimensions: {} };
  if (validateAssessment(probe)) return undefined;
  const error = (validateAssessment.errors ?? [])[0] as ErrorObject | undefined;
  const field = error?.instancePath.split('/')[3];
  const limit = (error?.params as { limit?: number } | undefined)?.limit;
  const which: NewAssessorField = field === 'name' || field === 'role' || field === 'date' ? field : 'id';
  const message = error?.keyword === 'maxLength' ? `The ${which} is longer than the ${limit} characters the format allows; shorten it.` : `The ${which} is not what the format allows (${error?.keyword ?? 'schema'}).`;
  return { refused: message, field: which };
}
