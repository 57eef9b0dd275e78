import type { RubricIndex } from '../domain/rubricIndex';
import type { Assessment, Evidence } from '../format/types';
import { answerDetail } from '../scoring/scoreAssessment';
import type { AssessmentScore } from '../scoring/types';
import { quoteList } from '../text/suggest';
import { RuleContext, checkDate, checkLink } from './context';

function checkEvidence(ctx: RuleContext, evidence: readonly Evidence[] | undefined, path: (string | number)[]): void {
  evidence?.forEach((item, i) => {
    if (typeof item === 'string') checkLink(ctx, item, [...path, i]);
    else checkLink(ctx, item.url, [...path, i, 'url']);
  });
}

/**
 * Checks an assessment against its rubric: every key names something the rubric defines, levels
 * are on the scale, answers come from each criterion's scale, exemptions are current, evidence is
 * there where the rubric requires it, and every dimension of the rubric is covered.
 */
export function checkAssessment(ctx: RuleContext, assessment: Assessment, index: RubricIndex): void {
  const dateOk = checkDate(ctx, assessment.date, ['date']);
  const scaleText = `${index.minLevel} to ${index.maxLevel}`;
  const checkLevel = (level: number | undefined, path: (string | number)[], what: string) => {
    if (level !== undefined && !index.hasLevel(level)) {
      ctx.report('level-out-of-scale', `${what} ${level} is not on the rubric's scale (${scaleText}).`, ctx.at(path));
      return false;
    }
    return true;
  };
  const checkExemption = (exemption: { expires: string } | undefined, path: (string | number)[], what: string) => {
    if (!exemption) return;
    if (!checkDate(ctx, exemption.expires, [...path, 'expires'])) return;
    if (dateOk && exemption.expires < assessment.date) {
      ctx.report('exemption-expired', `The exemption for ${what} expired on ${exemption.expires}, before this assessment (${assessment.date}); it counts in the score again. Renew it with a new expiry date, or remove it.`, ctx.at([...path, 'expires']));
    }
  };

  for (const [dimensionId, result] of Object.entries(assessment.dimensions)) {
    const at = (...rest: (string | number)[]) => ['dimensions', dimensionId, ...rest];
    const dimension = index.dimensions.get(dimensionId);
    if (!dimension) {
      ctx.reportUnknownId('unknown-dimension', `The rubric "${index.rubric.id}" has no ${index.term('dimension').toLowerCase()} "${dimensionId}".`, ctx.keyAt(at()), dimensionId, index.dimensions.keys());
      continue;
    }
    const levelOk = checkLevel(result.level, at('level'), 'Level');
    checkLevel(result.target, at('target'), 'Target level');
    if (result.notApplicable && result.exemption) {
      ctx.report('exemption-conflict', `"${dimension.title}" is marked both not applicable and exempt; keep one.`, ctx.keyAt(at('exemption')));
    }
    checkExemption(result.exemption, at('exemption'), `"${dimension.title}"`);
    checkEvidence(ctx, result.evidence, at('evidence'));
    const excluded = Boolean(result.notApplicable) || Boolean(result.exemption && result.exemption.expires >= assessment.date);

    if (index.method === 'rated') {
      if (result.level === undefined && !excluded) {
        ctx.report('level-not-rated', `"${dimension.title}" has no level. This rubric is scored by rating: give a level from ${scaleText}, or mark the dimension notApplicable.`, ctx.keyAt(at()), { data: { missingKey: 'level', parentPath: at() } });
      }
    } else if (result.level !== undefined && levelOk) {
      ctx.report('level-ignored', `This rubric computes levels from answers (${index.method} scoring), so the level given here is ignored. Remove it, or answer the criteria.`, ctx.keyAt(at('level')));
    }

    const ownCriteria = new Map((dimension.criteria ?? []).map((c) => [c.id, c]));
    for (const [criterionId, entry] of Object.entries(result.answers ?? {})) {
      const cat = (...rest: (string | number)[]) => [...at('answers', criterionId), ...rest];
      const criterion = ownCriteria.get(criterionId);
      if (!criterion) {
        const elsewhere = index.criteria.get(criterionId);
        if (elsewhere) {
          ctx.report('unknown-criterion', `The criterion "${criterionId}" belongs to "${elsewhere.dimension.id}", not to "${dimensionId}". Move the answer there.`, ctx.keyAt(cat()));
        } else {
          ctx.reportUnknownId('unknown-criterion', `"${dimension.title}" has no ${index.term('criterion').toLowerCase()} "${criterionId}".`, ctx.keyAt(cat()), criterionId, ownCriteria.keys());
        }
        continue;
      }
      const detail = answerDetail(entry) ?? {};
      const answerPath = typeof entry === 'object' ? cat('answer') : cat();
      if (detail.answer !== undefined) {
        const credit = index.credit(criterion, detail.answer);
        if (credit === undefined) {
          const scale = index.scaleOf(criterion);
          const allowed = scale?.answers.map((a) => a.value) ?? [];
          ctx.reportUnknownId(
            'answer-not-in-scale',
            `${JSON.stringify(String(detail.answer))} is not an answer of the "${index.scaleName(criterion)}" scale. Allowed: ${quoteList(allowed, 12)}.`,
            ctx.at(answerPath),
            String(detail.answer),
            allowed,
          );
        } else if (credit > 0 && criterion.evidenceRequired && !detail.evidence?.length && !detail.notApplicable && !detail.exemption) {
          ctx.report('evidence-missing', `"${criterion.text}" requires evidence for a positive answer. Add evidence: write the answer as a map with "answer" and "evidence".`, ctx.at(answerPath), {
            data: { criterionId },
          });
        }
        if (detail.notApplicable || detail.exemption) {
          ctx.report('exemption-conflict', `This criterion has an answer and is also marked ${detail.notApplicable ? 'not applicable' : 'exempt'}; the answer is ignored while that applies. Keep one.`, ctx.at(answerPath));
        }
      }
      checkExemption(detail.exemption, cat('exemption'), `"${criterion.id}"`);
      if (typeof entry === 'object') checkEvidence(ctx, detail.evidence, cat('evidence'));
    }

    if (index.method !== 'rated' && !excluded) {
      const unanswered = (dimension.criteria ?? []).filter((c) => result.answers?.[c.id] === undefined).map((c) => c.id);
      if (unanswered.length > 0) {
        ctx.report(
          'criterion-not-answered',
          `${unanswered.length} of ${ownCriteria.size} criteria of "${dimension.title}" ${unanswered.length === 1 ? 'has no answer and counts' : 'have no answer and count'} as no credit: ${quoteList(unanswered, 6)}.`,
          ctx.keyAt(at()),
          { data: { unanswered, dimensionId } },
        );
      }
    }

    const metricIds = new Set((dimension.metrics ?? []).map((m) => m.id));
    for (const metricId of Object.keys(result.metrics ?? {})) {
      if (!metricIds.has(metricId)) {
        ctx.reportUnknownId('unknown-metric', `"${dimension.title}" has no metric "${metricId}".`, ctx.keyAt(at('metrics', metricId)), metricId, metricIds);
      }
    }
  }

  const missing = index.rubric.dimensions.filter((d) => !(d.id in assessment.dimensions)).map((d) => d.id);
  if (missing.length > 0) {
    ctx.report(
      'dimension-not-assessed',
      `${missing.length} of ${index.dimensions.size} ${index.termFor('dimension', index.dimensions.size)} of the rubric ${missing.length === 1 ? 'is' : 'are'} not assessed: ${quoteList(missing, 6)}. Assess ${missing.length === 1 ? 'it' : 'them'}, or mark ${missing.length === 1 ? 'it' : 'them'} notApplicable.`,
      ctx.keyAt(['dimensions']),
      { data: { missing } },
    );
  }
}

/** Checks that need the computed score: a target below the level already reached. */
export function checkAssessmentScore(ctx: RuleContext, score: AssessmentScore): void {
  for (const d of score.dimensions) {
    if (d.status !== 'scored' || d.target === undefined || d.level === undefined) continue;
    if (d.target < d.level) {
      ctx.report('target-below-current', `The target ${d.target} is below the level already reached (${d.level}). Raise the target, or remove it if the aim is to hold the level.`, ctx.at(['dimensions', d.id, 'target']));
    }
  }
}
