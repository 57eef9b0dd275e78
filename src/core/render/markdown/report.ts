import type { InitiativeStatus } from '../../format/types';
import { baseName } from '../../resolve/uris';
import { formatPercent, formatScore, levelLabel, monthYear, plural, pluralTitle, sentence, STATE_LABELS, STATUS_LABELS, thresholdLabel } from '../text';
import { escapeHtml } from '../html/escape';
import { mdBlock, mdCode, mdTable, mdText } from './escape';
import type { AssessmentSection, DimensionState, PlanSection, ReportCriterion, ReportLink, ReportModel, ReportRubric, RubricOverview } from '../../report/model';

/**
 * The report as GitHub-flavoured Markdown: for pull-request comments, CI job summaries and
 * files kept next to the YAML. Plain user text is escaped; Markdown free text is kept but defused.
 */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [`# ${mdText(model.title)}`, intro(model)];
  for (const notice of model.notices) out.push(`> [!WARNING]\n> ${mdText(notice)}`);
  const errorsFirst = model.problems.counts.error > 0;
  if (errorsFirst) out.push(problems(model));
  if (model.assessment) out.push(assessment(model, model.assessment));
  if (model.plan) out.push(plan(model, model.plan));
  if (model.overview && model.rubric) out.push(rubricOverview(model.rubric, model.overview));
  if (!errorsFirst) out.push(problems(model));
  return `${out.filter((s) => s.trim() !== '').join('\n\n')}\n`;
}

export const STATE_EMOJI: Readonly<Record<DimensionState, string>> = {
  'on-target': '✅',
  'at-threshold': '✅',
  'below-target': '🟡',
  'below-threshold': '🔴',
  scored: '⚪',
  'not-applicable': '⚪',
  exempt: '⚪',
  'not-assessed': '⚪',
  'not-rated': '⚪',
};

function rubricName(r: ReportRubric): string {
  return `**${mdText(r.title)}** ${mdText(r.version)}${r.builtin ? ' (built in)' : ''}`;
}

function intro(model: ReportModel): string {
  const r = model.rubric;
  const a = model.assessment;
  const p = model.plan;
  if (model.kind === 'Assessment' && a) {
    const who = `**${mdText(a.subject.organization)}**${a.subject.unit ? ` (${mdText(a.subject.unit)})` : ''}`;
    const assessors = a.assessors.length ? ` Assessed by ${a.assessors.map((x) => mdText(x.role ? `${x.name} (${x.role})` : x.name)).join(', ')}.` : '';
    const scope = a.subject.scope ? ` Scope: ${mdText(sentence(a.subject.scope))}` : '';
    return `*Assessment* of ${who} on ${mdText(a.date)}${r ? ` against ${rubricName(r)}, scored by the ${mdCode(r.method)} method` : ''}.${assessors}${scope}`;
  }
  if (model.kind === 'Plan' && p) {
    const owner = p.owner ? ` Owner: ${mdText(p.owner)}.` : '';
    return `*Plan* from ${mdText(p.horizon.start)} to ${mdText(p.horizon.end)} (${p.horizon.months} months)${r ? ` against ${rubricName(r)}` : ''}.${owner}`;
  }
  if (model.kind === 'Rubric' && r) {
    const threshold = r.threshold ? `, threshold ${mdText(thresholdLabel(r) ?? '')}` : '';
    return `*Rubric* ${mdCode(r.id)} version ${mdText(r.version)}: levels ${r.minLevel} to ${r.maxLevel}${threshold}, scored by the ${mdCode(r.method)} method.`;
  }
  return `*${model.kind === 'Unknown' ? 'Document' : model.kind}* ${model.source.documentIndex + 1} of ${model.source.documentCount} in ${mdCode(baseName(model.source.uri) || model.source.uri)}.`;
}

function score(value: number | undefined, max: number | undefined): string {
  return `**${formatScore(value)}**${max !== undefined && value !== undefined ? ` of ${max}` : ''}`;
}

