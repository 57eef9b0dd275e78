import {
  agreementLabel,
  assessorAnswersText,
  assessorsNote,
  BENCHMARK_CONTEXT_LEGEND,
  benchmarkContextNote,
  benchmarkFigure,
  benchmarkOrigin,
  ceilingNote,
  coverageLine,
  currentEvidenceLine,
  evidenceAgesLine,
  formatPercent,
  formatScore,
  inheritanceLine,
  inheritedNote,
  levelLabel,
  metricAmount,
  reportTerms,
  responsesLine,
  STATE_LABELS,
  STATE_TONES,
  termHeading,
  termWord,
  thresholdLabel,
  validityNote,
} from '../text';
import { formatAge } from '../../text/age';
import type { ScoringMethod } from '../../format/types';
import type { AssessmentSection, ReportCriterion, ReportDimension, ReportModel, ReportRubric } from '../../report/model';
import { barLegend, barList, meter, radarChart, type ChartScale } from './charts';
import { badge, card, evidenceHtml, groupedTable, prose, section, stateBadge, table } from './common';
import { anchorId, escapeHtml, sourceAttrs } from './escape';
import { OffsetTemplates } from './offsetTemplates';

export function assessmentHtml(model: ReportModel, a: AssessmentSection): string {
  const rubric = model.rubric;
  const terms = reportTerms(model);
  const numbers = new Map(a.dimensions.map((d, i) => [d.id, i + 1]));
  const parts = [
    a.inherits ? `<p class="inherits">${escapeHtml(inheritanceLine(a.inherits))}</p>` : '',
    a.scored ? scoreCards(a, rubric, terms.dimension) : '',
    a.summary ? section('summary', 'Summary', prose(a.summary)) : '',
    a.responses ? section('assessors', 'Assessors', assessorsHtml(a, terms.criterion)) : '',
    a.scored && rubric ? section('overview', `${terms.dimension} scores`, charts(a, rubric, numbers, terms.dimension)) : '',
    section('dimensions', `${terms.dimension} table`, groupTables(a, numbers, terms)),
    a.responses ? section('disagreements', 'Where assessors differ', disagreementsHtml(a)) : '',
    section('evidence-age', 'Evidence age', evidenceAgeHtml(a)),
    section('details', `${terms.dimension} details`, dimensionArticles(a, numbers, terms, rubric?.method)),
    section('metrics', 'Metrics and benchmarks', metricsTable(a)),
    section('exemptions', 'Exemptions and not-applicable items', exemptionsHtml(a, terms.criterion)),
  ];
  return parts.join('');
}

function scoreCards(a: AssessmentSection, rubric: ReportRubric | undefined, dimensionTerm: string): string {
  const o = a.overall;
  if (!o) return '';
  const max = rubric?.maxLevel;
  const coverage = coverageLine(o, dimensionTerm);
  const cards = [
    card(
      'Overall score',
      `${escapeHtml(formatScore(o.score))}${max !== undefined ? ` <small>of ${max}</small>` : ''}`,
      [
        escapeHtml(`Level ${levelLabel(o.level, o.levelName)}`),
        ...(o.target !== undefined ? [escapeHtml(`Target ${formatScore(o.target)}, gap ${formatScore(o.gap ?? 0)}`)] : []),
        ...(coverage ? [`<strong class="coverage">${escapeHtml(coverage)}</strong>`] : []),
      ],
      coverage ? 'warn' : undefined,
    ),
  ];
  const threshold = thresholdLabel(rubric);
  if (threshold) {
    cards.push(
      card('Threshold', o.thresholdReached ? '<span class="verdict tone-good">✓ Reached</span>' : '<span class="verdict tone-bad">✗ Not reached</span>', [
        escapeHtml(threshold.charAt(0).toUpperCase() + threshold.slice(1)),
        escapeHtml(`${o.dimensionsAtThreshold} of ${o.dimensionsTotal} ${termWord(dimensionTerm, o.dimensionsTotal)} at or over it`),
      ]),
    );
  }
  const evidence = a.evidenceCoverage;
  if (evidence) {
    const label = evidence.required === 0 ? 'No positive answer needs evidence' : `${evidence.provided} of ${evidence.required} positive answers that need evidence have it`;
    const current = currentEvidenceLine(evidence);
    cards.push(
      card('Evidence coverage', escapeHtml(evidence.required === 0 ? '–' : formatPercent(evidence.ratio)), [
        escapeHtml(label),
        ...(evidence.required > 0 ? [meter(evidence.ratio ?? 0, label)] : []),
        ...(current ? [escapeHtml(current.charAt(0).toUpperCase() + current.slice(1)), meter(evidence.currentRatio ?? 0, current)] : []),
      ]),
    );
  }
  const ages = a.evidenceAges;
  if (ages) {
    cards.push(
      card(
        'Evidence age',
        ages.medianDays !== undefined ? `${escapeHtml(formatAge(Math.round(ages.medianDays)))} <small>median</small>` : '–',
        [escapeHtml(evidenceAgesLine(ages, false)), ...(a.evidenceValidFor ? [escapeHtml(capitalize(validityNote(a.evidenceValidFor)))] : [])],
        ages.stale ? 'warn' : undefined,
      ),
    );
  }
  cards.push(
    card('Assessed', escapeHtml(a.date), [
      escapeHtml(`${a.subject.organization}${a.subject.unit ? `, ${a.subject.unit}` : ''}`),
      ...(a.assessors.length ? [escapeHtml(`By ${a.assessors.map((p) => p.name).join(', ')}`)] : []),
    ]),
  );
  const assessors = a.assessors.some((p) => p.role) ? `<p class="muted">Assessors: ${escapeHtml(a.assessors.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; '))}</p>` : '';
  return `<div class="cards">${cards.join('')}</div>\n${a.subject.scope ? `<p class="muted">Scope: ${escapeHtml(a.subject.scope)}</p>` : ''}${assessors}`;
}

