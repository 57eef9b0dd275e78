import { exemptionState } from '../domain/answers';
import type { InheritedParts } from '../domain/inheritance';
import { responseAnswerPath, scoredAnswerPath, type AssessmentFacts } from '../domain/assessmentFacts';
import { summarizeAgreement } from '../domain/consensus';
import { evidencePolicy } from '../domain/evidence';
import type { RubricIndex } from '../domain/rubricIndex';
import type { LocatedDocument, Path } from '../document/located';
import type { Assessment, DimensionResult, Evidence } from '../format/types';
import { reachesTarget } from '../scoring/methods';
import type { AssessmentScore, CriterionResult, DimensionScore, ExemptionState, MetricResult, OverallScore } from '../scoring/types';
import { groupDimensions } from './groups';
import { reportEvidence } from './links';
import type {
  AssessmentSection,
  DimensionState,
  ReportAssessorAnswer,
  ReportCriterionAssessors,
  ReportResponder,
  ReportResponses,
  ReportCriterion,
  ReportDimension,
  ReportExemption,
  ReportExemptionState,
  ReportLink,
  ReportMetric,
  ReportNotApplicable,
  ReportOverall,
  ReportSubgroup,
} from './model';
import { optionalBenchmark } from './benchmark';
import { withOffset } from './offsets';

/** What an assessment inherits, for its report: its base and what it takes from it. */
export interface ReportedInheritance {
  readonly base: { readonly uri: string; readonly reference: string; readonly title: string };
  readonly inherited: InheritedParts;
}

export function buildAssessmentSection(
  data: Assessment,
  parsed: LocatedDocument,
  index: RubricIndex | undefined,
  score: AssessmentScore | undefined,
  inheritance?: ReportedInheritance,
  facts?: AssessmentFacts,
): AssessmentSection {
  const group = data.subject.group === undefined ? [] : typeof data.subject.group === 'string' ? [data.subject.group] : data.subject.group;
  const inherited = inheritance?.inherited;
  const header = {
    subject: {
      organization: data.subject.organization,
      ...(data.subject.unit ? { unit: data.subject.unit } : {}),
      ...(group.length ? { group: [...group] } : {}),
      ...(data.subject.scope ? { scope: data.subject.scope } : {}),
    },
    ...(inheritance && inherited
      ? {
          inherits: {
            reference: inheritance.base.reference,
            uri: inheritance.base.uri,
            title: inheritance.base.title,
            answers: [...inherited.answers.values()].reduce((n, m) => n + m.size, 0),
            dimensions: inherited.dimensions.size,
            levels: inherited.levels.size,
          },
        }
      : {}),
    date: data.date,
    assessors: (data.assessors ?? []).map((a) => ({ name: a.name, ...(a.role ? { role: a.role } : {}) })),
    ...(data.summary ? { summary: data.summary } : {}),
  };
  // Evidence links carry their dates and ages, under the assessment's (or its rubric's) validity.
  const policy = evidencePolicy(index?.rubric, data.evidenceValidFor);
  const link: EvidenceLink = (e) => reportEvidence(e, data.date, policy);
  if (!score || !index) {
    // Without a usable rubric nothing can be scored, but what the assessment says is still worth showing.
    const dimensions = Object.entries(data.dimensions).map(([id, result]) => unscoredDimension(id, result, data.date, parsed, link));
    return {
      ...header,
      scored: false,
      groups: dimensions.length ? [{ dimensions: dimensions.map((d) => d.id) }] : [],
      dimensions,
      exemptions: [],
      notApplicable: [],
    };
  }

  const blockedBy = new Map(score.unmetDependencies.map((u) => [u.criterion, u.unmet.map((x) => x.criterion)]));
  const notMet = new Set(score.dimensions.flatMap((d) => d.criteria.filter((c) => c.status === 'counted' && !c.met).map((c) => c.id)));
  const responses = facts && facts.responses.length > 0 ? reportResponses(facts, score, parsed) : undefined;
  // An answer only the assessors gave is revealed where the one scored is written.
  const answerPath = (dimensionId: string, criterionId: string): Path => (facts ? scoredAnswerPath(facts, dimensionId, criterionId) : ['dimensions', dimensionId, 'answers', criterionId]);
  const dimensions = score.dimensions.map((d) => reportDimension(d, index, parsed, blockedBy, notMet, link, answerPath, inherited));
  const exemptions: ReportExemption[] = [];
  const notApplicable: ReportNotApplicable[] = [];
  for (const d of score.dimensions) {
    const dimensionRef = { dimensionId: d.id, dimensionTitle: d.title };
    if (d.exemption) exemptions.push({ ...dimensionRef, ...exemptionOf(d.exemption), ...withOffset(parsed, ['dimensions', d.id, 'exemption']) });
    if (d.notApplicable !== undefined) notApplicable.push({ ...dimensionRef, reason: d.notApplicable, ...withOffset(parsed, ['dimensions', d.id, 'notApplicable']) });
    for (const c of d.criteria) {
      const criterionRef = { ...dimensionRef, criterionId: c.id, criterionText: c.text };
      if (c.exemption) exemptions.push({ ...criterionRef, ...exemptionOf(c.exemption), ...withOffset(parsed, ['dimensions', d.id, 'answers', c.id, 'exemption']) });
      if (c.notApplicable !== undefined) notApplicable.push({ ...criterionRef, reason: c.notApplicable, ...withOffset(parsed, ['dimensions', d.id, 'answers', c.id, 'notApplicable']) });
    }
  }
  const coverage = score.evidenceCoverage;
  return {
    ...header,
    scored: true,
    overall: reportOverall(index, score.overall),
    evidenceCoverage: {
      required: coverage.required,
      provided: coverage.provided,
      ...(coverage.ratio !== undefined ? { ratio: coverage.ratio } : {}),
      ...(coverage.current !== undefined ? { current: coverage.current } : {}),
      ...(coverage.currentRatio !== undefined ? { currentRatio: coverage.currentRatio } : {}),
      ...(coverage.stale !== undefined ? { stale: coverage.stale } : {}),
    },
    ...(score.evidenceValidFor ? { evidenceValidFor: { ...score.evidenceValidFor } } : {}),
    ...(score.evidenceAges ? { evidenceAges: { ...score.evidenceAges } } : {}),
    groups: groupDimensions(index, score.groups),
    dimensions,
    exemptions,
    notApplicable,
    ...(responses ? { responses } : {}),
  };
}