function link(l: ReportLink): string {
  if (!l.safe) return `${l.title ? `${mdText(l.title)} ` : ''}${mdCode(l.url)} (not a web link)`;
  // Characters that would end the link destination early are percent-encoded.
  return `[${mdText(l.title ?? l.url)}](${l.url.replace(/[\s()<>"\\]/g, (c) => encodeURIComponent(c))})`;
}

function assessment(model: ReportModel, a: AssessmentSection): string {
  const r = model.rubric;
  const terms = r?.terms ?? { group: 'Group', dimension: 'Dimension', criterion: 'Criterion' };
  const out: string[] = [];
  const o = a.overall;
  if (a.scored && o) {
    const threshold = thresholdLabel(r);
    const coverage = a.evidenceCoverage;
    const headers = ['Overall score', 'Level'];
    const cells = [`${score(o.score, r?.maxLevel)}${o.target !== undefined ? ` (target ${formatScore(o.target)})` : ''}`, mdText(levelLabel(o.level, o.levelName))];
    if (threshold) {
      headers.push('Threshold', `${pluralTitle(terms.dimension)} at threshold`);
      cells.push(`${o.thresholdReached ? '✅ reached' : '❌ not reached'}: ${mdText(threshold)}`, `${o.dimensionsAtThreshold} of ${o.dimensionsTotal}`);
    }
    if (coverage) {
      headers.push('Evidence coverage');
      cells.push(coverage.required === 0 ? 'nothing requires evidence' : `${formatPercent(coverage.ratio)} (${coverage.provided} of ${coverage.required})`);
    }
    out.push(mdTable(headers.map(mdText), [cells]));
  }
  if (a.summary) out.push(`## Summary\n\n${mdBlock(a.summary)}`);

  const byId = new Map(a.dimensions.map((d) => [d.id, d]));
  const tables = a.groups.map((g) => {
    const rows = g.dimensions.flatMap((id) => {
      const d = byId.get(id);
      if (!d) return [];
      const status = d.state === 'exempt' && d.exemption ? `${STATE_LABELS[d.state]} until ${d.exemption.expires}` : STATE_LABELS[d.state];
      return [[mdText(d.title), formatScore(d.score), mdText(levelLabel(d.level, d.levelName)), d.target !== undefined ? String(d.target) : '–', d.gap !== undefined ? formatScore(d.gap) : '–', `${STATE_EMOJI[d.state]} ${status}`]];
    });
    const heading = g.title ? `### ${g.id ? `${mdText(terms.group)}: ` : ''}${mdText(g.title)}${g.score !== undefined ? ` · score ${formatScore(g.score)}${g.target !== undefined ? `, target ${formatScore(g.target)}` : ''}` : ''}\n\n` : '';
    return heading + mdTable([mdText(terms.dimension), 'Score', 'Level', 'Target', 'Gap', 'Status'], rows, ['left', 'right', 'left', 'right', 'right', 'left']);
  });
  if (tables.length) out.push(`## ${mdText(terms.dimension)} scores\n\n${tables.join('\n\n')}`);

  const blocked = a.dimensions.filter((d) => d.blockers.length > 0);
  if (blocked.length) {
    const MAX_PER_DIMENSION = 8;
    const parts = blocked.map((d) => {
      const shown = d.blockers.slice(0, MAX_PER_DIMENSION).map((c) => `- ${criterionLine(c)}`);
      if (d.blockers.length > MAX_PER_DIMENSION) shown.push(`- … and ${d.blockers.length - MAX_PER_DIMENSION} more`);
      return `**${mdText(d.title)}**: level ${mdText(levelLabel(d.level, d.levelName))} → ${mdText(levelLabel(d.nextLevel, d.nextLevelName))}\n\n${shown.join('\n')}`;
    });
    out.push(`## What blocks the next level\n\n${parts.join('\n\n')}`);
  }

  const metrics = a.dimensions.flatMap((d) => d.metrics.map((m) => ({ d, m })));
  if (metrics.length) {
    const value = (v: number | undefined, unit?: string) => (v === undefined ? '–' : mdText(unit ? `${v} ${unit}` : String(v)));
    out.push(
      `## Metrics against benchmarks\n\n${mdTable(
        ['Metric', mdText(terms.dimension), 'Value', 'Benchmark', 'Result', 'Source'],
        metrics.map(({ d, m }) => [
          mdText(m.name),
          mdText(d.title),
          value(m.value, m.unit),
          m.benchmark ? `${m.higherIsBetter ? '≥' : '≤'} ${value(m.benchmark.value, m.unit)}` : '–',
          m.meetsBenchmark === undefined ? '–' : m.meetsBenchmark ? '✅ meets' : '🔴 below',
          mdText(m.benchmark?.source ?? ''),
        ]),
        ['left', 'left', 'right', 'right', 'left', 'left'],
      )}`,
    );
  }

  const item = (x: { dimensionTitle: string; criterionText?: string }) => (x.criterionText ? `${mdText(x.criterionText)} (${mdText(x.dimensionTitle)})` : `**${mdText(x.dimensionTitle)}**`);
  if (a.exemptions.length) {
    out.push(
      `## Exemptions\n\n${mdTable(
        ['Item', 'Reason', 'Approver', 'Expires'],
        a.exemptions.map((x) => [item(x), mdText(x.reason), mdText(x.approver), `${mdText(x.expires)}${x.expired ? ' ⚠️ expired' : ''}`]),
      )}`,
    );
  }
  if (a.notApplicable.length) out.push(`## Not applicable\n\n${mdTable(['Item', 'Reason'], a.notApplicable.map((x) => [item(x), mdText(x.reason)]))}`);

  const withNotes = a.dimensions.filter((d) => d.notes || d.evidence.length);
  if (withNotes.length) {
    const body = withNotes
      .map((d) => [`### ${mdText(d.title)}`, d.notes ? mdBlock(d.notes) : '', d.evidence.length ? `Evidence: ${d.evidence.map(link).join(', ')}` : ''].filter(Boolean).join('\n\n'))
      .join('\n\n');
    out.push(`## Notes and evidence\n\n<details><summary>${escapeHtml(`${withNotes.length} ${plural(terms.dimension, withNotes.length)} with notes or evidence`)}</summary>\n\n${body}\n\n</details>`);
  }
  return out.join('\n\n');
}