function scaleOf(rubric: ReportRubric): ChartScale {
  return { min: rubric.minLevel, max: rubric.maxLevel, ...(rubric.threshold ? { threshold: rubric.threshold.level } : {}) };
}

function charts(a: AssessmentSection, rubric: ReportRubric, numbers: Map<string, number>, dimensionTerm: string): string {
  const scale = scaleOf(rubric);
  const rows = a.dimensions.map((d) => ({
    number: numbers.get(d.id) ?? 0,
    title: d.title,
    ...(d.score !== undefined ? { value: d.score } : {}),
    ...(d.target !== undefined ? { target: d.target } : {}),
    caption: barCaption(d),
    ...(d.sourceOffset !== undefined ? { sourceOffset: d.sourceOffset } : {}),
    tone: STATE_TONES[d.state],
  }));
  const bars =
    barList('gap-bars', rows, scale) +
    barLegend({ value: 'Current score', target: a.dimensions.some((d) => d.target !== undefined), ...(rubric.threshold ? { threshold: `Threshold (level ${rubric.threshold.level})` } : {}) });
  // A radar needs three axes to enclose an area; with fewer (or too many), the bars say it all. Dimensions
  // without a score stay off the radar (a spoke at zero would read as "level zero").
  const scored = a.dimensions.filter((d) => d.score !== undefined);
  if (scored.length < 3 || scored.length > MAX_RADAR_AXES) return `<div class="charts-bars">${bars}</div>`;
  const radar = radarChart(
    'radar',
    scored.map((d) => ({ number: numbers.get(d.id) ?? 0, title: d.title, ...(d.score !== undefined ? { score: d.score } : {}), ...(d.target !== undefined ? { target: d.target } : {}) })),
    scale,
    dimensionTerm,
  );
  return `<div class="charts"><figure class="radar-figure">${radar}<figcaption class="legend">${radarLegend(a, rubric)}</figcaption></figure><div>${bars}</div></div>`;
}

/** Beyond this many axes a radar's labels crowd each other out; the bars alone read better. */
const MAX_RADAR_AXES = 16;

function radarLegend(a: AssessmentSection, rubric: ReportRubric): string {
  const item = (svg: string, text: string) => `<span class="legend-item">${svg}${escapeHtml(text)}</span>`;
  const marks = [item('<svg width="16" height="10" aria-hidden="true"><rect class="radar-current" x="1" y="1" width="14" height="8"/></svg>', 'Current')];
  if (a.dimensions.some((d) => d.target !== undefined)) marks.push(item('<svg width="16" height="10" aria-hidden="true"><line class="radar-target" x1="0" x2="16" y1="5" y2="5"/></svg>', 'Target'));
  if (rubric.threshold) marks.push(item('<svg width="16" height="10" aria-hidden="true"><line class="radar-threshold" x1="0" x2="16" y1="5" y2="5"/></svg>', `Threshold (level ${rubric.threshold.level})`));
  return marks.join('');
}