/** An overall score as reports show it: with its level's name. */
export function reportOverall(index: RubricIndex, overall: OverallScore): ReportOverall {
  return {
    ...(overall.score !== undefined ? { score: overall.score } : {}),
    ...(overall.level !== undefined ? { level: overall.level } : {}),
    ...levelNameOf(index, overall.level, 'levelName'),
    ...(overall.target !== undefined ? { target: overall.target } : {}),
    ...(overall.gap !== undefined ? { gap: overall.gap } : {}),
    ...(overall.thresholdReached !== undefined ? { thresholdReached: overall.thresholdReached } : {}),
    dimensionsScored: overall.dimensionsScored,
    dimensionsAtThreshold: overall.dimensionsAtThreshold,
    dimensionsTotal: overall.dimensionsTotal,
    dimensionStatusCounts: { ...overall.dimensionStatusCounts },
  };
}

/** Who answered, when and how much, under which rule, and how they agree over the whole assessment. */
function reportResponses(facts: AssessmentFacts, score: AssessmentScore, parsed: LocatedDocument): ReportResponses {
  const assessors = facts.responses.map((r): ReportResponder => ({
    id: r.id,
    ...(r.name ? { name: r.name } : {}),
    ...(r.role ? { role: r.role } : {}),
    ...(r.date ? { date: r.date } : {}),
    answers: r.dimensions.reduce((n, d) => n + d.answers.filter((a) => a.detail.answer !== undefined).length, 0),
    ...withOffset(parsed, r.path),
  }));
  const agreement = summarizeAgreement(score.dimensions.filter((d) => d.status === 'scored').flatMap((d) => d.criteria.map((c) => c.agreement)));
  const consensus = facts.consensus;
  return {
    ...(consensus ? { consensus: consensus.rule } : {}),
    ...(consensus?.adjudicator !== undefined ? { adjudicator: consensus.adjudicator } : {}),
    assessors,
    ...(agreement ? { agreement: { ...agreement } } : {}),
  };
}

