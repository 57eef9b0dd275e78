import { evidenceDateNote, STATE_LABELS, STATE_TONES, type Tone } from '../text';
import { renderMarkdownText } from '../markdown/toHtml';
import { isExternalUrl } from '../../domain/links';
import type { DimensionState, ReportLink, ReportModel } from '../../report/model';
import { attr, escapeHtml, sourceAttrs } from './escape';

/** Markdown free text as safe HTML, in a block that wraps long words. */
export function prose(markdown: string | undefined, className = ''): string {
  if (!markdown) return '';
  return `<div class="prose${className ? ` ${className}` : ''}">${renderMarkdownText(markdown)}</div>`;
}

/** A link when its scheme is safe; otherwise its text, struck through, never clickable. */
export function linkHtml(link: ReportLink): string {
  const text = link.title ?? link.url;
  if (!link.safe) {
    return `<span class="unsafe-link" title="Not a web address or relative path, so it is not a link">${escapeHtml(link.title ? `${link.title} (${link.url})` : link.url)}</span>`;
  }
  const rel = isExternalUrl(link.url) ? ' rel="noopener noreferrer"' : '';
  return `<a href="${escapeHtml(link.url)}"${rel}>${escapeHtml(text)}</a>`;
}

/** An evidence link with a chip giving its date and age (a warning chip when it is stale). */
export function evidenceHtml(link: ReportLink): string {
  const note = evidenceDateNote(link);
  return note ? `${linkHtml(link)} <span class="chip${link.stale ? ' chip-warn' : ''}">${escapeHtml(note)}</span>` : linkHtml(link);
}

export function badge(text: string, tone: Tone = 'neutral'): string {
  return `<span class="badge tone-${tone}">${escapeHtml(text)}</span>`;
}

export function stateBadge(state: DimensionState, extra?: string): string {
  return badge(extra ? `${STATE_LABELS[state]} ${extra}` : STATE_LABELS[state], STATE_TONES[state]);
}

export function section(id: string, title: string, body: string): string {
  if (!body) return '';
  return `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">\n<h2 id="${escapeHtml(id)}-h">${escapeHtml(title)}</h2>\n${body}\n</section>\n`;
}

function offsetOf(row: object): number | undefined {
  const offset = (row as { sourceOffset?: unknown }).sourceOffset;
  return typeof offset === 'number' ? offset : undefined;
}

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => string;
  readonly numeric?: boolean;
  /** Dropped first when the panel is narrow. */
  readonly optional?: boolean;
}

/** A table whose rows reveal their source when they have an offset. Cells return HTML (escape inside). */
export function table<T extends object>(rows: readonly T[], columns: readonly Column<T>[], caption?: string, className?: string): string {
  if (rows.length === 0) return '';
  const cls = (c: Column<T>) => [c.numeric ? 'num' : '', c.optional ? 'hide-narrow' : ''].filter(Boolean).join(' ');
  const head = columns.map((c) => `<th scope="col"${attr('class', cls(c) || undefined)}>${escapeHtml(c.header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr${sourceAttrs(offsetOf(row))}>${columns.map((c) => `<td${attr('class', cls(c) || undefined)}>${c.cell(row)}</td>`).join('')}</tr>\n`)
    .join('');
  return `<div class="table-wrap"><table${attr('class', className)}>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}</tbody></table></div>\n`;
}

/**
 * One table for several groups of rows, each group opened by a heading row, so columns line up
 * across groups. A group without a heading (the only group of an ungrouped rubric) has no row.
 */
export function groupedTable<T extends object>(groups: readonly { heading?: string; rows: readonly T[] }[], columns: readonly Column<T>[], className?: string): string {
  const filled = groups.filter((g) => g.rows.length > 0);
  if (filled.length === 0) return '';
  const cls = (c: Column<T>) => [c.numeric ? 'num' : '', c.optional ? 'hide-narrow' : ''].filter(Boolean).join(' ');
  const head = columns.map((c) => `<th scope="col"${attr('class', cls(c) || undefined)}>${escapeHtml(c.header)}</th>`).join('');
  const bodies = filled
    .map((g) => {
      const heading = g.heading ? `<tr class="group-row"><th scope="rowgroup" colspan="${columns.length}">${g.heading}</th></tr>\n` : '';
      const rows = g.rows.map((row) => `<tr${sourceAttrs(offsetOf(row))}>${columns.map((c) => `<td${attr('class', cls(c) || undefined)}>${c.cell(row)}</td>`).join('')}</tr>\n`).join('');
      return `<tbody>\n${heading}${rows}</tbody>\n`;
    })
    .join('');
  return `<div class="table-wrap"><table${attr('class', className)}><thead><tr>${head}</tr></thead>\n${bodies}</table></div>\n`;
}

/** A summary card; `tone` colours its border (a partial score is `warn`). */
export function card(label: string, value: string, details: readonly string[] = [], tone?: Tone): string {
  return `\n<div class="card${tone ? ` tone-${tone}` : ''}"><p class="card-label">${escapeHtml(label)}</p><p class="card-value">${value}</p>${details.map((d) => `<p class="card-detail">${d}</p>`).join('')}</div>`;
}

export function noticesHtml(model: ReportModel): string {
  return model.notices.map((n) => `<p class="notice" role="status">${escapeHtml(n)}</p>`).join('');
}

const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', information: 'Info' } as const;

export function problemsHtml(model: ReportModel): string {
  const { counts, total, shown } = model.problems;
  if (total === 0) return '';
  const summary = [
    counts.error ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : '',
    counts.warning ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : '',
    counts.information ? `${counts.information} note${counts.information === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const more = total > shown.length ? `<p class="muted">Showing the first ${shown.length} of ${total}.</p>` : '';
  const rows = table(
    shown,
    [
      { header: 'Severity', cell: (p) => `<span class="sev sev-${p.severity}">${SEVERITY_LABELS[p.severity]}</span>` },
      { header: 'Line', cell: (p) => `${p.line}:${p.column}` },
      { header: 'Problem', cell: (p) => `${escapeHtml(p.message)} <code class="muted">${escapeHtml(p.code)}</code>` },
    ],
    undefined,
    'problems',
  );
  return section('problems', `Problems (${summary})`, `${rows}${more}`);
}

export function documentsNav(model: ReportModel): string {
  if (model.documents.length < 2) return '';
  const items = model.documents.map((d) => {
    const label = `${d.index + 1}. ${d.kind === 'Unknown' ? 'Document' : d.kind}${d.title ? `: ${d.title}` : d.id ? `: ${d.id}` : ''}`;
    return d.index === model.source.documentIndex ? `<li aria-current="true"><strong>${escapeHtml(label)}</strong></li>` : `<li>${escapeHtml(label)}</li>`;
  });
  return `<details id="documents-in-file" class="documents"><summary>This file holds ${model.documents.length} documents</summary><ol class="item-list">${items.join('')}</ol></details>`;
}
