import { UNSAFE_CHARACTER, visibleEscape } from '../text/controls';
import { LOG_COMMAND } from '../text/logCommands';
import type { PortfolioCell, PortfolioModel, PortfolioTable, PortfolioUnit } from '../views/model';
import { groupLabel, overallCell } from './portfolioText';

/**
 * CSV (RFC 4180) for spreadsheets and BI tools. A text field that a spreadsheet would read as a
 * formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
 * opening the file never runs what a document wrote; unsafe characters (newlines and other
 * controls, bidirectional marks) show as their escapes and a log command's `##` gets a zero-width
 * joiner, so a CSV printed to a CI log stays one line per row and commands nothing; numbers are
 * written as numbers, at full precision.
 */
export type CsvValue = string | number | boolean | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = value.replace(UNSAFE_CHARACTER, visibleEscape).replace(LOG_COMMAND, '#\u200d#');
  const text = FORMULA_START.test(value) ? `'${safe}` : safe;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV: a header line, then one line per row, each ending in CRLF. */
export function csvTable(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [headers, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

const HEADERS = [
  'rubric',
  'rubric_version',
  'organization',
  'group',
  'unit',
  'date',
  'file',
  'kind',
  'id',
  'title',
  'score',
  'level',
  'target',
  'gap',
  'state',
  'threshold_reached',
  'previous_date',
  'previous_score',
  'percent_to_target',
  'progress_to_date',
];

/**
 * The portfolio as one long CSV table: a line per unit and column of its rubric's table (its
 * overall score first, then its rubric's groups, dimensions and streams), so several rubrics fit
 * one file and a pivot table rebuilds any view. A unit's change and progress are on its overall line.
 */
export function renderPortfolioCsv(model: PortfolioModel): string {
  const rows: CsvValue[][] = [];
  for (const table of model.tables) {
    for (const unit of table.units) {
      const line = (kind: string, id: string, title: string, cell: PortfolioCell | undefined, unitLevel: boolean): CsvValue[] => [
        table.rubric.id,
        table.rubric.version,
        unit.organization,
        groupLabel(unit.groups),
        unit.label,
        unit.assessment.date,
        unit.assessment.path,
        kind,
        id,
        title,
        cell?.score,
        cell?.level,
        cell?.target,
        cell?.gap,
        cell?.state,
        cell?.thresholdReached,
        unitLevel ? unit.previous?.date : undefined,
        unitLevel ? unit.change?.overall?.before : undefined,
        unitLevel ? unit.percentToTarget : undefined,
        unitLevel ? unit.progressToDate : undefined,
      ];
      rows.push(line('overall', 'overall', 'Overall', overallCell(unit), true));
      rows.push(...columnLines(table, unit, line));
    }
  }
  return csvTable(HEADERS, rows);
}

function columnLines(table: PortfolioTable, unit: PortfolioUnit, line: (kind: string, id: string, title: string, cell: PortfolioCell | undefined, unitLevel: boolean) => CsvValue[]): CsvValue[][] {
  return [
    ...table.columns.groups.map((c, i) => line('group', c.id, c.title, unit.groupCells[i], false)),
    ...table.columns.dimensions.map((c, i) => line('dimension', c.id, c.title, unit.dimensions[i], false)),
    ...table.columns.streams.map((c, i) => line('stream', c.id, c.title, unit.streams[i], false)),
  ];
}