function barCaption(d: ReportDimension): string {
  if (d.status !== 'scored') return STATE_LABELS[d.state];
  const target = d.target !== undefined ? ` → target ${d.target}` : '';
  const gap = d.gap !== undefined && d.gap > 0 ? ` (gap ${formatScore(d.gap)})` : '';
  return `${formatScore(d.score)}${target}${gap}`;
}

function groupTables(a: AssessmentSection, numbers: Map<string, number>, terms: { group: string; dimension: string }): string {
  const byId = new Map(a.dimensions.map((d) => [d.id, d]));
  const groups = a.groups.map((g) => ({
    ...(g.title
      ? {
          heading: `${g.id ? `${escapeHtml(terms.group)}: ` : ''}${escapeHtml(g.title)}${g.score !== undefined ? ` <span class="group-score">score ${escapeHtml(formatScore(g.score))}${g.target !== undefined ? `, target ${escapeHtml(formatScore(g.target))}` : ''}</span>` : ''}`,
        }
      : {}),
    rows: g.dimensions.map((id) => byId.get(id)).filter((d): d is ReportDimension => d !== undefined),
  }));
  return groupedTable(groups, [
    { header: '#', cell: (d) => String(numbers.get(d.id) ?? ''), numeric: true, optional: true },
    { header: terms.dimension, cell: (d) => `<a href="#${anchorId('dim', d.id)}">${escapeHtml(d.title)}</a>` },
    { header: 'Score', cell: (d) => escapeHtml(formatScore(d.score)), numeric: true },
    { header: 'Level', cell: (d) => levelCell(d.level, d.levelName) },
    { header: 'Target', cell: (d) => escapeHtml(d.target !== undefined ? String(d.target) : '–'), numeric: true },
    { header: 'Gap', cell: (d) => escapeHtml(d.gap !== undefined ? formatScore(d.gap) : '–'), numeric: true, optional: true },
    { header: 'Status', cell: (d) => stateBadge(d.state) },
    // With several assessors: on how many criteria two or more answered they agree.
    ...(a.responses ? [{ header: 'Assessors agree', cell: (d: ReportDimension) => agreementCell(d), numeric: true, optional: true }] : []),
  ]);
}

function agreementCell(d: ReportDimension): string {
  const x = d.agreement;
  if (!x) return '–';
  const text = escapeHtml(`${x.agreed} of ${x.compared}`);
  return x.agreed < x.compared ? `<span class="chip chip-warn">${text}</span>` : text;
}

/** Who answered and when, under which rule, and how far they agree. */
function assessorsHtml(a: AssessmentSection, criterionTerm: string): string {
  const r = a.responses!;
  const line = responsesLine(r, criterionTerm);
  return (
    `<p>${escapeHtml(capitalize(line))}.</p>` +
    table(r.assessors, [
      { header: 'Assessor', cell: (x) => escapeHtml(x.name ?? x.id) },
      { header: 'Role', cell: (x) => escapeHtml(x.role ?? ''), optional: true },
      { header: 'Answered on', cell: (x) => escapeHtml(x.date ?? '–') },
      { header: 'Answers', cell: (x) => escapeHtml(String(x.answers)), numeric: true },
    ])
  );
}

/** Criteria the assessors answer apart: every answer with its rationale, and what was scored. */
function disagreementsHtml(a: AssessmentSection): string {
  const items = a.dimensions.flatMap((d) =>
    d.criteria.flatMap((c) => {
      const x = c.assessors;
      if (!x || x.agree) return [];
      const answers = x.answers
        .map((y) => `<li${sourceAttrs(y.sourceOffset)}><strong>${escapeHtml(y.name ?? y.assessor)}</strong>: ${escapeHtml(y.answer)}${y.note ? prose(y.note, 'muted') : ''}</li>`)
        .join('');
      const scored = c.answer !== undefined ? `scored: ${c.answer}` : 'no answer scored';
      return [`<li${sourceAttrs(c.sourceOffset)}>${criterionText(c)} <span class="muted">${escapeHtml(d.title)}</span><span class="chip chip-warn">${escapeHtml(assessorsNote(x) ?? '')}</span><span class="chip">${escapeHtml(scored)}</span><ul class="item-list">${answers}</ul></li>`];
    }),
  );
  return items.length ? `<ul class="item-list">${items.join('')}</ul>` : '';
}

/** The level number, with its name dropped when the panel is narrow. */
function levelCell(level: number | undefined, name: string | undefined): string {
  if (level === undefined) return '–';
  return name ? `${level}<span class="hide-narrow"> · ${escapeHtml(name)}</span>` : String(level);
}

