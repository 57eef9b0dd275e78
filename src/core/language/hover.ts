import type { PlanDocumentAnalysis, ResolvedRubric } from '../engine';
import type { Criterion, Dimension, Metric } from '../format/types';
import type { DimensionScore } from '../scoring/types';
import type { Range } from '../text/range';
import { matches } from './pathPattern';
import { targetAt, type Target } from './position';
import { criterionOf, descriptor, dimensionOf, idsIn, levelsOf, metricOf, ownLevels, type LevelFact } from './rubricFacts';
import { documentation, schemaAt, types } from './schemaModel';
import { asArray, asString, dig, documentAt, type DocumentView, type LanguageSnapshot } from './snapshot';
import { markdownBlock, markdownCode, markdownText } from '../render/markdown/escape';
import { benchmarkContextNote, benchmarkFigure, benchmarkOrigin, ceilingNote, formatScore, levelLabel, termWord } from '../render/text';
import { benchmarkRole } from '../domain/benchmarks';
import { questionOf } from '../report/questionnaire';

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

export function hoverAt(snapshot: LanguageSnapshot, offset: number): HoverResult | undefined {
  const doc = documentAt(snapshot, offset);
  const target = targetAt(snapshot.analysis.text, doc, offset);
  if (!target) return undefined;
  const markdown = domainHover(doc, target) ?? schemaHover(doc, target);
  return markdown ? { markdown, range: target.range } : undefined;
}

function domainHover(doc: DocumentView, target: Target): string | undefined {
  const { path, onKey, value } = target;
  const rubric = doc.rubric;
  switch (doc.kind) {
    case 'Assessment': {
      if (onKey && matches(path, 'dimensions.*')) return dimensionHover(rubric, path[1], doc.score?.dimensions.find((d) => d.id === path[1]));
      if (onKey && matches(path, 'dimensions.*.answers.*')) return criterionHover(rubric, criterionOf(rubric, path[1], path[3]));
      if (!onKey && (matches(path, 'dimensions.*.answers.*') || matches(path, 'dimensions.*.answers.*.answer'))) return answerHover(rubric, criterionOf(rubric, path[1], path[3]), value);
      if (!onKey && (matches(path, 'dimensions.*.level') || matches(path, 'dimensions.*.target'))) return levelHover(levelsOf(rubric), value, dimensionOf(rubric, path[1]));
      if (onKey && matches(path, 'dimensions.*.metrics.*')) return metricHover(metricOf(rubric, path[1], path[3]));
      if (!onKey && matches(path, 'rubric')) return rubricHover(rubric);
      return undefined;
    }
    case 'Plan': {
      if (!onKey && matches(path, 'initiatives.#.moves.#.dimension')) {
        const baseline = doc.analysis?.kind === 'Plan' ? (doc.analysis as PlanDocumentAnalysis).baseline?.score : undefined;
        return dimensionHover(rubric, value, baseline?.dimensions.find((d) => d.id === value), 'In the baseline');
      }
      if (!onKey && (matches(path, 'initiatives.#.moves.#.from') || matches(path, 'initiatives.#.moves.#.to'))) {
        return levelHover(levelsOf(rubric), value, dimensionOf(rubric, dig(doc.value, ...path.slice(0, -1), 'dimension')));
      }
      if (!onKey && matches(path, 'initiatives.#.dependsOn.#')) return initiativeHover(doc.value, value);
      if (!onKey && matches(path, 'rubric')) return rubricHover(rubric);
      if (!onKey && matches(path, 'baseline')) return baselineHover(doc);
      return undefined;
    }
    case 'Rubric': {
      if (!onKey && (matches(path, 'dimensions.#.criteria.#.level') || matches(path, 'threshold.level'))) return levelHover(ownLevels(doc.value), value, undefined);
      if (onKey && matches(path, 'dimensions.#.levels.*')) return levelHover(ownLevels(doc.value), Number(value), undefined);
      if (!onKey && matches(path, 'dimensions.#.group')) {
        const group = idsIn(dig(doc.value, 'groups')).find((g) => g.id === value);
        return group ? `**${markdownText(group.title ?? group.id)}** (group ${markdownCode(group.id)})\n\n${markdownBlock(asString(dig(doc.value, 'groups', group.index, 'description')) ?? '')}`.trim() : undefined;
      }
      if (!onKey && (matches(path, 'dimensions.#.criteria.#.answerScale') || matches(path, 'defaultAnswerScale'))) return scaleHover(doc.value, value);
      return undefined;
    }
    default:
      return undefined;
  }
}

function schemaHover(doc: DocumentView, target: Target): string | undefined {
  if (!doc.kind || !target.onKey) return undefined;
  const schema = schemaAt(doc.kind, target.path);
  if (!schema) return undefined;
  const text = documentation(schema.node);
  if (!text) return undefined;
  const t = types(schema.node);
  const kind = schema.node.enum ? `one of ${schema.node.enum.map((v) => markdownCode(String(v))).join(', ')}` : t.join(' or ');
  return `${markdownCode(String(target.value))}${kind ? ` · ${kind}` : ''}\n\n${text}`;
}

