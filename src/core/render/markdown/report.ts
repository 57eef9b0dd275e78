import type { InitiativeStatus } from '../../format/types';
import { baseName } from '../../resolve/uris';
import {
  assessorAnswersText,
  assessorsNote,
  BENCHMARK_CONTEXT_LEGEND,
  ceilingNote,
  coverageLine,
  currentEvidenceLine,
  evidenceAgesLine,
  evidenceDateNote,
  benchmarkContextNote,
  benchmarkFigure,
  benchmarkOrigin,
  formatPercent,
  formatScore,
  inheritanceLine,
  inheritedNote,
  levelLabel,
  metricAmount,
  monthYear,
  reportTerms,
  responsesLine,
  sentence,
  STATE_LABELS,
  STATUS_LABELS,
  termHeading,
  termWord,
  thresholdLabel,
  validityNote,
} from '../text';
import { markdownBlock, markdownCode, markdownHtml, markdownLink, markdownTable, markdownText } from './escape';
import type { AssessmentSection, DimensionState, PlanSection, ReportBenchmark, ReportCriterion, ReportLink, ReportModel, ReportRubric, RubricOverview } from '../../report/model';

/**
 * The report as GitHub-flavoured Markdown: for pull-request comments, CI job summaries and
 * files kept next to the YAML. Plain user text is escaped; Markdown free text is kept but defused.
 */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [`# ${markdownText(model.title)}`, intro(model)];
  for (const notice of model.notices) out.push(`> [!WARNING]\n> ${markdownText(notice)}`);
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
  return `**${markdownText(r.title)}** ${markdownText(r.version)}${r.builtin ? ' (built in)' : ''}`;
}

function intro(model: ReportModel): string {
  const r = model.rubric;
  const a = model.assessment;
  const p = model.plan;
  if (model.kind === 'Assessment' && a) {
    const who = `**${markdownText(a.subject.organization)}**${a.subject.unit ? ` (${markdownText(a.subject.unit)})` : ''}`;
    const assessors = a.assessors.length ? ` Assessed by ${a.assessors.map((x) => markdownText(x.role ? `${x.name} (${x.role})` : x.name)).join(', ')}.` : '';
    const scope = a.subject.scope ? ` Scope: ${markdownText(sentence(a.subject.scope))}` : '';
    const inherits = a.inherits ? ` ${markdownText(inheritanceLine(a.inherits))}` : '';
    return `*Assessment* of ${who} on ${markdownText(a.date)}${r ? ` against ${rubricName(r)}, scored by the ${markdownCode(r.method)} method` : ''}.${assessors}${scope}${inherits}`;
  }
  if (model.kind === 'Plan' && p) {
    const owner = p.owner ? ` Owner: ${markdownText(p.owner)}.` : '';
    return `*Plan* from ${markdownText(p.horizon.start)} to ${markdownText(p.horizon.end)} (${p.horizon.months} months)${r ? ` against ${rubricName(r)}` : ''}.${owner}`;
  }
  if (model.kind === 'Rubric' && r) {
    const threshold = r.threshold ? `, threshold ${markdownText(thresholdLabel(r) ?? '')}` : '';
    return `*Rubric* ${markdownCode(r.id)} version ${markdownText(r.version)}: levels ${r.minLevel} to ${r.maxLevel}${threshold}, scored by the ${markdownCode(r.method)} method.`;
  }
  return `*${model.kind === 'Unknown' ? 'Document' : model.kind}* ${model.source.documentIndex + 1} of ${model.source.documentCount} in ${markdownCode(baseName(model.source.uri) || model.source.uri)}.`;
}

function score(value: number | undefined, max: number | undefined): string {
  return `**${formatScore(value)}**${max !== undefined && value !== undefined ? ` of ${max}` : ''}`;
}

function link(l: ReportLink): string {
  if (!l.safe) return `${l.title ? `${markdownText(l.title)} ` : ''}${markdownCode(l.url)} (not a web link)`;
  return markdownLink(l.title ?? l.url, l.url);
}

