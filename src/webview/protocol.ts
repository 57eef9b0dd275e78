/**
 * The messages the report preview and the extension exchange, and the state the preview keeps
 * while hidden. Every message names the document (its URI and version) it belongs to, so a click
 * that lands while the preview switches documents is never applied to the other one. Both sides
 * check every incoming value at run time: a webview is a web page, so nothing that crosses the
 * boundary is trusted to have the declared shape.
 *
 * This module is pure (no DOM, no `vscode`), so the extension host, the webview bundle and the
 * unit tests all share it.
 */

import type { BodyPatch, ElementReplacement, NewAssessorField, StartingConsensusRule } from './core';

export type { NewAssessorField, StartingConsensusRule };

/** The view type of the report preview panel; the panel serializer is registered under it. */
export const PREVIEW_VIEW_TYPE = 'rubrics.preview';

/** The document a message is about: its URI, and the version of its text the page's report was made from. */
export interface DocumentVersion {
  readonly uri: string;
  readonly version: number;
}

/** Sent by the preview script. */
export type WebviewMessage =
  /** The script has loaded and listens: the extension may (re)send the current body. */
  | { readonly type: 'ready' }
  /** The user picked a report row: show the source at this UTF-16 offset of that version of the document. */
  | ({ readonly type: 'reveal'; readonly offset: number } & DocumentVersion)
  /** The user clicked a link in the report of this document (evidence, references): open it outside the preview. */
  | { readonly type: 'openLink'; readonly uri: string; readonly href: string }
  /** The user switched the preview between an assessment's report and its questionnaire. */
  | { readonly type: 'setView'; readonly view: PreviewView }
  /** The user chose whose answers the questionnaire edits: an assessor's (by id), or null for the assessment's agreed answers. */
  | { readonly type: 'setAssessor'; readonly assessor: string | null }
  /** The user answered in the questionnaire of this version of the document: set what the change names. */
  | ({ readonly type: 'answer' } & DocumentVersion & AnswerMessage)
  /** The user asked, in the questionnaire of this version of the document, to add an assessor and edit their answers. */
  | ({ readonly type: 'addAssessor' } & DocumentVersion & NewAssessorMessage);

/** The two views of an assessment in the preview. */
export type PreviewView = 'report' | 'questionnaire';

/**
 * One choice in the questionnaire: a criterion (by the ids of its dimension and itself) and what
 * to set. `null` removes a field; an absent one is kept. At least one field is there.
 */
export interface AnswerMessage {
  readonly dimension: string;
  readonly criterion: string;
  /** Whose answer it is: an assessor's id (their response), or absent for the assessment's own, agreed answer. */
  readonly assessor?: string;
  readonly answer?: string | null;
  readonly note?: string | null;
  /** The whole list as it should be: links, or maps of an entry's fields (`url`, `title`, `asOf`) kept as written. */
  readonly evidence?: readonly EvidenceEntry[] | null;
}

/**
 * A new assessor as the questionnaire's form gives them: what the person typed, unchecked (the
 * core's addAssessorEdits checks every field and says what is wrong beside the form); only sizes
 * and the choice of rule are bounded here.
 */
export interface NewAssessorMessage {
  readonly name: string;
  readonly role?: string;
  /** YYYY-MM-DD, as the page's date field gives it. */
  readonly date: string;
  /** The consensus rule to write, when the assessment has none yet. */
  readonly consensus?: StartingConsensusRule;
}

/** One evidence entry as the page sends it back: a link, or the fields of a map entry. */
export type EvidenceEntry = string | Readonly<Record<string, string>>;