function criterionLine(c: ReportCriterion): string {
  const answer = c.status === 'not-applicable' ? 'not applicable' : c.status === 'exempt' ? 'exempt' : c.answer ?? 'not answered';
  const extra = c.evidenceMissing ? ', evidence missing' : '';
  return `${mdText(c.text)} (level ${c.level}; answer: *${mdText(answer)}*${extra})`;
}

function timeBar(start: number, end: number, width = 20): string {
  const from = Math.min(width - 1, Math.floor(start * width));
  const to = Math.max(from + 1, Math.ceil(end * width));
  return `\`${'·'.repeat(from)}${'█'.repeat(to - from)}${'·'.repeat(Math.max(0, width - to))}\``;
}

function plan(model: ReportModel, p: PlanSection): string {
  const r = model.rubric;
  const terms = r?.terms ?? { group: 'Group', dimension: 'Dimension', criterion: 'Criterion' };
  const out: string[] = [];
  const statusLine =
    (Object.keys(p.statusCounts) as InitiativeStatus[])
      .filter((s) => p.statusCounts[s] > 0)
      .map((s) => `${p.statusCounts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
      .join(', ') || 'none';
  const headers = ['Horizon', 'Initiatives'];
  const cells = [`${monthYear(p.horizon.start)} – ${monthYear(p.horizon.end)} (${p.horizon.months} months)`, `${p.initiatives.length}: ${statusLine}`];
  if (p.atThreshold && r?.threshold) {
    headers.push(`${pluralTitle(terms.dimension)} at threshold`);
    cells.push(`${p.atThreshold.baseline} → **${p.atThreshold.projected}** of ${p.atThreshold.total} at ${mdText(thresholdLabel(r) ?? '')}`);
  }
  if (p.baseline) {
    headers.push('Baseline');
    const b = p.baseline;
    cells.push(`${b.assessmentId ? mdCode(b.assessmentId) : mdCode(b.reference)}${b.date ? ` (${mdText(b.date)})` : ''}${b.overallScore !== undefined ? `: ${formatScore(b.overallScore)}, level ${mdText(levelLabel(b.overallLevel, b.levelName))}` : ''}`);
  }
  out.push(mdTable(headers.map(mdText), [cells]));
  if (p.description) out.push(`## Vision and benefits\n\n${mdBlock(p.description)}`);

  if (p.initiatives.length) {
    const sorted = [...p.initiatives].sort((x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end));
    out.push(
      `## Timeline\n\n${mdTable(
        ['Initiative', 'Value stream', 'Status', 'Start', 'End', 'Timeline', 'Moves'],
        sorted.map((i) => [
          mdText(i.title),
          mdText(i.valueStreamTitle ?? '–'),
          STATUS_LABELS[i.status],
          mdText(i.start),
          mdText(i.end),
          timeBar(i.startFraction, i.endFraction),
          i.moves.map((m) => mdText(`${m.dimensionTitle} ${m.from !== undefined ? `${m.from}→` : '→'}${m.to}`)).join('<br>') || '–',
        ]),
      )}`,
    );
  }

  if (p.dimensions.length) {
    const titles = new Map(p.initiatives.map((i) => [i.id, i.title]));
    out.push(
      `## Projection per ${mdText(terms.dimension.toLowerCase())}\n\n${mdTable(
        [mdText(terms.dimension), 'Baseline', 'Projected', 'Target', 'Status', 'Initiatives'],
        p.dimensions.map((d) => [
          mdText(d.title),
          mdText(levelLabel(d.baseline, d.baselineLevelName)),
          mdText(levelLabel(d.projected, d.projectedLevelName)),
          d.target !== undefined ? String(d.target) : '–',
          d.shortOfTarget
            ? '🔴 short of target'
            : d.target !== undefined && d.projected !== undefined && d.projected >= d.target
              ? '✅ reaches target'
              : d.thresholdReached === true
                ? '✅ at threshold'
                : d.thresholdReached === false
                  ? '🟡 below threshold'
                  : '–',
          d.initiatives.map((id) => mdText(titles.get(id) ?? id)).join(', ') || '–',
        ]),
        ['left', 'left', 'left', 'right', 'left', 'left'],
      )}`,
    );
  }
  if (p.legacySystems.length) {
    out.push(`## Legacy systems\n\n${mdTable(['System', 'Disposition', 'Initiative', 'Note'], p.legacySystems.map((s) => [mdText(s.name), mdText(s.disposition), mdText(s.initiativeTitle), mdText(s.note ?? '')]))}`);
  }
  if (p.risks.length) {
    out.push(
      `## Risks\n\n${mdTable(
        ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Initiative'],
        p.risks.map((x) => [mdText(x.description), x.likelihood ?? '–', x.impact ?? '–', mdText(x.mitigation ?? ''), mdText(x.initiativeTitle)]),
      )}`,
    );
  }
  if (p.kpis.length) {
    const value = (v: number | undefined, unit?: string) => (v === undefined ? '–' : mdText(unit ? `${v} ${unit}` : String(v)));
    out.push(
      `## Measures of success\n\n${mdTable(
        ['Measure', 'Baseline', 'Target', 'Initiative'],
        p.kpis.map((k) => [mdText(k.name), value(k.baseline, k.unit), `${k.higherIsBetter ? '≥' : '≤'} ${value(k.target, k.unit)}`, mdText(k.initiativeTitle)]),
        ['left', 'right', 'right', 'left'],
      )}`,
    );
  }
  return out.join('\n\n');
}

function rubricOverview(r: ReportRubric, o: RubricOverview): string {
  const t = r.terms;
  const out: string[] = [];
  if (o.description) out.push(mdBlock(o.description));
  out.push(`## Levels\n\n${mdTable(['Level', 'Name', 'Description'], r.levels.map((l) => [String(l.level), `**${mdText(l.name)}**${r.threshold?.level === l.level ? ' (threshold)' : ''}`, mdText(l.description ?? '')]), ['right', 'left', 'left'])}`);
  const byId = new Map(o.dimensions.map((d) => [d.id, d]));
  const levels = r.levels.map((l) => l.level);
  const matrix = o.groups.map((g) => {
    const heading = g.title ? `### ${g.id ? `${mdText(t.group)}: ` : ''}${mdText(g.title)}\n\n` : '';
    const rows = g.dimensions.flatMap((id) => {
      const d = byId.get(id);
      if (!d) return [];
      return [[mdText(d.title), ...levels.map((level) => String(d.criteriaByLevel.find((c) => c.level === level)?.count ?? 0)), String(d.criteriaCount), String(d.metrics.length)]];
    });
    return heading + mdTable([mdText(t.dimension), ...levels.map((l) => `L${l}`), 'Total', 'Metrics'], rows, ['left', ...levels.map(() => 'right' as const), 'right', 'right']);
  });
  out.push(`## ${mdText(plural(t.criterion).replace(/^./, (c) => c.toUpperCase()))} per level\n\n${matrix.join('\n\n')}`);
  const details = o.dimensions.map((d) => {
    const parts = [`### ${mdText(d.title)} (${mdCode(d.id)})`];
    if (d.description) parts.push(mdBlock(d.description));
    if (d.descriptors.length) parts.push(d.descriptors.map((x) => `- **${mdText(levelLabel(x.level, x.levelName))}**: ${mdText(x.text)}`).join('\n'));
    if (d.metrics.length) {
      parts.push(
        mdTable(
          ['Metric', 'Unit', 'Better', 'Benchmark', 'Source'],
          d.metrics.map((m) => [mdText(m.name), mdText(m.unit ?? ''), m.higherIsBetter ? 'higher' : 'lower', m.benchmark ? String(m.benchmark.value) : '–', mdText(m.benchmark?.source ?? '')]),
        ),
      );
    }
    return parts.join('\n\n');
  });
  out.push(`## ${mdText(t.dimension)} details\n\n${details.join('\n\n')}`);
  out.push(
    `## Answer scales\n\n${o.answerScales
      .map((s) => `**${mdText(s.id)}**${s.id === o.defaultAnswerScale ? ' (default)' : ''}: ${s.answers.map((a) => `${mdCode(a.value)} = ${formatScore(a.credit)}`).join(', ')}`)
      .join('\n\n')}`,
  );
  if (o.references.length) out.push(`## Sources\n\n${o.references.map((x) => `- ${x.link ? link(x.link) : mdText(x.title)}`).join('\n')}`);
  return out.join('\n\n');
}

function problems(model: ReportModel): string {
  const { counts, total, shown } = model.problems;
  if (total === 0) return '';
  const icon = { error: '❌', warning: '⚠️', information: 'ℹ️' } as const;
  const table = mdTable(
    ['', 'Line', 'Problem', 'Code'],
    shown.map((p) => [icon[p.severity], `${p.line}:${p.column}`, mdText(p.message), mdCode(p.code)]),
    ['center', 'right', 'left', 'left'],
  );
  const more = total > shown.length ? `\n\nShowing the first ${shown.length} of ${total}.` : '';
  return `## Problems\n\n${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} note${counts.information === 1 ? '' : 's'}.\n\n${table}${more}`;
}
