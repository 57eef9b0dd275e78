import type { FileAnalysis, ResolvedRubric } from '../engine';
import type { DimensionScore } from '../scoring/types';
import type { Range } from '../text/range';
import { ceilingNote, formatScore, levelLabel, termWord } from '../render/text';

/** A line of status above an assessed dimension: where it stands and what blocks the next level. */
export interface LensData {
  readonly range: Range;
  readonly title: string;
  readonly tooltip: string;
  readonly dimensionId: string;
}

const MAX_BLOCKER_TEXT = 60;

export function codeLenses(analysis: FileAnalysis): LensData[] {
  const lenses: LensData[] = [];
  for (const doc of analysis.documents) {
    if (doc.kind !== 'Assessment' || !doc.score || !doc.rubric || !doc.data) continue;
    for (const id of Object.keys(doc.data.dimensions)) {
      const score = doc.score.dimensions.find((d) => d.id === id);
      const key = doc.parsed.locate(['dimensions', id]).key;
      if (!score || !key) continue;
      const { title, tooltip } = describe(doc.rubric, score);
      lenses.push({ range: key, title, tooltip, dimensionId: id });
    }
  }
  return lenses;
}

function describe(rubric: ResolvedRubric, score: DimensionScore): { title: string; tooltip: string } {
  const index = rubric.index;
  const name = (level: number) => levelLabel(level, index.levelName(level), ' ');
  if (score.status === 'not-applicable') return { title: 'Not applicable', tooltip: score.notApplicable ?? '' };
  if (score.status === 'exempt') return { title: `Exempt until ${score.exemption?.expires ?? '?'}`, tooltip: score.exemption?.reason ?? '' };
  if (score.level === undefined) return { title: index.method === 'rated' ? 'Not rated yet' : 'Not scored', tooltip: '' };
  const parts = [`Level ${name(score.level)}${score.score !== undefined && score.score !== score.level ? ` (${formatScore(score.score)})` : ''}`];
  if (score.target !== undefined) parts.push(score.level >= score.target ? `target ${score.target} reached` : `target ${name(score.target)}`);
  const counted = score.criteria.filter((c) => c.status === 'counted');
  if (counted.length) parts.push(`${counted.filter((c) => c.met).length}/${counted.length} ${termWord(index.term('criterion'))} met`);
  let tooltip = '';
  if (score.nextLevel !== undefined && score.blockers.length) {
    const first = score.blockers[0]!;
    const text = first.text.length > MAX_BLOCKER_TEXT ? `${first.text.slice(0, MAX_BLOCKER_TEXT - 1)}…` : first.text;
    parts.push(`next: ${text}${score.blockers.length > 1 ? ` +${score.blockers.length - 1} more` : ''}`);
    tooltip = `To reach ${name(score.nextLevel)}:\n${score.blockers.map((b) => `• ${b.text}`).join('\n')}`;
  } else if (score.ceiling !== undefined) {
    tooltip = ceilingNote({ ceiling: score.ceiling, criteria: score.criteria }, index.method, index.terms);
  } else if (score.nextLevel === undefined) {
    tooltip = 'At the top of the scale.';
  }
  return { title: parts.join(' · '), tooltip };
}