function dimensionHover(rubric: ResolvedRubric | undefined, id: unknown, score: DimensionScore | undefined, scoreLabel = 'Current'): string | undefined {
  const dimension = dimensionOf(rubric, id);
  if (!rubric || !dimension) return undefined;
  const group = dimension.group ? rubric.index.groups.get(dimension.group) : undefined;
  const lines = [`**${markdownText(dimension.title)}** · ${markdownText(rubric.index.term('dimension').toLowerCase())} ${markdownCode(dimension.id)}${group ? ` in ${markdownText(group.title)}` : ''}`];
  if (dimension.description) lines.push(markdownBlock(dimension.description));
  if (score) lines.push(scoreLine(rubric, score, scoreLabel));
  return lines.join('\n\n');
}

function scoreLine(rubric: ResolvedRubric, score: DimensionScore, label: string): string {
  if (score.status === 'not-applicable') return `${label}: not applicable${score.notApplicable ? ` (${markdownText(score.notApplicable)})` : ''}.`;
  if (score.status === 'exempt') return `${label}: exempt until ${markdownText(score.exemption?.expires ?? '?')}.`;
  if (score.level === undefined) return `${label}: not rated yet.`;
  const parts = [`${label}: level ${markdownText(levelLabel(score.level, rubric.index.levelName(score.level), ' '))}`];
  if (score.score !== undefined && score.score !== score.level) parts[0] += ` (score ${formatScore(score.score)})`;
  if (score.target !== undefined) parts.push(`target ${markdownText(levelLabel(score.target, rubric.index.levelName(score.target), ' '))}`);
  const counted = score.criteria.filter((c) => c.status === 'counted');
  if (counted.length) parts.push(`${counted.filter((c) => c.met).length} of ${counted.length} ${markdownText(termWord(rubric.index.term('criterion')))} met`);
  let text = parts.join(' · ');
  const words = descriptor(rubric.index.dimensions.get(score.id), score.level);
  if (words) text += `\n\n_At this level:_ ${markdownText(words)}`;
  if (score.nextLevel !== undefined && score.blockers.length) {
    const first = score.blockers[0] as { text: string };
    text += `\n\nTo reach ${markdownText(levelLabel(score.nextLevel, rubric.index.levelName(score.nextLevel), ' '))}: ${markdownText(first.text)}${score.blockers.length > 1 ? ` (+${score.blockers.length - 1} more)` : ''}`;
  } else if (score.ceiling !== undefined) {
    text += `\n\n${markdownText(ceilingNote({ ceiling: score.ceiling, criteria: score.criteria }, rubric.index.method, rubric.index.terms))}`;
  }
  return text;
}

function criterionHover(rubric: ResolvedRubric | undefined, criterion: Criterion | undefined): string | undefined {
  if (!rubric || !criterion) return undefined;
  const scaleName = rubric.index.scaleName(criterion);
  const answers = rubric.index.scaleOf(criterion)?.answers.map((a) => `${markdownCode(a.value)} ${formatScore(a.credit)}`).join(', ');
  const lines = [
    criterion.title ? `**${markdownText(criterion.title)}**: ${markdownText(criterion.text)}` : `**${markdownText(criterion.text)}**`,
    `${markdownText(rubric.index.term('criterion'))} ${markdownCode(criterion.id)} · level ${markdownText(levelLabel(criterion.level, rubric.index.levelName(criterion.level), ' '))}${criterion.weight !== undefined ? ` · weight ${formatScore(criterion.weight)}` : ''}`,
    `Answers (${markdownText(scaleName)}): ${answers ?? 'unknown scale'}`,
  ];
  if (criterion.evidenceRequired) lines.push('_A positive answer needs evidence._');
  if (criterion.qualityCriteria?.length) lines.push(`Met when:\n\n${criterion.qualityCriteria.map((q) => `- ${markdownText(q)}`).join('\n')}`);
  if (criterion.dependsOn?.length) lines.push(`Depends on ${criterion.dependsOn.map(markdownCode).join(', ')}.`);
  if (criterion.related?.length) lines.push(`Related: ${criterion.related.map(markdownCode).join(', ')}.`);
  if (criterion.guidance) lines.push(markdownBlock(criterion.guidance));
  if (criterion.questions?.length) lines.push(`To ask:\n\n${criterion.questions.map(questionOf).map((q) => `- ${markdownText(q.ask)}${q.lookFor.length ? ` _Look for:_ ${q.lookFor.map(markdownText).join('; ')}` : ''}`).join('\n')}`);
  return lines.join('\n\n');
}

function answerHover(rubric: ResolvedRubric | undefined, criterion: Criterion | undefined, value: unknown): string | undefined {
  if (!rubric || !criterion || (typeof value !== 'string' && typeof value !== 'boolean')) return undefined;
  const option = rubric.index.answerOption(criterion, value);
  if (!option) return undefined;
  const met = rubric.index.meets(option.credit);
  return [
    `${markdownCode(option.value)} · credit ${formatScore(option.credit)}${met ? ' (counts as met)' : ''}`,
    option.description ? markdownText(option.description) : '',
    `${markdownText(rubric.index.term('criterion'))}: ${markdownText(criterion.text)}`,
  ].filter(Boolean).join('\n\n');
}

