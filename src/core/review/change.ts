import type { Diagnostic } from '../diagnostics/types';
import type { DocumentAnalysis, FileAnalysis } from '../engine';
import { buildReport, diffReports, type ReportDiff, type ReportKind } from '../report';
import { rubricsDefinedIn, rubricUsers, type RubricRef } from './dependents';
import { explainAssessment, scoreMoved, type AssessmentExplanation } from './explain';
import { diffRubrics, type RubricChange } from './rubricChanges';

/**
 * A whole change for a reviewer: every file it touched, and every file whose scores a rubric
 * change moved, each with its score diff, why the scores moved, what changed in the rubrics, and
 * the errors it brings. Pure over analyses: the CLI reads the two revisions with git and the
 * engine, and this module says what they mean. `renderReviewMarkdown` (render/) writes it as one
 * pull-request comment, and the JSON form is this model as it is.
 */
export const REVIEW_SCHEMA_VERSION = 1 as const;

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'unchanged';

/** One file at the two revisions. A side where the file does not exist is the analysis of an empty text. */
export interface FileVersions {
  /** From the repository root: where the file is at the head (for a deletion, where it was). */
  readonly path: string;
  /** A renamed or copied file's path at the base. */
  readonly previousPath?: string;
  readonly status: FileStatus;
  readonly before: FileAnalysis;
  readonly after: FileAnalysis;
  /** Why an unchanged file is reviewed: it uses a rubric the change touches, or inherits from an assessment it touches. */
  readonly reason?: DependentReason;
}

/** What makes an unchanged file's scores move with a change: its rubric, or an assessment it inherits from. */
export type DependentReason = 'rubric' | 'inheritance';

export interface ProblemDelta {
  readonly before: number;
  readonly after: number;
  /** Problems of the head that the base did not have (by code and message). */
  readonly new: number;
}

/**
 * What moved between the two versions of a document: its overall score (its dimensions' scores may
 * have moved with it), only some dimensions' scores, a plan's projected levels, or nothing; or it
 * cannot be told, because errors keep a side from being scored.
 */
export type Moved = 'overall' | 'dimensions' | 'projections' | 'nothing' | 'unscored';

export interface ReviewedDocument {
  readonly kind: ReportKind;
  readonly id?: string;
  readonly title: string;
  /** The existing score diff: overall, dimensions, blockers, exemptions, plan changes. */
  readonly diff: ReportDiff;
  readonly moved: Moved;
  /** Why the assessment's scores moved; absent when either side could not be scored. */
  readonly why?: AssessmentExplanation;
  /**
   * For a rubric: what changed in it. For an assessment or a plan: what changed in the rubric it
   * is scored against, when that moved between the two revisions.
   */
  readonly rubricChanges?: readonly RubricChange[];
  readonly errors: ProblemDelta;
  readonly warnings: ProblemDelta;
}

export interface ReviewedFile {
  readonly path: string;
  readonly previousPath?: string;
  readonly status: FileStatus;
  /** Why an unchanged file is reviewed (absent: its rubric, as before inheritance). */
  readonly reason?: DependentReason;
  readonly documents: readonly ReviewedDocument[];
}

/** What a changed rubric moves: every assessment and plan that uses it, changed or not. */
export interface RubricImpact {
  readonly path: string;
  readonly id: string;
  readonly title: string;
  readonly changes: readonly RubricChange[];
  readonly users: readonly ImpactedDocument[];
}

export interface ImpactedDocument {
  readonly path: string;
  readonly kind: 'Assessment' | 'Plan';
  readonly title: string;
  /** Overall scores at full precision (assessments; plans have none). */
  readonly before?: number;
  readonly after?: number;
  /** Whether the file itself is part of the change (otherwise only its rubric changed). */
  readonly fileChanged: boolean;
  /** What moved in it between the two revisions (for an unchanged file: what the rubric change moved). */
  readonly moved: Moved;
  /** Dimensions this rubric change added that the document does not assess: why a new dimension moves nothing there. */
  readonly notAssessed?: readonly { readonly id: string; readonly title: string }[];
}

/** What a changed assessment moves: every assessment that inherits from it, directly or through others, changed or not. */
export interface BaseImpact {
  readonly path: string;
  readonly id?: string;
  readonly title: string;
  readonly users: readonly ImpactedDocument[];
}

/**
 * The portfolio's part of a review (views/reviewPortfolio.ts builds it from the portfolios at the
 * two revisions): every unit whose overall level or threshold status the change moves, and each
 * organization's count of units at the threshold, per rubric, before and after.
 */
export interface PortfolioReviewSection {
  readonly units: readonly UnitStatusChange[];
  readonly counts: readonly ThresholdCount[];
}

