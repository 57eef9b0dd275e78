import { DISPOSITION_LABELS, formatScore, levelLabel, monthYear, reportTerms, STATUS_LABELS, termWord } from '../text';
import type { PlanSection, ReportInitiative, ReportModel, ReportPlannedDimension } from '../../report/model';
import type { InitiativeStatus } from '../../format/types';
import { barLegend, barList, statusLegend, timeline, type ChartScale, type TimelineLane } from './charts';
import { badge, card, prose, section, table } from './common';
import { anchorId, escapeHtml, sourceAttrs } from './escape';

const STATUS_TONES: Readonly<Record<InitiativeStatus, 'good' | 'warn' | 'bad' | 'neutral'>> = {
  proposed: 'neutral',
  planned: 'neutral',
  'in-progress': 'neutral',
  done: 'good',
  'on-hold': 'warn',
  cancelled: 'bad',
};

export function planHtml(model: ReportModel, p: PlanSection): string {
  const terms = reportTerms(model);
  return [
    planCards(model, p, terms.dimension),
    p.description ? section('vision', 'Vision and benefits', prose(p.description)) : '',
    section('timeline', 'Timeline', timelineHtml(p)),
    section('projection', `Where each ${terms.dimension.toLowerCase()} ends up`, projectionHtml(model, p)),
    section('initiatives', 'Initiatives', p.initiatives.map((i) => initiativeArticle(i, p)).join('')),
    section('legacy', 'Legacy systems', legacyHtml(p)),
    section('risks', 'Risks', risksHtml(p)),
    section('kpis', 'Measures of success', kpisHtml(p)),
  ].join('');
}

