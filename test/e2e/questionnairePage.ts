import type { Frame } from 'playwright-core';
import { until } from '../../scripts/e2e/workbench.mjs';
import { cliReport, type Session } from './session';

/** Helpers of the questionnaire's end-to-end tests: its criteria, the file's answer it shows, the CLI's score. */

/** A criterion's form in the questionnaire. */
export const criterion = (frame: Frame, id: string) => frame.locator(`article[data-criterion="${id}"]`);

/** Waits until the page shows the file's answer (the group's `data-selected` comes from the file, not from the click). */
export const fileAnswers = (frame: Frame, id: string, value: string) =>
  until(async () => (await criterion(frame, id).locator('[role="radiogroup"]').getAttribute('data-selected')) === value, { message: `${id} to be answered "${value}" in the file` });

/** The overall score `rubrics report` gives a file of the workspace copy, to two decimals as the page shows it. */
export function overallScore(session: Session, file: string): number {
  const score = (cliReport(session, file) as { assessment?: { overall?: { score?: number } } }).assessment?.overall?.score;
  if (typeof score !== 'number') throw new Error(`rubrics report gave no overall score for ${file}`);
  return Math.round(score * 100) / 100;
}