/** Why a unit's status moved: its own assessment changed, or, unchanged, its rubric or what it inherits. */
export type StatusChangeCause = 'assessment' | DependentReason;

export interface UnitStatusChange {
  readonly organization: string;
  /** The unit's name (its organization's, for an assessment of a whole organization). */
  readonly unit: string;
  readonly groups: readonly string[];
  readonly rubric: { readonly id: string; readonly title: string };
  /** Its latest assessment at the head (or, when the change removed it, at the base), from the repository root. */
  readonly path: string;
  readonly levelBefore?: number;
  readonly levelAfter?: number;
  readonly scoreBefore?: number;
  readonly scoreAfter?: number;
  readonly thresholdBefore?: boolean;
  readonly thresholdAfter?: boolean;
  readonly cause: StatusChangeCause;
}

export interface ThresholdCount {
  readonly organization: string;
  readonly rubric: { readonly id: string; readonly title: string; readonly threshold: number };
  /** Units at or over the threshold, and units in all, at each revision. */
  readonly before: number;
  readonly after: number;
  readonly unitsBefore: number;
  readonly unitsAfter: number;
}

export interface ChangeReview {
  readonly schemaVersion: typeof REVIEW_SCHEMA_VERSION;
  readonly base: { readonly ref: string; readonly commit?: string };
  readonly head: { readonly ref: string; readonly commit?: string };
  readonly files: readonly ReviewedFile[];
  readonly impacts: readonly RubricImpact[];
  /** What each changed assessment moves in the assessments that inherit from it; absent when nothing inherits from one. */
  readonly bases?: readonly BaseImpact[];
  /** Units whose level or threshold status moved, and the count at the threshold; absent when no unit's did. */
  readonly portfolio?: PortfolioReviewSection;
  /** Errors of the head in the reviewed files: when there are any, nothing is celebrated. */
  readonly headErrors: number;
}

type Kinded = Exclude<DocumentAnalysis, { kind: undefined }>;

function kinded(analysis: FileAnalysis): Kinded[] {
  return analysis.documents.filter((d): d is Kinded => d.kind !== undefined);
}

function idOf(doc: DocumentAnalysis): string | undefined {
  const value = doc.parsed.value as Record<string, unknown> | null;
  return value !== null && typeof value === 'object' && typeof value.id === 'string' ? value.id : undefined;
}

/** The documents of a version that errors keep from being read as a rubric, an assessment or a plan. */
function unreadable(analysis: FileAnalysis): DocumentAnalysis[] {
  return analysis.documents.filter((d) => d.kind === undefined && d.diagnostics.some((x) => x.severity === 'error'));
}

type Pair = { before?: DocumentAnalysis; after?: DocumentAnalysis };

/**
 * Pairs the documents of a file's two versions: by kind and id, then by their order among the
 * documents of that kind. A document left without a partner pairs with one the other version
 * could not read (a broken head is the same assessment with errors, not a deletion). A file that
 * is not a rubric document at either side pairs nothing.
 */
function pairDocuments(before: FileAnalysis, after: FileAnalysis): Pair[] {
  const old = kinded(before);
  const pairs: Pair[] = [];
  const taken = new Set<Kinded>();
  const brokenBefore = unreadable(before);
  for (const doc of kinded(after)) {
    const id = idOf(doc);
    const match = old.find((o) => !taken.has(o) && o.kind === doc.kind && id !== undefined && idOf(o) === id)
      ?? old.find((o) => !taken.has(o) && o.kind === doc.kind && (idOf(o) === undefined || !kinded(after).some((x) => x.kind === o.kind && idOf(x) === idOf(o))));
    // Stryker disable next-line ConditionalExpression: adding undefined to the set changes nothing, since only documents are looked up in it (an equivalent mutant)
    if (match) taken.add(match);
    const partner = match ?? brokenBefore.shift();
    pairs.push({ ...(partner ? { before: partner } : {}), after: doc });
  }
  const brokenAfter = unreadable(after);
  for (const doc of old) {
    if (taken.has(doc)) continue;
    const partner = brokenAfter.shift();
    pairs.push({ before: doc, ...(partner ? { after: partner } : {}) });
  }
  return pairs;
}

function problemDelta(before: readonly Diagnostic[] | undefined, after: readonly Diagnostic[] | undefined, severity: Diagnostic['severity']): ProblemDelta {
  // Stryker disable next-line ArrayDeclaration: a list in place of the missing side holds no diagnostic of any severity, so the filter drops whatever it holds (an equivalent mutant)
  const of = (list: readonly Diagnostic[] | undefined) => (list ?? []).filter((d) => d.severity === severity);
  const old = new Map<string, number>();
  for (const d of of(before)) old.set(`${d.code}\n${d.message}`, (old.get(`${d.code}\n${d.message}`) ?? 0) + 1);
  let fresh = 0;
  for (const d of of(after)) {
    const key = `${d.code}\n${d.message}`;
    const left = old.get(key) ?? 0;
    if (left > 0) old.set(key, left - 1);
    else fresh++;
  }
  return { before: of(before).length, after: of(after).length, new: fresh };
}