/** Sent by the extension. */
export type ExtensionMessage =
  /** Replace the report's body with this trusted renderer output (scroll position stays). */
  | ({ readonly type: 'update'; readonly body: string } & DocumentVersion)
  /** Which document (and version) the page's HTML shows, so the script can save it in its state. */
  | ({ readonly type: 'document' } & DocumentVersion)
  /** Show (or, with no message, hide) a banner above the report of this document. */
  | { readonly type: 'notice'; readonly uri?: string; readonly message?: string }
  /** An answer of the questionnaire of this document was not written: say why beside the criterion. */
  | { readonly type: 'answerRefused'; readonly uri: string; readonly dimension: string; readonly criterion: string; readonly message: string }
  /** The assessor the page asked for was not added: say why beside the form's field at fault. */
  | { readonly type: 'assessorRefused'; readonly uri: string; readonly field: NewAssessorField; readonly message: string }
  /** The assessor the page asked for was added, with this id: the questionnaire of their answers follows. */
  | { readonly type: 'assessorAdded'; readonly uri: string; readonly assessor: string }
  /**
   * Turn the body the page shows (the report of version `base`) into the report of `version` by
   * replacing a few elements: a large report's update without sending it whole (core/render/html/bodyPatch.ts).
   */
  | ({ readonly type: 'patch'; readonly base: number } & DocumentVersion & BodyPatch);

/** What the preview remembers across being hidden, shown and restored after a reload. */
export interface PreviewState {
  /** The document the preview shows (its URI as a string). */
  readonly uri: string;
  /** Vertical scroll position of that document's report. */
  readonly scrollY: number;
  /** Where the reports of other documents were scrolled to, by URI (a bounded number of them). */
  readonly positions?: Readonly<Record<string, number>>;
  /** The preview showed an assessment's questionnaire rather than its report. */
  readonly view?: 'questionnaire';
  /** Whose answers the questionnaire edited: an assessor's id (absent: the agreed answers). */
  readonly assessor?: string;
}

/** How many documents' scroll positions the preview remembers. */
export const MAX_REMEMBERED_POSITIONS = 20;

// Limits keep a misbehaving page (or a corrupted saved state) from making the host do silly work.
export const MAX_OFFSET = 2 ** 31 - 1;
const MAX_VERSION = 2 ** 31 - 1;
const MAX_HREF_LENGTH = 4000;
export const MAX_URI_LENGTH = 8000;
export const MAX_BODY_LENGTH = 64 * 1024 * 1024;
export const MAX_NOTICE_LENGTH = 4000;
/** The format's limits: ids and answers are short, a note is Markdown, evidence a list of links. */
const MAX_ID_LENGTH = 200;
const MAX_ANSWER_LENGTH = 2000;
const MAX_NOTE_LENGTH = 20000;
const MAX_LINK_LENGTH = 2000;
const MAX_EVIDENCE_ITEMS = 1000;
const MAX_EVIDENCE_FIELDS = 8;
const VIEWS: readonly PreviewView[] = ['report', 'questionnaire'];
/** A name or role as typed: the format allows 200 characters; more still reaches the core, which says so. */
const MAX_PERSON_TEXT_LENGTH = 1000;
const MAX_DATE_LENGTH = 40;
// Every rule and field the core has, checked by the compiler (a type is all the page may take from the core).
const STARTING_RULES: Readonly<Record<StartingConsensusRule, true>> = { median: true, minimum: true };
const NEW_ASSESSOR_FIELDS: Readonly<Record<NewAssessorField, true>> = { name: true, role: true, date: true, id: true, consensus: true, file: true };
const ASSESSOR_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_PATCH_ELEMENTS = 10_000;
const MAX_PATH_DEPTH = 64;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

export function isBoundedString(value: unknown, max: number, allowEmpty = false): value is string {
  return typeof value === 'string' && value.length <= max && (allowEmpty || value.length > 0);
}

function documentVersion(value: Record<string, unknown>): DocumentVersion | undefined {
  return isBoundedString(value.uri, MAX_URI_LENGTH) && isCount(value.version, MAX_VERSION) ? { uri: value.uri, version: value.version } : undefined;
}