function answerText(c: ReportCriterion): string {
  if (c.status === 'not-applicable') return 'not applicable';
  if (c.status === 'exempt') return 'exempt';
  return c.answer ?? 'not answered';
}

function criterionItem(c: ReportCriterion): string {
  const chips = [
    `<span class="chip">L${c.level}</span>`,
    `<span class="chip">${escapeHtml(answerText(c))}</span>`,
    c.evidenceMissing ? '<span class="chip chip-warn">evidence missing</span>' : '',
    staleChip(c),
    waitsFor(c),
    c.inheritedFrom !== undefined ? `<span class="chip">${escapeHtml(inheritedNote(c.inheritedFrom) as string)}</span>` : '',
    assessorsChip(c),
  ].join('');
  const evidence = c.evidence.length ? ` <span class="muted">Evidence:</span> ${c.evidence.map(evidenceHtml).join(', ')}` : '';
  return `<li${sourceAttrs(c.sourceOffset)}>${criterionText(c)}${chips}${evidence}${c.note ? prose(c.note, 'muted') : ''}</li>`;
}

/** The criterion's title, when it has one, before its text. */
function criterionText(c: ReportCriterion): string {
  return c.title ? `<strong>${escapeHtml(c.title)}</strong>: ${escapeHtml(c.text)}` : escapeHtml(c.text);
}

/** Where assessors differ on a criterion, or it was settled: a chip saying so. */
function assessorsChip(c: ReportCriterion): string {
  const x = c.assessors;
  const note = x && assessorsNote(x);
  return x && note ? `<span class="chip${x.agree ? '' : ' chip-warn'}">${escapeHtml(note)}</span>` : '';
}

/** The chip, and each assessor's answer. */
function assessorsCell(c: ReportCriterion): string {
  const chip = assessorsChip(c);
  return chip ? `${chip}<p class="muted">${escapeHtml(assessorAnswersText(c.assessors!))}</p>` : '';
}

/** A chip for an answer whose evidence is all stale, saying whether that cost it its credit. */
function staleChip(c: ReportCriterion): string {
  if (c.withdrawnCredit !== undefined) return '<span class="chip chip-warn">evidence stale: no credit</span>';
  return c.evidenceFreshness === 'stale' ? '<span class="chip chip-warn">evidence stale</span>' : '';
}

/** A chip naming the unmet criteria a credited criterion depends on, and one (advice, not a warning) naming its related criteria not met. */
function waitsFor(c: ReportCriterion): string {
  const depends = c.blockedBy?.length ? `<span class="chip chip-warn">${escapeHtml(`depends on ${c.blockedBy.join(', ')}, not met`)}</span>` : '';
  const related = c.relatedNotMet?.length ? `<span class="chip">${escapeHtml(`related, not met: ${c.relatedNotMet.join(', ')}`)}</span>` : '';
  return depends + related;
}

/** Each sub-group's score, as facts under the dimension's own. */
function subgroupFacts(d: ReportDimension, subgroupTerm: string): string {
  if (!d.subgroups?.length) return '';
  const items = d.subgroups.map((s) => `<li>${escapeHtml(s.title)} <strong>${escapeHtml(formatScore(s.score))}</strong></li>`).join('');
  return `<h4>${escapeHtml(termHeading(subgroupTerm))}</h4><ul class="facts">${items}</ul>`;
}

/**
 * Each dimension's article, rendered again only when its content changed (offsetTemplates.ts): the
 * bulk of a large report, and a keystroke changes one of them.
 */
const ARTICLES = new OffsetTemplates<ReportDimension>(2_000);

function dimensionArticles(a: AssessmentSection, numbers: ReadonlyMap<string, number>, terms: { readonly criterion: string; readonly subgroup: string; readonly dimension: string }, method: ScoringMethod | undefined): string {
  const context = JSON.stringify([terms.criterion, terms.subgroup, terms.dimension, method ?? null]);
  return a.dimensions
    .map((d) => {
      const number = numbers.get(d.id) ?? 0;
      return ARTICLES.render(d, `${number} ${context}`, (x) => dimensionArticle(x, number, terms, method));
    })
    .join('');
}