function assessment(model: ReportModel, a: AssessmentSection): string {
  const r = model.rubric;
  const terms = reportTerms(model);
  const out: string[] = [];
  const o = a.overall;
  if (a.scored && o) {
    const threshold = thresholdLabel(r);
    const coverage = a.evidenceCoverage;
    const headers = ['Overall score', 'Level'];
    const partial = coverageLine(o, terms.dimension);
    const cells = [`${score(o.score, r?.maxLevel)}${o.target !== undefined ? ` (target ${formatScore(o.target)})` : ''}${partial ? `<br>⚠️ *${markdownText(partial)}*` : ''}`, markdownText(levelLabel(o.level, o.levelName))];
    if (threshold) {
      headers.push('Threshold', `${termHeading(terms.dimension)} at threshold`);
      cells.push(`${o.thresholdReached ? '✅ reached' : '❌ not reached'}: ${markdownText(threshold)}`, `${o.dimensionsAtThreshold} of ${o.dimensionsTotal}`);
    }
    if (coverage) {
      headers.push('Evidence coverage');
      const current = currentEvidenceLine(coverage);
      cells.push(coverage.required === 0 ? 'nothing requires evidence' : `${formatPercent(coverage.ratio)} (${coverage.provided} of ${coverage.required})${current ? `<br>${markdownText(current)}` : ''}`);
    }
    if (a.evidenceAges) {
      headers.push('Evidence age');
      cells.push(markdownText(evidenceAgesLine(a.evidenceAges)));
    }
    out.push(markdownTable(headers.map((h) => markdownText(h)), [cells]));
  }
  if (a.summary) out.push(`## Summary\n\n${markdownBlock(a.summary)}`);
  if (a.responses) out.push(assessorsSection(a, terms.criterion));

  const byId = new Map(a.dimensions.map((d) => [d.id, d]));
  // With several assessors, each dimension's agreement is a column of its own.
  const agreement = a.responses !== undefined;
  const tables = a.groups.map((g) => {
    const rows = g.dimensions.flatMap((id) => {
      const d = byId.get(id);
      if (!d) return [];
      const status = d.state === 'exempt' && d.exemption ? `${STATE_LABELS[d.state]} until ${markdownText(d.exemption.expires)}` : STATE_LABELS[d.state];
      const inherited = inheritedNote(d.inheritedFrom ?? d.levelInheritedFrom);
      const row = [`${markdownText(d.title)}${inherited ? ` (${markdownText(d.inheritedFrom ? inherited : `level ${inherited}`)})` : ''}`, formatScore(d.score), markdownText(levelLabel(d.level, d.levelName)), d.target !== undefined ? String(d.target) : '–', d.gap !== undefined ? formatScore(d.gap) : '–', `${STATE_EMOJI[d.state]} ${status}`];
      if (agreement) row.push(d.agreement ? `${d.agreement.agreed} of ${d.agreement.compared}${d.agreement.agreed < d.agreement.compared ? ' ⚠️' : ''}` : '–');
      return [row];
    });
    const heading = g.title ? `### ${g.id ? `${markdownText(terms.group)}: ` : ''}${markdownText(g.title)}${g.score !== undefined ? ` · score ${formatScore(g.score)}${g.target !== undefined ? `, target ${formatScore(g.target)}` : ''}` : ''}\n\n` : '';
    const headers = [markdownText(terms.dimension), 'Score', 'Level', 'Target', 'Gap', 'Status', ...(agreement ? ['Assessors agree'] : [])];
    return heading + markdownTable(headers, rows, ['left', 'right', 'left', 'right', 'right', 'left', ...(agreement ? (['right'] as const) : [])]);
  });
  if (tables.length) out.push(`## ${markdownText(terms.dimension)} scores\n\n${tables.join('\n\n')}`);
  if (a.responses) {
    const differ = disagreementsSection(a, terms.criterion);
    if (differ) out.push(differ);
  }

  const withSubgroups = a.dimensions.filter((d) => d.subgroups?.length);
  if (withSubgroups.length) {
    const lines = withSubgroups.map((d) => `- **${markdownText(d.title)}**: ${(d.subgroups ?? []).map((s) => `${markdownText(s.title)} ${formatScore(s.score)}`).join(' · ')}`);
    out.push(`## ${markdownText(terms.subgroup)} scores\n\n${lines.join('\n')}`);
  }

  const blocked = a.dimensions.filter((d) => d.blockers.length > 0);
  const capped = r ? a.dimensions.filter((d) => d.ceiling !== undefined) : [];
  if (blocked.length || capped.length) {
    const MAX_PER_DIMENSION = 8;
    const parts = blocked.map((d) => {
      const shown = d.blockers.slice(0, MAX_PER_DIMENSION).map((c) => `- ${criterionLine(c)}`);
      if (d.blockers.length > MAX_PER_DIMENSION) shown.push(`- … and ${d.blockers.length - MAX_PER_DIMENSION} more`);
      return `**${markdownText(d.title)}**: level ${markdownText(levelLabel(d.level, d.levelName))} → ${markdownText(levelLabel(d.nextLevel, d.nextLevelName))}\n\n${shown.join('\n')}`;
    });
    // Below the top of the scale with no next level: the method caps the dimension; say so rather than leave a reader looking for blockers.
    for (const d of capped) parts.push(`**${markdownText(d.title)}**: level ${markdownText(levelLabel(d.level, d.levelName))}, no next level. ${markdownText(ceilingNote({ ceiling: d.ceiling as number, criteria: d.criteria }, (r as ReportRubric).method, terms))}`);
    out.push(`## What blocks the next level\n\n${parts.join('\n\n')}`);
  }

  const metrics = a.dimensions.flatMap((d) => d.metrics.map((m) => ({ d, m })));
  if (metrics.length) {
    const context = metrics.some(({ m }) => m.benchmark?.role === 'context');
    out.push(
      `## Metrics and benchmarks\n\n${markdownTable(
        ['Metric', markdownText(terms.dimension), 'Value', 'Benchmark', 'Result', 'Source'],
        metrics.map(({ d, m }) => [
          markdownText(m.name),
          markdownText(d.title),
          markdownText(metricAmount(m.value, m.unit)),
          m.benchmark ? markdownText(benchmarkFigure(m.benchmark, m.benchmark.role, m.unit, m.higherIsBetter)) : '–',
          m.benchmark?.role === 'context' ? 'ℹ️ context' : m.meetsBenchmark === undefined ? '–' : m.meetsBenchmark ? '✅ meets' : '🔴 below',
          m.benchmark ? benchmarkSourceCell(m.benchmark) : '',
        ]),
        ['left', 'left', 'right', 'right', 'left', 'left'],
      )}${context ? `\n\n${markdownText(BENCHMARK_CONTEXT_LEGEND)}` : ''}`,
    );
  }

  const item = (x: { dimensionTitle: string; criterionText?: string }) => (x.criterionText ? `${markdownText(x.criterionText)} (${markdownText(x.dimensionTitle)})` : `**${markdownText(x.dimensionTitle)}**`);
  if (a.exemptions.length) {
    out.push(
      `## Exemptions\n\n${markdownTable(
        ['Item', 'Reason', 'Approver', 'Expires'],
        a.exemptions.map((x) => [item(x), markdownText(x.reason), markdownText(x.approver), `${markdownText(x.expires)}${x.expired ? ' ⚠️ expired' : ''}`]),
      )}`,
    );
  }
  if (a.notApplicable.length) out.push(`## Not applicable\n\n${markdownTable(['Item', 'Reason'], a.notApplicable.map((x) => [item(x), markdownText(x.reason)]))}`);

  const dated = evidenceSection(a);
  if (dated) out.push(dated);

  const withNotes = a.dimensions.filter((d) => d.notes || d.evidence.length);
  if (withNotes.length) {
    const body = withNotes
      .map((d) => [`### ${markdownText(d.title)}`, d.notes ? markdownBlock(d.notes) : '', d.evidence.length ? `Evidence: ${d.evidence.map(datedLink).join(', ')}` : ''].filter(Boolean).join('\n\n'))
      .join('\n\n');
    out.push(`## Notes and evidence\n\n<details><summary>${markdownHtml(`${withNotes.length} ${termWord(terms.dimension, withNotes.length)} with notes or evidence`)}</summary>\n\n${body}\n\n</details>`);
  }
  return out.join('\n\n');
}