function planCards(model: ReportModel, p: PlanSection, dimensionTerm: string): string {
  const active = p.initiatives.filter((i) => i.status !== 'cancelled').length;
  const statusLine = (Object.keys(p.statusCounts) as InitiativeStatus[])
    .filter((s) => p.statusCounts[s] > 0)
    .map((s) => `${p.statusCounts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
  const cards = [
    card('Horizon', escapeHtml(`${p.horizon.months} months`), [escapeHtml(`${monthYear(p.horizon.start)} – ${monthYear(p.horizon.end)}`), escapeHtml(`${p.horizon.start} to ${p.horizon.end}`)]),
    card('Initiatives', `${active} <small>active of ${p.initiatives.length}</small>`, [escapeHtml(statusLine || 'None yet')]),
  ];
  if (p.atThreshold && model.rubric?.threshold) {
    const t = p.atThreshold;
    cards.push(
      card('At threshold', `${t.baseline} → ${t.projected} <small>of ${t.total}</small>`, [
        escapeHtml(`${termWord(dimensionTerm, t.total)} at or over level ${model.rubric.threshold.level}${model.rubric.threshold.name ? ` (${model.rubric.threshold.name})` : ''}: in the baseline → once delivered`),
      ]),
    );
  }
  if (p.baseline) {
    const b = p.baseline;
    cards.push(
      card('Baseline', escapeHtml(b.overallScore !== undefined ? formatScore(b.overallScore) : '–'), [
        escapeHtml(b.assessmentId ? `${b.assessmentId}${b.date ? `, ${b.date}` : ''}` : b.reference),
        ...(b.overallLevel !== undefined ? [escapeHtml(`Level ${levelLabel(b.overallLevel, b.levelName)}`)] : []),
      ]),
    );
  }
  return `<div class="cards">${cards.join('')}</div>\n${p.owner ? `<p class="muted">Owner: ${escapeHtml(p.owner)}</p>` : ''}`;
}

function timelineHtml(p: PlanSection): string {
  if (p.initiatives.length === 0) return '<p class="muted">No initiatives yet.</p>';
  const row = (i: ReportInitiative) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    statusLabel: STATUS_LABELS[i.status],
    start: i.start,
    end: i.end,
    startFraction: i.startFraction,
    endFraction: i.endFraction,
    ...(i.sourceOffset !== undefined ? { sourceOffset: i.sourceOffset } : {}),
    anchor: anchorId('init', i.id),
  });
  const lanes: TimelineLane[] = p.valueStreams
    .map((v) => ({ title: v.title, rows: p.initiatives.filter((i) => i.valueStream === v.id).map(row) }))
    .filter((l) => l.rows.length > 0);
  const other = p.initiatives.filter((i) => i.valueStream === undefined);
  if (other.length) lanes.push({ title: lanes.length ? 'No value stream' : 'Initiatives', rows: other.map(row) });
  const used = (Object.keys(p.statusCounts) as InitiativeStatus[]).filter((s) => p.statusCounts[s] > 0);
  return timeline(lanes, p.horizon) + statusLegend(used.map((s) => ({ status: s, label: STATUS_LABELS[s] })));
}

function projectionCaption(d: ReportPlannedDimension): string {
  const to = d.projected !== undefined ? String(d.projected) : '–';
  const target = d.target !== undefined ? ` · target ${d.target}` : '';
  const move = d.baseline === undefined ? `to ${to} (no baseline level)` : d.baseline === d.projected ? `stays at ${to}` : `${d.baseline} → ${to}`;
  return `${move}${target}${d.shortOfTarget ? ' · short of target' : ''}`;
}

function projectionHtml(model: ReportModel, p: PlanSection): string {
  if (p.dimensions.length === 0) return '<p class="muted">No projection: the plan\u2019s rubric could not be used.</p>';
  const rubric = model.rubric;
  const values = p.dimensions.flatMap((d) => [d.baseline, d.projected, d.target]).filter((v): v is number => v !== undefined);
  const scale: ChartScale = {
    min: rubric?.minLevel ?? Math.min(0, ...values),
    max: rubric?.maxLevel ?? Math.max(1, ...values),
    ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
  };
  const rows = p.dimensions.map((d) => ({
    title: d.title,
    // Without a baseline level, the whole bar is what the plan claims.
    from: d.baseline ?? scale.min,
    ...(d.projected !== undefined ? { value: d.projected } : {}),
    ...(d.target !== undefined ? { target: d.target } : {}),
    caption: projectionCaption(d),
    tone: d.shortOfTarget ? 'bad' : d.thresholdReached ? 'good' : '',
  }));
  const bars = barList('projection-bars', rows, scale) + barLegend({ value: 'Baseline', gain: 'Gain from the plan', target: p.dimensions.some((d) => d.target !== undefined), ...(p.threshold !== undefined ? { threshold: `Threshold (level ${p.threshold})` } : {}) });
  const byId = new Map(p.initiatives.map((i) => [i.id, i]));
  const detail = table(p.dimensions, [
    { header: model.rubric?.terms.dimension ?? 'Dimension', cell: (d) => escapeHtml(d.title) },
    { header: 'Baseline', cell: (d) => escapeHtml(levelLabel(d.baseline, d.baselineLevelName)) },
    { header: 'Projected', cell: (d) => escapeHtml(levelLabel(d.projected, d.projectedLevelName)) },
    { header: 'Target', cell: (d) => escapeHtml(d.target !== undefined ? String(d.target) : '–'), numeric: true },
    {
      header: 'Status',
      cell: (d) => {
        const status = plannedStatus(d);
        return status ? badge(status.label, status.tone) : '';
      },
    },
    {
      header: 'Initiatives',
      cell: (d) => d.initiatives.map((id) => `<a href="#${anchorId('init', id)}">${escapeHtml(byId.get(id)?.title ?? id)}</a>`).join(', ') || '<span class="muted">none</span>',
      optional: true,
    },
  ]);
  return bars + detail;
}

/** What the plan does for a dimension, in one badge: its target first, then the threshold. */
function plannedStatus(d: ReportPlannedDimension): { label: string; tone: 'good' | 'warn' | 'bad' } | undefined {
  if (d.shortOfTarget) return { label: 'Short of target', tone: 'bad' };
  if (d.target !== undefined && d.projected !== undefined && d.projected >= d.target) return { label: 'Reaches target', tone: 'good' };
  if (d.thresholdReached === true) return { label: 'At threshold', tone: 'good' };
  if (d.thresholdReached === false) return { label: 'Below threshold', tone: 'warn' };
  return undefined;
}

function initiativeArticle(i: ReportInitiative, p: PlanSection): string {
  const titles = new Map(p.initiatives.map((x) => [x.id, x.title]));
  const facts = [
    `<li>${escapeHtml(`${i.start} to ${i.end}`)}</li>`,
    i.owner ? `<li>Owner <strong>${escapeHtml(i.owner)}</strong></li>` : '',
    i.valueStreamTitle ? `<li>Value stream <strong>${escapeHtml(i.valueStreamTitle)}</strong></li>` : '',
  ].join('');
  const moves = i.moves.length
    ? `<ul class="item-list">${i.moves.map((m) => `<li>${escapeHtml(`${m.dimensionTitle}: ${m.from !== undefined ? `${m.from} → ` : 'to '}${m.to}`)}</li>`).join('')}</ul>`
    : '';
  const depends = i.dependsOn.length
    ? `<p><span class="muted">Depends on</span> ${i.dependsOn.map((id) => (titles.has(id) ? `<a href="#${anchorId('init', id)}">${escapeHtml(titles.get(id) as string)}</a>` : escapeHtml(id))).join(', ')}</p>`
    : '';
  return (
    `<article class="initiative" id="${anchorId('init', i.id)}">` +
    `<div class="dimension-head"${sourceAttrs(i.sourceOffset)}><h3>${escapeHtml(i.title)}</h3>${badge(STATUS_LABELS[i.status], STATUS_TONES[i.status])}</div>` +
    `<ul class="facts">${facts}</ul>${prose(i.description)}${moves}${depends}</article>\n`
  );
}

function legacyHtml(p: PlanSection): string {
  return table(p.legacySystems, [
    { header: 'System', cell: (s) => escapeHtml(s.name) },
    { header: 'Disposition', cell: (s) => escapeHtml(DISPOSITION_LABELS[s.disposition]) },
    { header: 'Initiative', cell: (s) => `<a href="#${anchorId('init', s.initiative)}">${escapeHtml(s.initiativeTitle)}</a>` },
    { header: 'Note', cell: (s) => escapeHtml(s.note ?? ''), optional: true },
  ]);
}

const RATING_TONES = { low: 'good', medium: 'warn', high: 'bad' } as const;

function risksHtml(p: PlanSection): string {
  return table(p.risks, [
    { header: 'Risk', cell: (r) => escapeHtml(r.description) },
    { header: 'Likelihood', cell: (r) => (r.likelihood ? badge(r.likelihood, RATING_TONES[r.likelihood]) : '–') },
    { header: 'Impact', cell: (r) => (r.impact ? badge(r.impact, RATING_TONES[r.impact]) : '–') },
    { header: 'Mitigation', cell: (r) => escapeHtml(r.mitigation ?? ''), optional: true },
    { header: 'Initiative', cell: (r) => `<a href="#${anchorId('init', r.initiative)}">${escapeHtml(r.initiativeTitle)}</a>` },
  ]);
}

function kpisHtml(p: PlanSection): string {
  const value = (v: number | undefined, unit: string | undefined) => (v === undefined ? '–' : unit ? `${v} ${unit}` : String(v));
  return table(p.kpis, [
    { header: 'Measure', cell: (k) => escapeHtml(k.name) },
    { header: 'Baseline', cell: (k) => escapeHtml(value(k.baseline, k.unit)), numeric: true },
    { header: 'Target', cell: (k) => escapeHtml(`${k.higherIsBetter ? '≥' : '≤'} ${value(k.target, k.unit)}`), numeric: true },
    { header: 'Initiative', cell: (k) => `<a href="#${anchorId('init', k.initiative)}">${escapeHtml(k.initiativeTitle)}</a>` },
  ]);
}
