import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limitsTable } from '../../scripts/sync-readme.mjs';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/core/diagnostics/codes';
import { DIAGNOSTIC_HELP, diagnosticHelpUri } from '../../src/core/diagnostics/help';
import { analyzeMemory } from '../support/memory';

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('documents every diagnostic code with its severity, meaning and what to do, under the anchor SARIF links to (run scripts/sync-readme.mjs)', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(readme).toContain(`| <a id="${code}"></a>\`${code}\` | ${info.severity} | ${info.summary} | ${DIAGNOSTIC_HELP[code as DiagnosticCode]} |`);
      expect(diagnosticHelpUri(code as DiagnosticCode)).toMatch(new RegExp(`README\\.md#${code}$`));
    }
  });

  it('documents the format’s length and count limits as the schemas set them (run scripts/sync-readme.mjs)', () => {
    expect(readme).toContain(`<!-- limits:start -->\n${limitsTable()}\n<!-- limits:end -->`);
  });

  it('shows only pictures that are in the repository (docs/screenshots/, refreshed by npm run screenshots)', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatch(/^docs\/screenshots\/[\w-]+\.png$/);
      expect(fs.existsSync(path.join(__dirname, '../..', image)), image).toBe(true);
    }
  });

  it('documents every scoring method', () => {
    for (const method of ['rated', 'gated', 'average', 'levelSum']) expect(readme).toContain(`| \`${method}\` |`);
  });
});

describe('README examples', () => {
  const block = (heading: string) => {
    const at = readme.indexOf(heading);
    const match = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
    if (at < 0 || !match) throw new Error(`no YAML example under ${heading}`);
    return match[1] as string;
  };

  it('validate and score together: rubric, assessment against it, plan from that baseline', async () => {
    const files = {
      'service-desk.rubric.yaml': block('### Rubric'),
      'acme-2026.assessment.yaml': block('### Assessment'),
      'acme.plan.yaml': block('### Plan'),
    };
    for (const name of Object.keys(files)) {
      const analysis = await analyzeMemory(files, name);
      expect(analysis.diagnostics.filter((d) => d.severity !== 'information').map((d) => `${name}: ${d.code} ${d.message}`)).toEqual([]);
    }
    const assessment = (await analyzeMemory(files, 'acme-2026.assessment.yaml')).documents[0]!;
    expect(assessment.kind === 'Assessment' && assessment.score?.dimensions.find((d) => d.id === 'self-service')?.level).toBe(2);
  });

  it('the OpenSSF Scorecard example scores the worked example’s 9.25', async () => {
    const analysis = await analyzeMemory({ 'scorecard.yaml': block('### OpenSSF Scorecard') }, 'scorecard.yaml');
    expect(analysis.diagnostics.filter((d) => d.severity !== 'information').map((d) => `${d.code} ${d.message}`)).toEqual([]);
    const assessment = analysis.documents[1]!;
    expect(assessment.kind === 'Assessment' && assessment.score?.overall.score).toBeCloseTo(9.25, 12);
  });
});
