import type { PlanDocumentAnalysis, ResolvedRubric } from '../engine';
import type { Criterion, Dimension, Metric } from '../format/types';
import type { DimensionScore } from '../scoring/types';
import type { Range } from '../text/range';
import { code, escapeMarkdown, formatNumber, levelLabel, paragraph, plural } from './markdown';
import { matches } from './pathPattern';
import { targetAt, type Target } from './position';
import { criterionOf, descriptor, dimensionOf, idsIn, levelsOf, metricOf, ownLevels, type LevelFact } from './rubricFacts';
import { documentation, schemaAt, types } from './schemaModel';
import { asArray, asString, dig, documentAt, type DocumentView, type LanguageSnapshot } from './snapshot';

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
        return group ? `**${escapeMarkdown(group.title ?? group.id)}** (group ${code(group.id)})\n\n${paragraph(asString(dig(doc.value, 'groups', group.index, 'description')))}`.trim() : undefined;
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
  const kind = schema.node.enum ? `one of ${schema.node.enum.map((v) => code(String(v))).join(', ')}` : t.join(' or ');
  return `${code(String(target.value))}${kind ? ` · ${kind}` : ''}\n\n${text}`;
}

function dimensionHover(rubric: ResolvedRubric | undefined, id: unknown, score: DimensionScore | undefined, scoreLabel = 'Current'): string | undefined {
  const dimension = dimensionOf(rubric, id);
  if (!rubric || !dimension) return undefined;
  const group = dimension.group ? rubric.index.groups.get(dimension.group) : undefined;
  const lines = [`**${escapeMarkdown(dimension.title)}** · ${rubric.index.term('dimension').toLowerCase()} ${code(dimension.id)}${group ? ` in ${escapeMarkdown(group.title)}` : ''}`];
  if (dimension.description) lines.push(paragraph(dimension.description));
  if (score) lines.push(scoreLine(rubric, score, scoreLabel));
  return lines.join('\n\n');
}

function scoreLine(rubric: ResolvedRubric, score: DimensionScore, label: string): string {
  if (score.status === 'not-applicable') return `${label}: not applicable${score.notApplicable ? ` (${escapeMarkdown(score.notApplicable)})` : ''}.`;
  if (score.status === 'exempt') return `${label}: exempt until ${score.exemption?.expires ?? '?'}.`;
  if (score.level === undefined) return `${label}: not rated yet.`;
  const parts = [`${label}: level ${levelLabel(score.level, rubric.index.levelName(score.level))}`];
  if (score.score !== undefined && score.score !== score.level) parts[0] += ` (score ${formatNumber(score.score)})`;
  if (score.target !== undefined) parts.push(`target ${levelLabel(score.target, rubric.index.levelName(score.target))}`);
  const counted = score.criteria.filter((c) => c.status === 'counted');
  if (counted.length) parts.push(`${counted.filter((c) => c.met).length} of ${counted.length} ${plural(rubric.index.term('criterion'))} met`);
  let text = parts.join(' · ');
  const words = descriptor(rubric.index.dimensions.get(score.id), score.level);
  if (words) text += `\n\n_At this level:_ ${words}`;
  if (score.nextLevel !== undefined && score.blockers.length) {
    const first = score.blockers[0] as { text: string };
    text += `\n\nTo reach ${levelLabel(score.nextLevel, rubric.index.levelName(score.nextLevel))}: ${escapeMarkdown(first.text)}${score.blockers.length > 1 ? ` (+${score.blockers.length - 1} more)` : ''}`;
  }
  return text;
}

function criterionHover(rubric: ResolvedRubric | undefined, criterion: Criterion | undefined): string | undefined {
  if (!rubric || !criterion) return undefined;
  const scaleName = rubric.index.scaleName(criterion);
  const answers = rubric.index.scaleOf(criterion)?.answers.map((a) => `${code(a.value)} ${formatNumber(a.credit)}`).join(', ');
  const lines = [
    `**${escapeMarkdown(criterion.text)}**`,
    `${rubric.index.term('criterion')} ${code(criterion.id)} · level ${levelLabel(criterion.level, rubric.index.levelName(criterion.level))}${criterion.weight !== undefined ? ` · weight ${formatNumber(criterion.weight)}` : ''}`,
    `Answers (${scaleName}): ${answers ?? 'unknown scale'}`,
  ];
  if (criterion.evidenceRequired) lines.push('_A positive answer needs evidence._');
  if (criterion.guidance) lines.push(paragraph(criterion.guidance));
  return lines.join('\n\n');
}

