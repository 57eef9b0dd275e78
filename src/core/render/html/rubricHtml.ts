import { benchmarkContextNote, benchmarkOrigin, formatScore, termHeading, termWord } from '../text';
import type { ReportBenchmark, ReportModel, ReportRubric, RubricOverview, RubricOverviewDimension } from '../../report/model';
import { badge, card, groupedTable, linkHtml, prose, section, table } from './common';
import { anchorId, escapeHtml, sourceAttrs } from './escape';

const METHOD_TEXT = {
  rated: 'Assessors give each dimension a level.',
  gated: 'A level counts once every criterion at it and below is met.',
  average: 'The mean credit of all criteria, mapped onto the level scale.',
  levelSum: 'The sum, over the levels, of each level\u2019s mean credit.',
} as const;

export function rubricHtml(model: ReportModel, rubric: ReportRubric, o: RubricOverview): string {
  const t = rubric.terms;
  const cards = [
    card('Scoring', escapeHtml(rubric.method), [escapeHtml(METHOD_TEXT[rubric.method]), ...(rubric.method === 'gated' && o.passCredit !== 1 ? [escapeHtml(`A criterion counts as met from credit ${o.passCredit}.`)] : [])]),
    card('Levels', escapeHtml(`${rubric.minLevel}–${rubric.maxLevel}`), [escapeHtml(rubric.levels.flatMap((l) => (l.name ? [l.name] : [])).join(' · '))]),
    ...(rubric.threshold
      ? [card('Threshold', escapeHtml(`Level ${rubric.threshold.level}`), [escapeHtml(rubric.threshold.name ?? rubric.levels.find((l) => l.level === rubric.threshold?.level)?.name ?? '')])]
      : []),
    card('Contents', escapeHtml(`${o.counts.dimensions} ${termWord(t.dimension, o.counts.dimensions)}`), [escapeHtml(`${o.counts.criteria} ${termWord(t.criterion, o.counts.criteria)}, ${o.counts.metrics} metric${o.counts.metrics === 1 ? '' : 's'}`)]),
  ];
  return [
    `<div class="cards">${cards.join('')}</div>\n`,
    o.description ? section('about', 'About', prose(o.description)) : '',
    rubric.threshold?.description ? section('threshold', `Why level ${rubric.threshold.level} matters`, prose(rubric.threshold.description)) : '',
    section('levels', 'Levels', table(rubric.levels, [
      { header: 'Level', cell: (l) => String(l.level), numeric: true },
      { header: 'Name', cell: (l) => `<strong>${escapeHtml(l.name ?? '')}</strong>${rubric.threshold?.level === l.level ? ' <span class="chip">threshold</span>' : ''}` },
      { header: 'What it looks like', cell: (l) => prose(l.description) },
    ])),
    section('matrix', `${termHeading(t.criterion)} per level`, matrix(rubric, o)),
    section('dimension-details', `${t.dimension} details`, o.dimensions.map((d) => dimensionArticle(rubric, d)).join('')),
    section('answer-scales', 'Answer scales', answerScales(o)),
    section('references', 'Sources', o.references.length ? `<ul class="item-list">${o.references.map((r) => `<li>${r.link ? linkHtml(r.link) : escapeHtml(r.title)}</li>`).join('')}</ul>` : ''),
  ].join('');
}

function matrix(rubric: ReportRubric, o: RubricOverview): string {
  const byId = new Map(o.dimensions.map((d) => [d.id, d]));
  const levels = rubric.levels.map((l) => l.level);
  const groups = o.groups.map((g) => ({
    ...(g.title ? { heading: `${g.id ? `${escapeHtml(rubric.terms.group)}: ` : ''}${escapeHtml(g.title)}${g.description ? ` <span class="group-score">${escapeHtml(g.description)}</span>` : ''}` } : {}),
    rows: g.dimensions.map((id) => byId.get(id)).filter((d): d is RubricOverviewDimension => d !== undefined),
  }));
  return groupedTable(
    groups,
    [
      { header: rubric.terms.dimension, cell: (d) => `<a href="#${anchorId('dim', d.id)}">${escapeHtml(d.title)}</a>` },
      ...levels.map((level) => ({
        header: `L${level}`,
        cell: (d: RubricOverviewDimension) => {
          const count = d.criteriaByLevel.find((c) => c.level === level)?.count ?? 0;
          return count ? `<span class="has">${count}</span>` : '<span class="muted">·</span>';
        },
        numeric: true,
      })),
      { header: 'Total', cell: (d) => String(d.criteriaCount), numeric: true },
      { header: 'Metrics', cell: (d) => String(d.metrics.length), numeric: true, optional: true },
      { header: 'Weight', cell: (d) => formatScore(d.weight), numeric: true, optional: true },
    ],
    'matrix',
  );
}