/** A criterion's answers by assessor, named, each with where it is written. */
function criterionAssessors(c: CriterionResult, dimensionId: string, parsed: LocatedDocument): ReportCriterionAssessors | undefined {
  const agreement = c.agreement;
  if (!agreement) return undefined;
  const answers = agreement.answers.map(
    (a): ReportAssessorAnswer => ({
      assessor: a.assessor,
      ...(a.name ? { name: a.name } : {}),
      answer: a.answer,
      ...(a.credit !== undefined ? { credit: a.credit } : {}),
      ...(a.note ? { note: a.note } : {}),
      ...withOffset(parsed, responseAnswerPath(a.assessor, dimensionId, c.id)),
    }),
  );
  return { answers, agree: agreement.agree, spread: agreement.spread, ...(agreement.consensus ? { consensus: agreement.consensus.answer } : {}), settled: c.settled === true };
}

function levelNameOf<K extends string>(index: RubricIndex, level: number | undefined, key: K): Partial<Record<K, string>> {
  const name = level !== undefined ? index.levelName(level) : undefined;
  return name ? ({ [key]: name } as Record<K, string>) : {};
}

function exemptionOf(e: ExemptionState): ReportExemptionState {
  return { reason: e.reason, approver: e.approver, expires: e.expires, expired: e.expired };
}

export function dimensionState(d: Pick<DimensionScore, 'status' | 'target' | 'gap' | 'thresholdReached'>): DimensionState {
  if (d.status !== 'scored') return d.status;
  if (d.target !== undefined) {
    if (reachesTarget(d.gap ?? 0)) return 'on-target';
    return d.thresholdReached === false ? 'below-threshold' : 'below-target';
  }
  if (d.thresholdReached === true) return 'at-threshold';
  if (d.thresholdReached === false) return 'below-threshold';
  return 'scored';
}

/** An evidence entry as the report shows it: a link with its date and age. */
type EvidenceLink = (evidence: Evidence) => ReportLink;

function reportDimension(
  d: DimensionScore,
  index: RubricIndex,
  parsed: LocatedDocument,
  blockedBy: ReadonlyMap<string, readonly string[]>,
  notMet: ReadonlySet<string>,
  link: EvidenceLink,
  answerPath: (dimensionId: string, criterionId: string) => Path,
  inherited: InheritedParts | undefined,
): ReportDimension {
  const wholeFrom = inherited?.dimensions.get(d.id);
  const levelFrom = wholeFrom === undefined ? inherited?.levels.get(d.id) : undefined;
  const definition = index.dimensions.get(d.id);
  const descriptors = definition?.levels ?? {};
  const metricDefs = definition?.metrics ?? [];
  const criterion = (c: CriterionResult) =>
    c.agreement
      ? reportCriterion(c, index, parsed, answerPath(d.id, c.id), blockedBy.get(c.id), notMet, link, criterionAssessors(c, d.id, parsed))
      : reportCriterion(c, index, parsed, ['dimensions', d.id, 'answers', c.id], blockedBy.get(c.id), notMet, link, undefined);
  const subgroups = d.subgroups.map((s): ReportSubgroup => {
    const description = definition?.subgroups?.find((x) => x.id === s.id)?.description;
    return {
      id: s.id,
      title: s.title,
      ...(description ? { description } : {}),
      ...(s.score !== undefined ? { score: s.score, level: s.level } : {}),
      ...levelNameOf(index, s.level, 'levelName'),
      criteria: s.criteria,
    };
  });
  const metric = (m: MetricResult): ReportMetric => {
    const description = metricDefs.find((def) => def.id === m.id)?.description;
    return {
      id: m.id,
      name: m.name,
      ...(m.unit ? { unit: m.unit } : {}),
      higherIsBetter: m.higherIsBetter,
      ...(description ? { description } : {}),
      ...(m.value !== undefined ? { value: m.value } : {}),
      ...(m.note ? { note: m.note } : {}),
      ...optionalBenchmark({ name: m.name, benchmark: m.benchmark }),
      ...(m.meetsBenchmark !== undefined ? { meetsBenchmark: m.meetsBenchmark } : {}),
      ...withOffset(parsed, ['dimensions', d.id, 'metrics', m.id]),
    };
  };
  const descriptor = d.level !== undefined ? descriptors[String(d.level)] : undefined;
  const nextDescriptor = d.nextLevel !== undefined ? descriptors[String(d.nextLevel)] : undefined;
  return {
    id: d.id,
    title: d.title,
    ...(d.group ? { group: d.group } : {}),
    weight: d.weight,
    status: d.status,
    state: dimensionState(d),
    ...(d.score !== undefined ? { score: d.score } : {}),
    ...(d.level !== undefined ? { level: d.level } : {}),
    ...levelNameOf(index, d.level, 'levelName'),
    ...(descriptor ? { descriptor } : {}),
    ...(d.target !== undefined ? { target: d.target } : {}),
    ...levelNameOf(index, d.target, 'targetLevelName'),
    ...(d.gap !== undefined ? { gap: d.gap } : {}),
    ...(d.thresholdReached !== undefined ? { thresholdReached: d.thresholdReached } : {}),
    ...(d.nextLevel !== undefined ? { nextLevel: d.nextLevel } : {}),
    ...levelNameOf(index, d.nextLevel, 'nextLevelName'),
    ...(nextDescriptor ? { nextDescriptor } : {}),
    ...(d.ceiling !== undefined ? { ceiling: d.ceiling } : {}),
    blockers: d.blockers.map(criterion),
    criteria: d.criteria.map(criterion),
    ...(subgroups.length ? { subgroups } : {}),
    evidence: d.evidence.map(link),
    ...(d.notes ? { notes: d.notes } : {}),
    metrics: d.metrics.map(metric),
    ...(d.notApplicable !== undefined ? { notApplicable: d.notApplicable } : {}),
    ...(d.exemption ? { exemption: exemptionOf(d.exemption) } : {}),
    ...(wholeFrom !== undefined ? { inheritedFrom: wholeFrom } : {}),
    ...(levelFrom !== undefined ? { levelInheritedFrom: levelFrom } : {}),
    ...(d.agreement ? { agreement: { ...d.agreement } } : {}),
    ...withOffset(parsed, ['dimensions', d.id]),
  };
}

