import { countOf } from '../../text/plural';
import { historyPath, historyRenames, pointCoverage, pointEvidenceAge, previousOverall, type ScoreHistory } from '../../review/history';
import { formatScore } from '../text';
import { arrow } from './diff';
import { markdownCode, markdownTable, markdownText } from './escape';
import { mermaidXyChart } from './mermaid';

/**
 * A score history as Markdown: a line chart of the overall score (Mermaid, which GitHub draws),
 * then a table with a row per point: when, who, the overall score with its move from the point
 * before, and each dimension's score.
 */
export function renderHistoryMarkdown(history: ScoreHistory): string {
  const file = historyPath(history);
  const out = [`## ${markdownText(history.title)}${file !== undefined ? ` (${markdownCode(file)})` : ''}: scores ${history.by === 'commit' ? 'across the commits' : 'by assessment date'}`];
  if (history.rubric) out.push(`Scored against ${markdownText(history.rubric.title)} (${markdownCode(history.rubric.id)}), levels ${history.rubric.minLevel} to ${history.rubric.maxLevel}${history.rubric.threshold !== undefined ? `, threshold at level ${history.rubric.threshold}` : ''}.`);
  const renames = historyRenames(history).map((r) => `Renamed from ${markdownCode(r.from)}${r.commit ? ` in ${markdownCode(r.commit.slice(0, 12))}` : ' in the working tree'}.`);
  if (renames.length) out.push(renames.join(' '));
  if (history.points.length === 0) {
    out.push('No version of it holds an assessment.');
    return `${out.join('\n\n')}\n`;
  }
  const scored = history.points.filter((p) => p.overall !== undefined);
  if (scored.length >= 2 && history.rubric) {
    out.push(
      mermaidXyChart({
        title: 'Overall score',
        categories: scored.map(label),
        yLabel: 'score',
        min: history.rubric.minLevel,
        max: history.rubric.maxLevel,
        lines: [scored.map((p) => p.overall as number)],
      }),
    );
  }
  // Evidence age over time, when any version dated its evidence.
  const ages = history.points.some((p) => p.evidence);
  const headers = [history.by === 'commit' ? 'Commit' : 'Date', ...(history.by === 'commit' ? ['Date', 'Author'] : ['File']), 'Overall', ...(ages ? ['Evidence age'] : []), ...history.dimensions.map((d) => markdownText(d.title))];
  const previous = previousOverall(history.points);
  const rows = history.points.map((p, i) => {
    const move = arrow(previous[i], p.overall);
    const partial = pointCoverage(p);
    const overall = `${formatScore(p.overall)}${move ? ` (${move})` : ''}${partial ? `, ${partial}` : ''}${p.errors > 0 ? ` ❌ ${countOf(p.errors, 'error')}` : ''}`;
    const when = history.by === 'commit' ? [p.commit ? markdownCode(p.commit.slice(0, 12)) : 'working tree', markdownText(p.date), markdownText(p.author ?? '')] : [markdownText(p.date), markdownCode(p.path)];
    return [...when, overall, ...(ages ? [markdownText(pointEvidenceAge(p) ?? '–')] : []), ...history.dimensions.map((d) => formatScore(p.dimensions[d.id]))];
  });
  const when = history.by === 'commit' ? 3 : 2;
  out.push(markdownTable(headers, rows, headers.map((_, i) => (i < when || (ages && i === when + 1) ? 'left' : 'right'))));
  return `${out.join('\n\n')}\n`;
}

/** A point's label on a chart's axis. */
export function label(p: ScoreHistory['points'][number]): string {
  return p.commit ? `${p.date} ${p.commit.slice(0, 7)}` : p.date;
}