function dimensionArticle(rubric: ReportRubric, d: RubricOverviewDimension): string {
  const descriptors = d.descriptors.length
    ? `<dl class="descriptors">${d.descriptors
        .map((x) => `<dt>${escapeHtml(x.levelName ? `${x.level} · ${x.levelName}` : String(x.level))}</dt><dd>${escapeHtml(x.text)}</dd>`)
        .join('')}</dl>`
    : '';
  const counts = d.criteriaByLevel.filter((c) => c.count > 0).map((c) => `L${c.level}: ${c.count}`).join(', ');
  const metrics = d.metrics.length
    ? `<h4>Metrics</h4>` +
      table(d.metrics, [
        { header: 'Metric', cell: (m) => escapeHtml(m.name) + (m.description ? prose(m.description, 'muted') : '') },
        { header: 'Unit', cell: (m) => escapeHtml(m.unit ?? ''), optional: true },
        { header: 'Better', cell: (m) => (m.higherIsBetter ? 'higher' : 'lower') },
        { header: 'Benchmark', cell: (m) => (m.benchmark ? benchmarkCell(m.benchmark) : '–') },
      ])
    : '';
  return (
    `<article class="dimension" id="${anchorId('dim', d.id)}">` +
    `<div class="dimension-head"${sourceAttrs(d.sourceOffset)}><h3>${escapeHtml(d.title)}</h3><code class="muted">${escapeHtml(d.id)}</code></div>` +
    `<ul class="facts"><li>${escapeHtml(`${d.criteriaCount} ${termWord(rubric.terms.criterion, d.criteriaCount)}`)}${counts ? ` <span class="muted">(${escapeHtml(counts)})</span>` : ''}</li>` +
    `${d.evidenceRequiredCount ? `<li>${escapeHtml(`${d.evidenceRequiredCount} need evidence`)}</li>` : ''}${d.weight !== 1 ? `<li>Weight <strong>${escapeHtml(formatScore(d.weight))}</strong></li>` : ''}` +
    `${(d.subgroups ?? []).map((s) => `<li>${escapeHtml(`${rubric.terms.subgroup} ${s.title}: ${s.criteriaCount} ${termWord(rubric.terms.criterion, s.criteriaCount)}`)}</li>`).join('')}</ul>` +
    `${prose(d.description)}${descriptors}${metrics}</article>\n`
  );
}

/** A benchmark in the rubric's metric table: the figure, where it comes from, and for a context figure what it measured. */
function benchmarkCell(b: ReportBenchmark): string {
  const origin = benchmarkOrigin(b);
  const figure = `${escapeHtml(String(b.value))}${b.role === 'context' ? ` ${badge('Context')}` : ''}`;
  return `${figure}${origin ? ` <span class="muted">${escapeHtml(origin)}</span>` : ''}${b.role === 'context' ? `<p class="muted">${escapeHtml(benchmarkContextNote(b))}</p>` : ''}`;
}

function answerScales(o: RubricOverview): string {
  return o.answerScales
    .map(
      (s) =>
        `<h3>${escapeHtml(s.id)}${s.id === o.defaultAnswerScale ? ' <span class="chip">default</span>' : ''}</h3>${s.description ? `<p class="muted">${escapeHtml(s.description)}</p>` : ''}` +
        table(s.answers, [
          { header: 'Answer', cell: (a) => `<code>${escapeHtml(a.value)}</code>` },
          { header: 'Credit', cell: (a) => escapeHtml(formatScore(a.credit)), numeric: true },
          { header: 'Meaning', cell: (a) => escapeHtml(a.description ?? '') },
        ]),
    )
    .join('');
}