function reportCriterion(
  c: CriterionResult,
  index: RubricIndex,
  parsed: LocatedDocument,
  path: Path,
  blockedBy: readonly string[] | undefined,
  notMet: ReadonlySet<string>,
  link: EvidenceLink,
  assessors: ReportCriterionAssessors | undefined,
): ReportCriterion {
  const definition = index.criteria.get(c.id)?.criterion;
  const relatedNotMet = (definition?.related ?? []).filter((id) => notMet.has(id));
  return {
    id: c.id,
    ...(definition?.title ? { title: definition.title } : {}),
    text: c.text,
    ...(definition?.subgroup ? { subgroup: definition.subgroup } : {}),
    level: c.level,
    weight: c.weight,
    status: c.status,
    ...(c.answer !== undefined ? { answer: c.answer } : {}),
    credit: c.credit,
    met: c.met,
    evidenceRequired: c.evidenceRequired,
    evidenceMissing: c.evidenceMissing,
    evidence: c.evidence.map(link),
    ...(c.evidenceFreshness !== undefined ? { evidenceFreshness: c.evidenceFreshness } : {}),
    ...(c.withdrawnCredit !== undefined ? { withdrawnCredit: c.withdrawnCredit } : {}),
    ...(c.note ? { note: c.note } : {}),
    ...(c.notApplicable !== undefined ? { notApplicable: c.notApplicable } : {}),
    ...(c.exemption ? { exemption: exemptionOf(c.exemption) } : {}),
    ...(blockedBy?.length ? { blockedBy } : {}),
    ...(relatedNotMet.length ? { relatedNotMet } : {}),
    ...(c.inheritedFrom !== undefined ? { inheritedFrom: c.inheritedFrom } : {}),
    ...(assessors ? { assessors } : {}),
    ...withOffset(parsed, path),
  };
}

function unscoredDimension(id: string, result: DimensionResult, date: string, parsed: LocatedDocument, link: EvidenceLink): ReportDimension {
  return {
    id,
    title: id,
    weight: 1,
    status: 'not-rated',
    state: 'not-rated',
    ...(result.target !== undefined ? { target: result.target } : {}),
    blockers: [],
    criteria: [],
    evidence: (result.evidence ?? []).map(link),
    ...(result.notes ? { notes: result.notes } : {}),
    metrics: [],
    ...(result.notApplicable ? { notApplicable: result.notApplicable.reason } : {}),
    ...(result.exemption ? { exemption: exemptionOf(exemptionState(result.exemption, date) as ExemptionState) } : {}),
    ...withOffset(parsed, ['dimensions', id]),
  };
}