function dimensionArticle(d: ReportDimension, number: number, terms: { readonly criterion: string; readonly subgroup: string; readonly dimension: string }, method: ScoringMethod | undefined): string {
  const criterionTerm = terms.criterion;
  const facts = [
    d.score !== undefined ? `<li>Score <strong>${escapeHtml(formatScore(d.score))}</strong></li>` : '',
    d.level !== undefined ? `<li>Level <strong>${escapeHtml(levelLabel(d.level, d.levelName))}</strong></li>` : '',
    d.target !== undefined ? `<li>Target <strong>${escapeHtml(levelLabel(d.target, d.targetLevelName))}</strong></li>` : '',
    d.gap !== undefined ? `<li>Gap <strong>${escapeHtml(formatScore(d.gap))}</strong></li>` : '',
    d.weight !== 1 ? `<li>Weight <strong>${escapeHtml(String(d.weight))}</strong></li>` : '',
    d.inheritedFrom !== undefined ? `<li>${escapeHtml(`Taken whole: ${inheritedNote(d.inheritedFrom) as string}`)}</li>` : '',
    d.levelInheritedFrom !== undefined ? `<li>${escapeHtml(`Level ${inheritedNote(d.levelInheritedFrom) as string}`)}</li>` : '',
    d.agreement ? `<li>Assessors <strong>${escapeHtml(agreementLabel(d.agreement))}</strong></li>` : '',
  ].join('');
  const state =
    d.state === 'exempt' && d.exemption
      ? stateBadge(d.state, `until ${d.exemption.expires}`)
      : stateBadge(d.state);
  const descriptor = d.descriptor
    ? `<p class="descriptor"><span class="descriptor-label">${escapeHtml(`At level ${levelLabel(d.level, d.levelName)}`)}</span>${escapeHtml(d.descriptor)}</p>`
    : '';
  const next = d.nextDescriptor
    ? `<p class="descriptor descriptor-next"><span class="descriptor-label">${escapeHtml(`Next: level ${levelLabel(d.nextLevel, d.nextLevelName)}`)}</span>${escapeHtml(d.nextDescriptor)}</p>`
    : d.ceiling !== undefined && method
      ? `<p class="descriptor descriptor-next"><span class="descriptor-label">No next level</span>${escapeHtml(ceilingNote({ ceiling: d.ceiling, criteria: d.criteria }, method, terms))}</p>`
      : '';
  const blockers = d.blockers.length
    ? `<h4>${escapeHtml(`What blocks level ${levelLabel(d.nextLevel, d.nextLevelName)}`)} (${d.blockers.length})</h4><ul class="item-list">${d.blockers.map(criterionItem).join('')}</ul>`
    : '';
  const why = [
    d.notApplicable !== undefined ? `<p><strong>Not applicable:</strong> ${escapeHtml(d.notApplicable)}</p>` : '',
    d.exemption
      ? `<p><strong>${d.exemption.expired ? 'Expired exemption' : 'Exempt'}:</strong> ${escapeHtml(d.exemption.reason)} <span class="muted">${escapeHtml(`(approved by ${d.exemption.approver}, ${d.exemption.expired ? 'expired' : 'expires'} ${d.exemption.expires})`)}</span></p>`
      : '',
  ].join('');
  const evidence = d.evidence.length ? `<h4>Evidence</h4><ul class="item-list">${d.evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('')}</ul>` : '';
  const notes = d.notes ? `<h4>Notes</h4>${prose(d.notes)}` : '';
  const criteria = d.criteria.length
    ? `<details id="${anchorId('criteria', d.id)}"><summary>${escapeHtml(`${termHeading(criterionTerm)} (${d.criteria.length})`)}</summary>` +
      table(d.criteria, [
        { header: criterionTerm, cell: (c) => criterionText(c) + waitsFor(c) + (c.note ? prose(c.note, 'muted') : '') },
        { header: 'Level', cell: (c) => String(c.level), numeric: true },
        { header: 'Answer', cell: (c) => escapeHtml(answerText(c)) + (c.evidenceMissing ? '<span class="chip chip-warn">evidence missing</span>' : '') + staleChip(c) + assessorsCell(c) },
        { header: 'Credit', cell: (c) => escapeHtml(formatScore(c.credit)), numeric: true, optional: true },
      ]) +
      `</details>`
    : '';
  const metrics = d.metrics.length ? `<h4>Metrics</h4>${metricRows(d.metrics)}` : '';
  return (
    `<article class="dimension" id="${anchorId('dim', d.id)}" aria-labelledby="${anchorId('dim', d.id)}-h">` +
    `<div class="dimension-head"${sourceAttrs(d.sourceOffset)}><h3 id="${anchorId('dim', d.id)}-h">${number}. ${escapeHtml(d.title)}</h3>${state}</div>` +
    `<ul class="facts">${facts}</ul>${subgroupFacts(d, terms.subgroup)}${why}${descriptor}${next}${blockers}${evidence}${notes}${metrics}${criteria}</article>\n`
  );
}

