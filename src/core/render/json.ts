import type { ReportModel } from '../report/model';

/**
 * The report model as pretty-printed JSON, for tools: the shape is documented in model.ts and
 * versioned by `schemaVersion`. Keys keep the model's order, so the output is stable.
 */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