/** What changed in a rubric document between two versions; undefined unless both sides are rubrics that could be read. */
export function rubricChangesBetween(before: DocumentAnalysis | undefined, after: DocumentAnalysis | undefined): RubricChange[] | undefined {
  return before?.kind === 'Rubric' && after?.kind === 'Rubric' && before.data && after.data ? diffRubrics(before.data, after.data) : undefined;
}

/** The rubric an assessment or a plan is scored against, when its reference found one; other documents have none. */
function rubricOf(doc: DocumentAnalysis | undefined) {
  return doc && 'rubric' in doc ? doc.rubric : undefined;
}

/** For an assessment or a plan: what changed in the rubric it is scored against, when anything did. */
function changesOfItsRubric(before: DocumentAnalysis | undefined, after: DocumentAnalysis | undefined): RubricChange[] | undefined {
  const was = rubricOf(before);
  const now = rubricOf(after);
  if (!was || !now) return undefined;
  const changes = diffRubrics(was.index.rubric, now.index.rubric);
  return changes.length > 0 ? changes : undefined;
}

/** What moved in a document, by the review's one rule for a moved score (scoreMoved). */
function whatMoved(diff: ReportDiff): Moved {
  if (diff.unscored) return 'unscored';
  if (diff.kind === 'Plan') return diff.plan?.projections.length ? 'projections' : 'nothing';
  if (scoreMoved(diff.overall?.before, diff.overall?.after)) return 'overall';
  return diff.dimensions.some((d) => scoreMoved(d.before?.score, d.after?.score)) ? 'dimensions' : 'nothing';
}

function reviewDocument(versions: FileVersions, pair: Pair): ReviewedDocument {
  const beforeReport = buildReport(versions.before, pair.before?.index ?? versions.before.documents.length);
  const afterReport = buildReport(versions.after, pair.after?.index ?? versions.after.documents.length);
  const diff = diffReports(beforeReport, afterReport);
  const b = pair.before;
  const a = pair.after;
  const rubricChanges = rubricChangesBetween(b, a) ?? changesOfItsRubric(b, a);
  const why =
    b?.kind === 'Assessment' && a?.kind === 'Assessment' && b.score && a.score && b.rubric && a.rubric
      ? explainAssessment({ score: b.score, index: b.rubric.index }, { score: a.score, index: a.rubric.index })
      : undefined;
  const id = (a && idOf(a)) ?? (b && idOf(b));
  return {
    kind: diff.kind,
    ...(id !== undefined ? { id } : {}),
    title: diff.title,
    diff,
    moved: whatMoved(diff),
    ...(why ? { why } : {}),
    ...(rubricChanges ? { rubricChanges } : {}),
    errors: problemDelta(b?.diagnostics, a?.diagnostics, 'error'),
    warnings: problemDelta(b?.diagnostics, a?.diagnostics, 'warning'),
  };
}

/** One file's review: a document review for each rubric document at either side. */
export function reviewFile(versions: FileVersions): ReviewedFile {
  return {
    path: versions.path,
    ...(versions.previousPath !== undefined ? { previousPath: versions.previousPath } : {}),
    status: versions.status,
    ...(versions.reason === 'inheritance' ? { reason: versions.reason } : {}),
    documents: pairDocuments(versions.before, versions.after).map((pair) => reviewDocument(versions, pair)),
  };
}

/**
 * The review of a change. `files` holds the changed files and, with status `unchanged`, the files
 * that use a changed rubric: their scores can move although they did not change.
 */
