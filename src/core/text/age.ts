import { countOf } from './plural';

/**
 * An age in days as people say it: "12 days", "5 months", "2 years 3 months": days up to two
 * months, then months of 30.44 days (a year over twelve) to the nearest, so a year reads
 * "12 months" and two years "2 years".
 * Evidence dated after the date it is measured on reads "dated 3 days later".
 */
export function formatAge(days: number): string {
  if (days < 0) return `dated ${countOf(-days, 'day')} later`;
  if (days < 61) return countOf(days, 'day');
  const months = Math.round(days / 30.44);
  if (months < 24) return countOf(months, 'month');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${countOf(years, 'year')} ${countOf(rest, 'month')}` : countOf(years, 'year');
}

/** A duration as people say it: "12 months", "1 year 6 months", "90 days", "2 weeks". */
export function formatDuration(d: { readonly years: number; readonly months: number; readonly weeks: number; readonly days: number }): string {
  const parts = [
    d.years ? countOf(d.years, 'year') : '',
    d.months ? countOf(d.months, 'month') : '',
    d.weeks ? countOf(d.weeks, 'week') : '',
    d.days ? countOf(d.days, 'day') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 days';
}