function answerHover(rubric: ResolvedRubric | undefined, criterion: Criterion | undefined, value: unknown): string | undefined {
  if (!rubric || !criterion || (typeof value !== 'string' && typeof value !== 'boolean')) return undefined;
  const written = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  const scale = rubric.index.scaleOf(criterion);
  const option = scale?.answers.find((a) => a.value === written) ?? scale?.answers.find((a) => a.value.toLowerCase() === written.toLowerCase());
  if (!option) return undefined;
  const met = option.credit >= rubric.index.passCredit;
  return [
    `${code(option.value)} · credit ${formatNumber(option.credit)}${met ? ' (counts as met)' : ''}`,
    option.description ? escapeMarkdown(option.description) : '',
    `${rubric.index.term('criterion')}: ${escapeMarkdown(criterion.text)}`,
  ].filter(Boolean).join('\n\n');
}

function levelHover(levels: readonly LevelFact[], value: unknown, dimension: Dimension | undefined): string | undefined {
  if (typeof value !== 'number') return undefined;
  const level = levels.find((l) => l.level === value);
  if (!level) return levels.length ? `Level ${value} is not on the scale (${levels.map((l) => l.level).join(', ')}).` : undefined;
  const lines = [`**Level ${levelLabel(level.level, level.name)}**`];
  if (level.description) lines.push(paragraph(level.description));
  const words = descriptor(dimension, level.level);
  if (dimension && words) lines.push(`**${escapeMarkdown(dimension.title)}** at this level: ${words}`);
  return lines.join('\n\n');
}

function metricHover(metric: Metric | undefined): string | undefined {
  if (!metric) return undefined;
  const lines = [`**${escapeMarkdown(metric.name)}** · metric ${code(metric.id)}${metric.unit ? ` in ${escapeMarkdown(metric.unit)}` : ''}`];
  if (metric.description) lines.push(paragraph(metric.description));
  if (metric.benchmark) {
    lines.push(`Benchmark: ${formatNumber(metric.benchmark.value)}${metric.unit ? ` ${escapeMarkdown(metric.unit)}` : ''} (${metric.higherIsBetter === false ? 'lower' : 'higher'} is better)${metric.benchmark.source ? `, source: ${escapeMarkdown(metric.benchmark.source)}` : ''}`);
  }
  return lines.join('\n\n');
}

function rubricHover(rubric: ResolvedRubric | undefined): string | undefined {
  if (!rubric) return undefined;
  const r = rubric.index.rubric;
  const threshold = r.threshold ? ` · threshold ${levelLabel(r.threshold.level, rubric.index.levelName(r.threshold.level))}` : '';
  return [
    `**${escapeMarkdown(r.title)}** ${code(r.id)} v${escapeMarkdown(r.version)}${rubric.builtin ? ' (built in)' : ''}`,
    `${r.dimensions.length} ${plural(rubric.index.term('dimension'))} · ${rubric.index.method} scoring · levels ${r.levels.map((l) => levelLabel(l.level, l.name)).join(', ')}${threshold}`,
    paragraph(r.description),
  ].filter(Boolean).join('\n\n');
}

function baselineHover(doc: DocumentView): string | undefined {
  const baseline = doc.analysis?.kind === 'Plan' ? (doc.analysis as PlanDocumentAnalysis).baseline : undefined;
  if (!baseline) return undefined;
  const a = baseline.assessment;
  const overall = baseline.score?.overall;
  const level = overall?.level !== undefined ? `Overall level ${overall.level}${overall.score !== undefined ? ` (score ${formatNumber(overall.score)})` : ''}` : '';
  return [`**${escapeMarkdown(a.title ?? a.id)}** · ${escapeMarkdown(a.subject.organization)}, ${a.date}`, level].filter(Boolean).join('\n\n');
}

function initiativeHover(planValue: unknown, id: unknown): string | undefined {
  const found = idsIn(dig(planValue, 'initiatives')).find((i) => i.id === id);
  if (!found) return undefined;
  const item = dig(planValue, 'initiatives', found.index);
  const dates = [asString(dig(item, 'start')), asString(dig(item, 'end'))].filter(Boolean).join(' to ');
  const status = asString(dig(item, 'status')) ?? 'planned';
  const moves = asArray(dig(item, 'moves')).map((m) => `${String(dig(m, 'dimension'))} → ${String(dig(m, 'to'))}`);
  return [`**${escapeMarkdown(found.title ?? found.id)}** · initiative ${code(found.id)}`, `${dates}${dates ? ' · ' : ''}${status}`, moves.length ? `Moves: ${escapeMarkdown(moves.join(', '))}` : ''].filter(Boolean).join('\n\n');
}

function scaleHover(rubricValue: unknown, name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  if (name === 'yes-no' && dig(rubricValue, 'answerScales', name) === undefined) return `${code('yes-no')} (built in): ${code('yes')} 1, ${code('no')} 0`;
  const scale = dig(rubricValue, 'answerScales', name);
  if (!scale) return undefined;
  const answers = asArray(dig(scale, 'answers')).map((a) => `${code(String(dig(a, 'value')))} ${String(dig(a, 'credit'))}`);
  return [`Answer scale ${code(name)}: ${answers.join(', ')}`, paragraph(asString(dig(scale, 'description')))].filter(Boolean).join('\n\n');
}