export function reviewChange(input: { readonly base: ChangeReview['base']; readonly head: ChangeReview['head']; readonly files: readonly FileVersions[] }): ChangeReview {
  const files = input.files.map(reviewFile);
  const impacts: RubricImpact[] = [];
  input.files.forEach((versions, i) => {
    const reviewed = files[i] as ReviewedFile;
    for (const doc of reviewed.documents) {
      if (doc.kind !== 'Rubric' || !doc.rubricChanges || !doc.rubricChanges.some((c) => c.scoring) || doc.id === undefined) continue;
      const added = doc.rubricChanges.filter((c) => c.kind === 'dimension-added').flatMap((c) => (c.dimension ? [c.dimension] : []));
      impacts.push({ path: versions.path, id: doc.id, title: doc.title, changes: doc.rubricChanges, users: usersOf({ uri: versions.after.uri, id: doc.id }, { uri: versions.before.uri, id: doc.id }, added, input.files, files) });
    }
  });
  const bases: BaseImpact[] = [];
  input.files.forEach((versions, i) => {
    const reviewed = files[i] as ReviewedFile;
    if (versions.status === 'unchanged') return;
    for (const doc of reviewed.documents) {
      if (doc.kind !== 'Assessment') continue;
      const head = inheritorsOf(versions.after.uri, input.files, 'after');
      const base = inheritorsOf(versions.before.uri, input.files, 'before');
      if (head.size === 0 && base.size === 0) continue;
      // Stryker disable next-line EqualityOperator: a document that depends at either side counts, so swapping the sides changes nothing (an equivalent mutant)
      const users = impactedDocuments(input.files, files, (v, side) => (side === 'after' ? head : base).get(v) ?? [], []);
      if (users.length > 0) bases.push({ path: versions.path, ...(doc.id !== undefined ? { id: doc.id } : {}), title: doc.title, users });
    }
  });
  const headErrors = files.reduce((sum, f) => sum + f.documents.reduce((s, d) => s + d.errors.after, 0), 0);
  return { schemaVersion: REVIEW_SCHEMA_VERSION, base: input.base, head: input.head, files, impacts, ...(bases.length ? { bases } : {}), headErrors };
}

/**
 * The assessments of the files that inherit from the assessment file at `uri`, directly or through
 * others, at one side of the change: by file, the inheriting documents.
 */
function inheritorsOf(uri: string, versions: readonly FileVersions[], side: 'before' | 'after'): Map<FileVersions, DocumentAnalysis[]> {
  const bases = new Set([uri]);
  const found = new Map<FileVersions, DocumentAnalysis[]>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const v of versions) {
      const analysis = v[side];
      for (const doc of analysis.documents) {
        if (doc.kind !== 'Assessment' || !doc.base || !bases.has(doc.base.uri) || found.get(v)?.includes(doc)) continue;
        found.set(v, [...(found.get(v) ?? []), doc]);
        if (!bases.has(analysis.uri)) {
          bases.add(analysis.uri);
          grew = true;
        }
      }
    }
  }
  return found;
}

function usersOf(head: RubricRef, base: RubricRef, added: readonly { id: string; title: string }[], versions: readonly FileVersions[], files: readonly ReviewedFile[]): ImpactedDocument[] {
  // Stryker disable next-line EqualityOperator: a document that depends at either side counts, so swapping the sides changes nothing (an equivalent mutant)
  return impactedDocuments(versions, files, (v, side) => (side === 'after' ? rubricUsers(v.after, head) : rubricUsers(v.before, base)), added);
}

/**
 * The reviewed documents that depend on something the change touched (`dependents` gives, for a
 * file at a side, its documents that do), each with what moved in it.
 */
function impactedDocuments(
  versions: readonly FileVersions[],
  files: readonly ReviewedFile[],
  dependents: (v: FileVersions, side: 'before' | 'after') => readonly DocumentAnalysis[],
  added: readonly { id: string; title: string }[],
): ImpactedDocument[] {
  const users: ImpactedDocument[] = [];
  versions.forEach((v, i) => {
    const reviewed = files[i] as ReviewedFile;
    const docs = dependents(v, 'after');
    // Stryker disable next-line StringLiteral: either dependents function reads anything but 'after' as the base (an equivalent mutant)
    const old = dependents(v, 'before');
    for (const doc of reviewed.documents) {
      if (doc.kind !== 'Assessment' && doc.kind !== 'Plan') continue;
      const usesIt = docs.some((d) => idOf(d) === doc.id) || old.some((d) => idOf(d) === doc.id);
      if (!usesIt) continue;
      const overall = doc.diff.overall;
      const notAssessed = added.filter((a) => doc.diff.dimensions.find((d) => d.id === a.id)?.after?.state === 'not-assessed');
      users.push({
        path: v.path,
        kind: doc.kind,
        title: doc.title,
        ...(overall?.before !== undefined ? { before: overall.before } : {}),
        ...(overall?.after !== undefined ? { after: overall.after } : {}),
        fileChanged: v.status !== 'unchanged',
        moved: doc.moved,
        ...(notAssessed.length ? { notAssessed } : {}),
      });
    }
  });
  return users;
}

/** The rubrics the given files define at the head and at the base, for finding what uses them. */
export function rubricsOf(versions: FileVersions): { head: RubricRef[]; base: RubricRef[] } {
  return { head: rubricsDefinedIn(versions.after), base: rubricsDefinedIn(versions.before) };
}