/** The message, if it is one the preview script may send; otherwise undefined (it is then ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const doc = documentVersion(value);
      return doc && isCount(value.offset, MAX_OFFSET) ? { type: 'reveal', ...doc, offset: value.offset } : undefined;
    }
    case 'openLink':
      return isBoundedString(value.uri, MAX_URI_LENGTH) && isBoundedString(value.href, MAX_HREF_LENGTH) ? { type: 'openLink', uri: value.uri, href: value.href } : undefined;
    case 'setView':
      return VIEWS.includes(value.view as PreviewView) ? { type: 'setView', view: value.view as PreviewView } : undefined;
    case 'setAssessor':
      return value.assessor === null || isAssessorId(value.assessor) ? { type: 'setAssessor', assessor: value.assessor } : undefined;
    case 'answer': {
      const doc = documentVersion(value);
      const change = doc ? answerMessage(value) : undefined;
      return doc && change ? { type: 'answer', ...doc, ...change } : undefined;
    }
    case 'addAssessor': {
      const doc = documentVersion(value);
      const assessor = doc ? newAssessorMessage(value) : undefined;
      return doc && assessor ? { type: 'addAssessor', ...doc, ...assessor } : undefined;
    }
    default:
      return undefined;
  }
}

/** A nullable field: absent (undefined), null, or a value `check` accepts; `false` when it is none of these. */
function nullable<T>(value: unknown, check: (v: unknown) => v is T): T | null | undefined | false {
  if (value === undefined || value === null) return value;
  return check(value) ? value : false;
}

/** An assessor's id as the format writes it: a key of `responses`, in kebab-case. */
function isAssessorId(value: unknown): value is string {
  return isBoundedString(value, MAX_ID_LENGTH) && ASSESSOR_ID.test(value);
}

function answerMessage(value: Record<string, unknown>): AnswerMessage | undefined {
  if (!isBoundedString(value.dimension, MAX_ID_LENGTH) || !isBoundedString(value.criterion, MAX_ID_LENGTH)) return undefined;
  if (value.assessor !== undefined && !isAssessorId(value.assessor)) return undefined;
  const answer = nullable(value.answer, (v): v is string => isBoundedString(v, MAX_ANSWER_LENGTH));
  const note = nullable(value.note, (v): v is string => isBoundedString(v, MAX_NOTE_LENGTH, true));
  const evidence = nullable(value.evidence, (v): v is EvidenceEntry[] => Array.isArray(v) && v.length <= MAX_EVIDENCE_ITEMS && v.every(isEvidenceEntry));
  if (answer === false || note === false || evidence === false) return undefined;
  if (answer === undefined && note === undefined && evidence === undefined) return undefined;
  return {
    dimension: value.dimension,
    criterion: value.criterion,
    ...(value.assessor !== undefined ? { assessor: value.assessor as string } : {}),
    ...(answer !== undefined ? { answer } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(evidence !== undefined ? { evidence: evidence === null ? null : evidence.map((e) => (typeof e === 'string' ? e : { ...e })) } : {}),
  };
}

/** Whether `value` is a consensus rule an assessment can start with (the core's STARTING_CONSENSUS_RULES, checked by the compiler above). */
export function isStartingRule(value: unknown): value is StartingConsensusRule {
  return typeof value === 'string' && Object.hasOwn(STARTING_RULES, value);
}

function newAssessorMessage(value: Record<string, unknown>): NewAssessorMessage | undefined {
  if (!isBoundedString(value.name, MAX_PERSON_TEXT_LENGTH, true) || !isBoundedString(value.date, MAX_DATE_LENGTH, true)) return undefined;
  if (value.role !== undefined && !isBoundedString(value.role, MAX_PERSON_TEXT_LENGTH, true)) return undefined;
  if (value.consensus !== undefined && !isStartingRule(value.consensus)) return undefined;
  return {
    name: value.name,
    date: value.date,
    ...(value.role !== undefined ? { role: value.role as string } : {}),
    ...(isStartingRule(value.consensus) ? { consensus: value.consensus } : {}),
  };
}

/** A link, or a map entry: a few named string fields, among them its `url`. */
function isEvidenceEntry(value: unknown): value is EvidenceEntry {
  if (isBoundedString(value, MAX_LINK_LENGTH)) return true;
  if (!isRecord(value) || !isBoundedString(value.url, MAX_LINK_LENGTH)) return false;
  const fields = Object.entries(value);
  return fields.length <= MAX_EVIDENCE_FIELDS && fields.every(([key, field]) => /^[A-Za-z]{1,40}$/.test(key) && isBoundedString(field, MAX_LINK_LENGTH));
}

/** The message, if it is one the extension may send; otherwise undefined (it is then ignored). */
export function parseExtensionMessage(value: unknown): ExtensionMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'update': {
      const doc = documentVersion(value);
      return doc && isBoundedString(value.body, MAX_BODY_LENGTH, true) ? { type: 'update', ...doc, body: value.body } : undefined;
    }
    case 'document': {
      const doc = documentVersion(value);
      return doc ? { type: 'document', ...doc } : undefined;
    }
    case 'notice': {
      if (value.uri !== undefined && !isBoundedString(value.uri, MAX_URI_LENGTH)) return undefined;
      if (value.message !== undefined && !isBoundedString(value.message, MAX_NOTICE_LENGTH)) return undefined;
      return { type: 'notice', ...(value.uri !== undefined ? { uri: value.uri as string } : {}), ...(value.message !== undefined ? { message: value.message as string } : {}) };
    }
    case 'answerRefused':
      return isBoundedString(value.uri, MAX_URI_LENGTH) && isBoundedString(value.dimension, MAX_ID_LENGTH) && isBoundedString(value.criterion, MAX_ID_LENGTH) && isBoundedString(value.message, MAX_NOTICE_LENGTH)
        ? { type: 'answerRefused', uri: value.uri, dimension: value.dimension, criterion: value.criterion, message: value.message }
        : undefined;
    case 'assessorRefused':
      return isBoundedString(value.uri, MAX_URI_LENGTH) && typeof value.field === 'string' && Object.hasOwn(NEW_ASSESSOR_FIELDS, value.field) && isBoundedString(value.message, MAX_NOTICE_LENGTH)
        ? { type: 'assessorRefused', uri: value.uri, field: value.field as NewAssessorField, message: value.message }
        : undefined;
    case 'assessorAdded':
      return isBoundedString(value.uri, MAX_URI_LENGTH) && isAssessorId(value.assessor) ? { type: 'assessorAdded', uri: value.uri, assessor: value.assessor } : undefined;
    case 'patch': {
      const doc = documentVersion(value);
      const replace = replacements(value.replace);
      const shift = value.shift;
      const validShift = shift === undefined || (isRecord(shift) && isCount(shift.from, MAX_OFFSET) && typeof shift.by === 'number' && Number.isInteger(shift.by) && Math.abs(shift.by) <= MAX_OFFSET);
      if (!doc || !isCount(value.base, MAX_VERSION) || !replace || !validShift) return undefined;
      return { type: 'patch', ...doc, base: value.base, ...(shift !== undefined ? { shift: { from: (shift as { from: number }).from, by: (shift as { by: number }).by } } : {}), replace };
    }
    default:
      return undefined;
  }
}