/** Who answered and when, under which rule, and how far they agree. */
function assessorsSection(a: AssessmentSection, criterionTerm: string): string {
  const r = a.responses!;
  const rows = r.assessors.map((x) => [markdownText(x.name ?? x.id), markdownText(x.role ?? ''), markdownText(x.date ?? '–'), String(x.answers)]);
  return `## Assessors\n\n${markdownText(capitalized(responsesLine(r, criterionTerm)))}.\n\n${markdownTable(['Assessor', 'Role', 'Answered on', 'Answers'], rows, ['left', 'left', 'left', 'right'])}`;
}

/** Criteria the assessors answer apart, each with every answer, the rationales given and what was scored. */
function disagreementsSection(a: AssessmentSection, criterionTerm: string): string {
  const lines: string[] = [];
  for (const d of a.dimensions) {
    for (const c of d.criteria) {
      const x = c.assessors;
      if (!x || x.agree) continue;
      const scored = c.answer !== undefined ? `scored *${markdownText(c.answer)}*` : 'no answer scored';
      const why = x.answers.filter((y) => y.note).map((y) => `  - ${markdownText(y.name ?? y.assessor)}: ${markdownText(sentence(y.note as string))}`);
      lines.push(`- **${markdownText(d.title)}** · ${markdownText(c.title ?? c.text)} **Answers:** ${markdownText(assessorAnswersText(x))} (${markdownText(assessorsNote(x) ?? '')}; ${scored})${why.length ? `\n${why.join('\n')}` : ''}`);
    }
  }
  return lines.length ? `## Where assessors differ\n\n${lines.length} ${termWord(criterionTerm, lines.length)} answered a step or more apart:\n\n${lines.join('\n')}` : '';
}

