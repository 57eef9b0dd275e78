import type { ReportDiff } from '../../report/diff';
import { scoreMoved } from '../../review/explain';
import { formatScore, moveArrow } from '../text';
import { escapeHtml } from './escape';

/**
 * "Since HEAD" at the top of the preview: the overall score and each dimension whose score
 * moved, before → after with an arrow and the delta of the numbers shown, against another
 * version of the same document (the editor's git HEAD, or any branch or commit). Nothing here
 * comes from the renderer's own arithmetic: the diff is the core's (report/diff.ts).
 */
export function changeSection(diff: ReportDiff | undefined, label: string): string {
  const heading = `<h2>Since ${escapeHtml(label)}</h2>`;
  if (!diff) return `<section class="change" id="change">${heading}<p class="muted">${escapeHtml(`This file is not in ${label}: everything in it is new.`)}</p></section>\n`;
  const rows: string[] = [];
  const o = diff.overall;
  if (o && (o.before !== undefined || o.after !== undefined)) rows.push(row('Overall score', o.before, o.after, true));
  for (const d of diff.dimensions) {
    if (d.change === 'unchanged' || !scoreMoved(d.before?.score, d.after?.score)) continue;
    rows.push(row(d.title, d.before?.score, d.after?.score, false));
  }
  const moved = rows.length > (o ? 1 : 0) || (o?.before !== undefined && o.after !== undefined && scoreMoved(o.before, o.after));
  const body = moved
    ? `<div class="table-wrap"><table class="change-table"><thead><tr><th scope="col">${escapeHtml(diff.terms.dimension)}</th><th scope="col" class="num">${escapeHtml(label)}</th><th scope="col" class="num">Now</th><th scope="col" class="num">Change</th></tr></thead>\n<tbody>\n${rows.join('')}</tbody></table></div>`
    : `<p class="muted">${escapeHtml(`No score moved since ${label}.`)}</p>`;
  return `<section class="change" id="change">${heading}${body}</section>\n`;
}

function row(title: string, before: number | undefined, after: number | undefined, strong: boolean): string {
  const both = before !== undefined && after !== undefined;
  const tone = !both || !scoreMoved(before, after) ? 'neutral' : after > before ? 'good' : 'bad';
  const arrow = !both ? (before === undefined ? 'new' : 'no score now') : moveArrow(before, after) || '±0';
  const name = strong ? `<strong>${escapeHtml(title)}</strong>` : escapeHtml(title);
  return `<tr><td>${name}</td><td class="num">${escapeHtml(formatScore(before))}</td><td class="num">${escapeHtml(formatScore(after))}</td><td class="num tone-${tone}">${escapeHtml(arrow)}</td></tr>\n`;
}