/** A patch's replacements: paths of child indices, each with one element's HTML, within the body's size limit. */
function replacements(value: unknown): ElementReplacement[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_PATCH_ELEMENTS) return undefined;
  const out: ElementReplacement[] = [];
  let size = 0;
  for (const item of value) {
    if (!isRecord(item) || !Array.isArray(item.path) || item.path.length === 0 || item.path.length > MAX_PATH_DEPTH || !item.path.every((i) => isCount(i, MAX_PATCH_ELEMENTS * 10))) return undefined;
    if (!isBoundedString(item.html, MAX_BODY_LENGTH)) return undefined;
    size += item.html.length;
    if (size > MAX_BODY_LENGTH) return undefined;
    out.push({ path: [...(item.path as number[])], html: item.html });
  }
  return out;
}

/** A saved preview state, if it has the expected shape (states from older versions are dropped). */
export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isRecord(value) || !isBoundedString(value.uri, MAX_URI_LENGTH)) return undefined;
  const scrollY = typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY > 0 ? value.scrollY : 0;
  const positions: Record<string, number> = {};
  if (isRecord(value.positions)) {
    for (const [uri, y] of Object.entries(value.positions).slice(0, MAX_REMEMBERED_POSITIONS)) {
      if (isBoundedString(uri, MAX_URI_LENGTH) && typeof y === 'number' && Number.isFinite(y) && y > 0) positions[uri] = y;
    }
  }
  return { uri: value.uri, scrollY, ...(Object.keys(positions).length ? { positions } : {}), ...(value.view === 'questionnaire' ? { view: 'questionnaire' as const } : {}), ...(value.view === 'questionnaire' && isAssessorId(value.assessor) ? { assessor: value.assessor } : {}) };
}