/** Where a benchmark comes from and, for a context figure, what it measured. */
function benchmarkSourceCell(b: ReportBenchmark): string {
  const origin = markdownText(benchmarkOrigin(b));
  return b.role === 'context' ? `${origin}${origin ? '<br>' : ''}*${markdownText(benchmarkContextNote(b))}*` : origin;
}

/** An evidence link with its date and age, when it has a date. */
function datedLink(l: ReportLink): string {
  const note = evidenceDateNote(l);
  return note ? `${link(l)} (${markdownText(note)}${l.stale ? ' ⚠️' : ''})` : link(l);
}

/** How old the evidence is: the validity, and each stale entry with where it is; nothing when no evidence is dated and no validity is set. */
function evidenceSection(a: AssessmentSection): string {
  const ages = a.evidenceAges;
  if (!ages) return '';
  const lines = [`${markdownText(capitalized(evidenceAgesLine(ages)))}${a.evidenceValidFor ? `; ${markdownText(validityNote(a.evidenceValidFor))}` : ''}.`];
  const stale = a.dimensions.flatMap((d) => [
    ...d.evidence.filter((e) => e.stale).map((e) => `- ${datedLink(e)}: **${markdownText(d.title)}**`),
    ...d.criteria.flatMap((c) => c.evidence.filter((e) => e.stale).map((e) => `- ${datedLink(e)}: ${markdownText(c.text)} (${markdownText(d.title)})${c.withdrawnCredit !== undefined ? ' — *earns no credit while its evidence is stale*' : ''}`)),
  ]);
  const MAX_STALE = 20;
  if (stale.length) lines.push(`Stale evidence:\n\n${stale.slice(0, MAX_STALE).join('\n')}${stale.length > MAX_STALE ? `\n- … and ${stale.length - MAX_STALE} more` : ''}`);
  return `## Evidence age\n\n${lines.join('\n\n')}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function criterionLine(c: ReportCriterion): string {
  const answer = c.status === 'not-applicable' ? 'not applicable' : c.status === 'exempt' ? 'exempt' : c.answer ?? 'not answered';
  const inherited = inheritedNote(c.inheritedFrom);
  const extra = `${c.evidenceMissing ? ', evidence missing' : ''}${c.withdrawnCredit !== undefined ? ', evidence stale: no credit' : c.evidenceFreshness === 'stale' ? ', evidence stale' : ''}${c.blockedBy?.length ? `, depends on ${c.blockedBy.map(markdownCode).join(', ')}, not met` : ''}${c.relatedNotMet?.length ? `; related, not met: ${c.relatedNotMet.map(markdownCode).join(', ')}` : ''}${inherited ? `, ${markdownText(inherited)}` : ''}`;
  return `${c.title ? `**${markdownText(c.title)}**: ` : ''}${markdownText(c.text)} (level ${c.level}; answer: *${markdownText(answer)}*${extra})`;
}

function timeBar(start: number, end: number, width = 20): string {
  const from = Math.min(width - 1, Math.floor(start * width));
  const to = Math.max(from + 1, Math.ceil(end * width));
  return `\`${'·'.repeat(from)}${'█'.repeat(to - from)}${'·'.repeat(Math.max(0, width - to))}\``;
}