type MetricRow = ReportDimension['metrics'][number] & { readonly dimension?: string };

/** Metrics with their benchmarks (a verdict or context); with `dimension` set, each row also names its dimension. */
function metricRows(metrics: readonly MetricRow[]): string {
  const rows = table(metrics, [
    {
      header: 'Metric',
      cell: (m) =>
        escapeHtml(m.name) +
        (m.dimension ? ` <span class="muted">${escapeHtml(m.dimension)}</span>` : '') +
        (m.note ? prose(m.note, 'muted') : '') +
        (m.benchmark?.role === 'context' ? `<p class="muted">${escapeHtml(benchmarkContextNote(m.benchmark))}</p>` : ''),
    },
    { header: 'Value', cell: (m) => escapeHtml(metricAmount(m.value, m.unit)), numeric: true },
    { header: 'Benchmark', cell: (m) => escapeHtml(m.benchmark ? benchmarkFigure(m.benchmark, m.benchmark.role, m.unit, m.higherIsBetter) : '–'), numeric: true },
    {
      header: 'Result',
      cell: (m) => (m.benchmark?.role === 'context' ? badge('Context') : m.meetsBenchmark === undefined ? '<span class="muted">–</span>' : m.meetsBenchmark ? badge('Meets', 'good') : badge('Below', 'bad')),
    },
    { header: 'Source', cell: (m) => escapeHtml(m.benchmark ? benchmarkOrigin(m.benchmark) : ''), optional: true },
  ]);
  return rows && metrics.some((m) => m.benchmark?.role === 'context') ? `${rows}<p class="muted">${escapeHtml(BENCHMARK_CONTEXT_LEGEND)}</p>` : rows;
}

function metricsTable(a: AssessmentSection): string {
  return metricRows(a.dimensions.flatMap((d) => d.metrics.map((m) => ({ ...m, dimension: d.title }))));
}

/** How old the evidence behind the score is, and each stale entry with where it is; nothing when no evidence is dated and no validity is set. */
function evidenceAgeHtml(a: AssessmentSection): string {
  const ages = a.evidenceAges;
  if (!ages) return '';
  const line = `${evidenceAgesLine(ages)}${a.evidenceValidFor ? `; ${validityNote(a.evidenceValidFor)}` : ''}.`;
  const stale = a.dimensions.flatMap((d) => [
    ...d.evidence.filter((e) => e.stale).map((e) => `<li>${evidenceHtml(e)} <strong>${escapeHtml(d.title)}</strong></li>`),
    ...d.criteria.flatMap((c) =>
      c.evidence
        .filter((e) => e.stale)
        .map((e) => `<li${sourceAttrs(c.sourceOffset)}>${evidenceHtml(e)} ${criterionText(c)} <span class="muted">${escapeHtml(d.title)}</span>${c.withdrawnCredit !== undefined ? staleChip(c) : ''}</li>`),
    ),
  ]);
  return `<p>${escapeHtml(capitalize(line))}</p>${stale.length ? `<h3>Stale evidence</h3><ul class="item-list">${stale.join('')}</ul>` : ''}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function exemptionsHtml(a: AssessmentSection, criterionTerm: string): string {
  const item = (x: { dimensionTitle: string; criterionText?: string }) =>
    x.criterionText ? `${escapeHtml(x.criterionText)} <span class="muted">${escapeHtml(`${criterionTerm} of ${x.dimensionTitle}`)}</span>` : `<strong>${escapeHtml(x.dimensionTitle)}</strong>`;
  const exemptions = table(
    a.exemptions,
    [
      { header: 'Item', cell: item },
      { header: 'Reason', cell: (x) => escapeHtml(x.reason) },
      { header: 'Approver', cell: (x) => escapeHtml(x.approver) },
      { header: 'Expires', cell: (x) => `${escapeHtml(x.expires)}${x.expired ? ` ${badge('Expired', 'bad')}` : ''}` },
    ],
    'Exemptions',
  );
  const na = table(
    a.notApplicable,
    [
      { header: 'Item', cell: item },
      { header: 'Reason', cell: (x) => escapeHtml(x.reason) },
    ],
    'Not applicable',
  );
  return exemptions + na;
}
