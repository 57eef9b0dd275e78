/**
 * The sample organization (samples/tarn-valley/) as a portfolio: its Markdown, HTML and JSON are
 * golden files (test/golden/portfolio/), the JSON validates against schemas/portfolio.schema.json
 * (which scripts/report-schema.mjs writes from the model's types), and the portfolio answers what
 * a CIO asks first: the weakest dimension, who crossed the threshold since last year, who is
 * furthest from target, which units reach the threshold by the end of 2027.
 */
import Ajv from 'ajv';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTFOLIO_SCHEMA_FILE, portfolioSchemaText } from '../../scripts/report-schema.mjs';
import { portfolioCss, renderPortfolioHtml, renderPortfolioMarkdown } from '../../src/core/render';
import { cspHash } from '../../src/core/render/html/sha256';
import { PORTFOLIO_SCHEMA_VERSION, type PortfolioModel } from '../../src/core/views';
import { expectSafePage } from '../support/report';
import { expectGolden } from '../support/golden';
import { portfolioOf, tarnValleyFiles } from '../support/portfolio';

let model: Promise<PortfolioModel> | undefined;
function samplePortfolio(): Promise<PortfolioModel> {
  model ??= portfolioOf(tarnValleyFiles());
  return model;
}

const schema = JSON.parse(fs.readFileSync(PORTFOLIO_SCHEMA_FILE, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('the Tarn Valley Water portfolio', () => {
  it('renders as the golden Markdown, HTML and JSON', async () => {
    const m = await samplePortfolio();
    expectGolden('portfolio/tarn-valley.md', renderPortfolioMarkdown(m));
    const css = portfolioCss('standalone');
    const html = renderPortfolioHtml(m, { mode: 'standalone' });
    expectSafePage(html, 'standalone');
    // The style sheet is the reports' one and the heatmap's; the golden leaves it out.
    expect(html.split(css)).toHaveLength(2);
    expectGolden('portfolio/tarn-valley.standalone.html', html.replace(css, "/* portfolioCss('standalone') */").replace(cspHash(css).slice(1, -1), 'sha256-(of the style sheet)'));
    expectGolden('portfolio/tarn-valley.json', `${JSON.stringify(m, null, 2)}\n`);
  });

  it('validates against schemas/portfolio.schema.json, which is what scripts/report-schema.mjs writes (run `npm run report-schema`)', async () => {
    expect(fs.readFileSync(PORTFOLIO_SCHEMA_FILE, 'utf8')).toBe(portfolioSchemaText());
    expect(schema.definitions.PortfolioModel.properties.schemaVersion.const).toBe(PORTFOLIO_SCHEMA_VERSION);
    const m = await samplePortfolio();
    expect(validate(JSON.parse(JSON.stringify(m))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...m, tables: [{ rubric: 1 }] })).toBe(false);
  });

  it('holds 12 units in 3 groups, two frameworks, two assessment dates per unit and a plan per group', async () => {
    const m = await samplePortfolio();
    expect(m.notices).toEqual([]);
    expect(m.tables.map((t) => [t.rubric.id, t.units.length])).toEqual([
      ['seven-attributes', 12],
      ['tarn-secure-delivery', 8],
    ]);
    const seven = m.tables[0]!;
    expect(new Set(seven.units.map((u) => u.groups[0]))).toEqual(new Set(['Shared Services', 'Customer Digital', 'Operational Technology']));
    expect(seven.units.every((u) => u.assessments === 2 && u.previous !== undefined)).toBe(true);
    expect(m.tables[1]!.units.every((u) => u.assessments === 2)).toBe(true);
    expect(seven.trajectories.map((t) => seven.units.find((u) => u.key === t.unit)?.groups[0]).sort()).toEqual(['Customer Digital', 'Operational Technology', 'Shared Services']);
  });

  it('answers the CIO\u2019s questions from the files', async () => {
    const seven = (await samplePortfolio()).tables[0]!;
    const label = (key: string) => seven.units.find((u) => u.key === key)?.label;
    expect(seven.highlights.weakestDimension?.title).toBe('Value people over technology');
    expect(seven.highlights.reachedThreshold.map(label)).toEqual(['Customer Portal', 'Mobile App', 'Cloud Platform']);
    expect(seven.highlights.belowThresholdAgain.map(label)).toEqual(['Data & Analytics']);
    expect(seven.highlights.furthestFromTarget.map(label)[0]).toBe('Telemetry & SCADA');
    const end2027 = seven.yearEnds.find((y) => y.year === 2027)!;
    expect(end2027.units.filter((u) => u.thresholdReached).map((u) => label(u.unit))).toEqual(['Billing & Payments', 'Service Desk']);
  });
});