function plan(model: ReportModel, p: PlanSection): string {
  const r = model.rubric;
  const terms = reportTerms(model);
  const out: string[] = [];
  const statusLine =
    (Object.keys(p.statusCounts) as InitiativeStatus[])
      .filter((s) => p.statusCounts[s] > 0)
      .map((s) => `${p.statusCounts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
      .join(', ') || 'none';
  const headers = ['Horizon', 'Initiatives'];
  const cells = [`${markdownText(`${monthYear(p.horizon.start)} – ${monthYear(p.horizon.end)}`)} (${p.horizon.months} months)`, `${p.initiatives.length}: ${statusLine}`];
  if (p.atThreshold && r?.threshold) {
    headers.push(`${termHeading(terms.dimension)} at threshold`);
    cells.push(`${p.atThreshold.baseline} → **${p.atThreshold.projected}** of ${p.atThreshold.total} at ${markdownText(thresholdLabel(r) ?? '')}`);
  }
  if (p.baseline) {
    headers.push('Baseline');
    const b = p.baseline;
    cells.push(`${b.assessmentId ? markdownCode(b.assessmentId) : markdownCode(b.reference)}${b.date ? ` (${markdownText(b.date)})` : ''}${b.overallScore !== undefined ? `: ${formatScore(b.overallScore)}, level ${markdownText(levelLabel(b.overallLevel, b.levelName))}` : ''}`);
  }
  out.push(markdownTable(headers.map((h) => markdownText(h)), [cells]));
  if (p.description) out.push(`## Vision and benefits\n\n${markdownBlock(p.description)}`);

  if (p.initiatives.length) {
    const sorted = [...p.initiatives].sort((x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end));
    out.push(
      `## Timeline\n\n${markdownTable(
        ['Initiative', 'Value stream', 'Status', 'Start', 'End', 'Timeline', 'Moves'],
        sorted.map((i) => [
          markdownText(i.title),
          markdownText(i.valueStreamTitle ?? '–'),
          STATUS_LABELS[i.status],
          markdownText(i.start),
          markdownText(i.end),
          timeBar(i.startFraction, i.endFraction),
          i.moves.map((m) => markdownText(`${m.dimensionTitle} ${m.from !== undefined ? `${m.from}→` : '→'}${m.to}`)).join('<br>') || '–',
        ]),
      )}`,
    );
  }

  if (p.dimensions.length) {
    const titles = new Map(p.initiatives.map((i) => [i.id, i.title]));
    out.push(
      `## Projection per ${markdownText(terms.dimension.toLowerCase())}\n\n${markdownTable(
        [markdownText(terms.dimension), 'Baseline', 'Projected', 'Target', 'Status', 'Initiatives'],
        p.dimensions.map((d) => [
          markdownText(d.title),
          markdownText(levelLabel(d.baseline, d.baselineLevelName)),
          markdownText(levelLabel(d.projected, d.projectedLevelName)),
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
          d.initiatives.map((id) => markdownText(titles.get(id) ?? id)).join(', ') || '–',
        ]),
        ['left', 'left', 'left', 'right', 'left', 'left'],
      )}`,
    );
  }
  if (p.legacySystems.length) {
    out.push(`## Legacy systems\n\n${markdownTable(['System', 'Disposition', 'Initiative', 'Note'], p.legacySystems.map((s) => [markdownText(s.name), markdownText(s.disposition), markdownText(s.initiativeTitle), markdownText(s.note ?? '')]))}`);
  }
  if (p.risks.length) {
    out.push(
      `## Risks\n\n${markdownTable(
        ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Initiative'],
        p.risks.map((x) => [markdownText(x.description), x.likelihood ?? '–', x.impact ?? '–', markdownText(x.mitigation ?? ''), markdownText(x.initiativeTitle)]),
      )}`,
    );
  }
  if (p.kpis.length) {
    const value = (v: number | undefined, unit?: string) => (v === undefined ? '–' : markdownText(unit ? `${v} ${unit}` : String(v)));
    out.push(
      `## Measures of success\n\n${markdownTable(
        ['Measure', 'Baseline', 'Target', 'Initiative'],
        p.kpis.map((k) => [markdownText(k.name), value(k.baseline, k.unit), `${k.higherIsBetter ? '≥' : '≤'} ${value(k.target, k.unit)}`, markdownText(k.initiativeTitle)]),
        ['left', 'right', 'right', 'left'],
      )}`,
    );
  }
  return out.join('\n\n');
}

function rubricOverview(r: ReportRubric, o: RubricOverview): string {
  const t = r.terms;
  const out: string[] = [];
  if (o.description) out.push(markdownBlock(o.description));
  out.push(`## Levels\n\n${markdownTable(['Level', 'Name', 'Description'], r.levels.map((l) => [String(l.level), `${l.name ? `**${markdownText(l.name)}**` : ''}${r.threshold?.level === l.level ? ' (threshold)' : ''}`, markdownText(l.description ?? '')]), ['right', 'left', 'left'])}`);
  const byId = new Map(o.dimensions.map((d) => [d.id, d]));
  const levels = r.levels.map((l) => l.level);
  const matrix = o.groups.map((g) => {
    const heading = g.title ? `### ${g.id ? `${markdownText(t.group)}: ` : ''}${markdownText(g.title)}\n\n` : '';
    const rows = g.dimensions.flatMap((id) => {
      const d = byId.get(id);
      if (!d) return [];
      return [[markdownText(d.title), ...levels.map((level) => String(d.criteriaByLevel.find((c) => c.level === level)?.count ?? 0)), String(d.criteriaCount), String(d.metrics.length)]];
    });
    return heading + markdownTable([markdownText(t.dimension), ...levels.map((l) => `L${l}`), 'Total', 'Metrics'], rows, ['left', ...levels.map(() => 'right' as const), 'right', 'right']);
  });
  out.push(`## ${markdownText(termHeading(t.criterion))} per level\n\n${matrix.join('\n\n')}`);
  const details = o.dimensions.map((d) => {
    const parts = [`### ${markdownText(d.title)} (${markdownCode(d.id)})`];
    if (d.description) parts.push(markdownBlock(d.description));
    if (d.subgroups?.length) parts.push(`${markdownText(termHeading(t.subgroup))}: ${d.subgroups.map((s) => `${markdownText(s.title)} (${s.criteriaCount} ${markdownText(termWord(t.criterion, s.criteriaCount))})`).join(', ')}`);
    if (d.descriptors.length) parts.push(d.descriptors.map((x) => `- **${markdownText(levelLabel(x.level, x.levelName))}**: ${markdownText(x.text)}`).join('\n'));
    if (d.metrics.length) {
      parts.push(
        markdownTable(
          ['Metric', 'Unit', 'Better', 'Benchmark', 'Source'],
          d.metrics.map((m) => [
            markdownText(m.name),
            markdownText(m.unit ?? ''),
            m.higherIsBetter ? 'higher' : 'lower',
            m.benchmark ? `${markdownText(String(m.benchmark.value))}${m.benchmark.role === 'context' ? ' (context)' : ''}` : '–',
            m.benchmark ? benchmarkSourceCell(m.benchmark) : '',
          ]),
        ),
      );
    }
    return parts.join('\n\n');
  });
  out.push(`## ${markdownText(t.dimension)} details\n\n${details.join('\n\n')}`);
  out.push(
    `## Answer scales\n\n${o.answerScales
      .map((s) => `**${markdownText(s.id)}**${s.id === o.defaultAnswerScale ? ' (default)' : ''}: ${s.answers.map((a) => `${markdownCode(a.value)} = ${formatScore(a.credit)}`).join(', ')}`)
      .join('\n\n')}`,
  );
  if (o.references.length) out.push(`## Sources\n\n${o.references.map((x) => `- ${x.link ? link(x.link) : markdownText(x.title)}`).join('\n')}`);
  return out.join('\n\n');
}

function problems(model: ReportModel): string {
  const { counts, total, shown } = model.problems;
  if (total === 0) return '';
  const icon = { error: '❌', warning: '⚠️', information: 'ℹ️' } as const;
  const table = markdownTable(
    ['', 'Line', 'Problem', 'Code'],
    shown.map((p) => [icon[p.severity], `${p.line}:${p.column}`, markdownText(p.message), markdownCode(p.code)]),
    ['center', 'right', 'left', 'left'],
  );
  const more = total > shown.length ? `\n\nShowing the first ${shown.length} of ${total}.` : '';
  return `## Problems\n\n${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} note${counts.information === 1 ? '' : 's'}.\n\n${table}${more}`;
}