function levelHover(levels: readonly LevelFact[], value: unknown, dimension: Dimension | undefined): string | undefined {
  if (typeof value !== 'number') return undefined;
  const level = levels.find((l) => l.level === value);
  if (!level) return levels.length ? `Level ${value} is not on the scale (${levels.map((l) => l.level).join(', ')}).` : undefined;
  const lines = [`**Level ${markdownText(levelLabel(level.level, level.name, ' '))}**`];
  if (level.description) lines.push(markdownBlock(level.description));
  const words = descriptor(dimension, level.level);
  if (dimension && words) lines.push(`**${markdownText(dimension.title)}** at this level: ${markdownText(words)}`);
  return lines.join('\n\n');
}

function metricHover(metric: Metric | undefined): string | undefined {
  if (!metric) return undefined;
  const lines = [`**${markdownText(metric.name)}** · metric ${markdownCode(metric.id)}${metric.unit ? ` in ${markdownText(metric.unit)}` : ''}`];
  if (metric.description) lines.push(markdownBlock(metric.description));
  const role = benchmarkRole(metric);
  if (metric.benchmark && role) {
    const b = metric.benchmark;
    const origin = benchmarkOrigin(b);
    lines.push(
      role === 'verdict'
        ? `Benchmark: ${markdownText(benchmarkFigure(b, role, metric.unit, metric.higherIsBetter ?? true))} (${metric.higherIsBetter === false ? 'lower' : 'higher'} is better)${origin ? `, ${markdownText(origin)}` : ''}`
        : `Benchmark: ${markdownText(benchmarkFigure(b, role, metric.unit, metric.higherIsBetter ?? true))}${origin ? `, ${markdownText(origin)}` : ''}. ${markdownText(benchmarkContextNote(b))}`,
    );
  }
  return lines.join('\n\n');
}

function rubricHover(rubric: ResolvedRubric | undefined): string | undefined {
  if (!rubric) return undefined;
  const r = rubric.index.rubric;
  const threshold = r.threshold ? ` · threshold ${markdownText(levelLabel(r.threshold.level, rubric.index.levelName(r.threshold.level), ' '))}` : '';
  return [
    `**${markdownText(r.title)}** ${markdownCode(r.id)} v${markdownText(r.version)}${rubric.builtin ? ' (built in)' : ''}`,
    `${r.dimensions.length} ${markdownText(termWord(rubric.index.term('dimension')))} · ${rubric.index.method} scoring · levels ${r.levels.map((l) => markdownText(levelLabel(l.level, l.name, ' '))).join(', ')}${threshold}`,
    markdownBlock(r.description ?? ''),
  ].filter(Boolean).join('\n\n');
}

function baselineHover(doc: DocumentView): string | undefined {
  const baseline = doc.analysis?.kind === 'Plan' ? (doc.analysis as PlanDocumentAnalysis).baseline : undefined;
  if (!baseline) return undefined;
  const a = baseline.assessment;
  const overall = baseline.score?.overall;
  const level = overall?.level !== undefined ? `Overall level ${overall.level}${overall.score !== undefined ? ` (score ${formatScore(overall.score)})` : ''}` : '';
  return [`**${markdownText(a.title ?? a.id)}** · ${markdownText(a.subject.organization)}, ${markdownText(a.date)}`, level].filter(Boolean).join('\n\n');
}

function initiativeHover(planValue: unknown, id: unknown): string | undefined {
  const found = idsIn(dig(planValue, 'initiatives')).find((i) => i.id === id);
  if (!found) return undefined;
  const item = dig(planValue, 'initiatives', found.index);
  const dates = [asString(dig(item, 'start')), asString(dig(item, 'end'))].filter(Boolean).join(' to ');
  const status = asString(dig(item, 'status')) ?? 'planned';
  const moves = asArray(dig(item, 'moves')).map((m) => `${String(dig(m, 'dimension'))} → ${String(dig(m, 'to'))}`);
  return [`**${markdownText(found.title ?? found.id)}** · initiative ${markdownCode(found.id)}`, markdownText(`${dates}${dates ? ' · ' : ''}${status}`), moves.length ? `Moves: ${markdownText(moves.join(', '))}` : ''].filter(Boolean).join('\n\n');
}

function scaleHover(rubricValue: unknown, name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  if (name === 'yes-no' && dig(rubricValue, 'answerScales', name) === undefined) return `${markdownCode('yes-no')} (built in): ${markdownCode('yes')} 1, ${markdownCode('no')} 0`;
  const scale = dig(rubricValue, 'answerScales', name);
  if (!scale) return undefined;
  const answers = asArray(dig(scale, 'answers')).map((a) => `${markdownCode(String(dig(a, 'value')))} ${markdownText(String(dig(a, 'credit')))}`);
  return [`Answer scale ${markdownCode(name)}: ${answers.join(', ')}`, markdownBlock(asString(dig(scale, 'description')) ?? '')].filter(Boolean).join('\n\n');
}
