/**
 * The markup corpus (test/fixtures/markup/corpus.json) written into every text field of a rubric,
 * an assessment and a plan, through every output: the Markdown report, the score diff, the
 * whole-change review and the GitHub Action's job summary (what a pull-request comment or a job
 * summary posts), the hover Markdown, and the HTML report in both modes. Since reports are also
 * printed to CI logs, none of them may hold a log command from the text either.
 * Markdown is rendered with markdown-it as GitHub would treat it (raw HTML passed through, bare
 * addresses linked, and with html: false) and must hold no live markup: no tag beyond Markdown's
 * own and the report's <details>, no link the link policy refuses, no image, no event handler, and
 * no @mention that would ping someone.
 */
import MarkdownIt from 'markdown-it';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/core/domain/links';
import type { FileAnalysis } from '../../src/core/engine';
import { hoverAt } from '../../src/core/language/hover';
import { renderSummary } from '../../src/action/summary';
import { toFileResult } from '../../src/node/results';
import { renderDiffMarkdown, renderHtml, renderMarkdown, renderReviewMarkdown } from '../../src/core/render';
import { buildReport, diffReports } from '../../src/core/report';
import { reviewChange } from '../../src/core/review/change';
import { analyzeMemory } from '../support/memory';
import { decodeAttr, expectSafePage, tagsOf } from '../support/report';

const CORPUS = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/markup/corpus.json'), 'utf8')) as string[];

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

function documents(x: string, score: 'yes' | 'no') {
  const rubric = [
    'apiVersion: rubrics-as-code/v1',
    'kind: Rubric',
    'id: corpus',
    `title: ${q(`Rubric ${x}`)}`,
    'version: 1.0.0',
    `description: ${q(x)}`,
    `terms: { group: ${q(`G ${x}`.slice(0, 60))}, dimension: ${q(`D ${x}`.slice(0, 60))}, criterion: ${q(`C ${x}`.slice(0, 60))} }`, // the schema allows 60 characters
    `levels: [{ level: 1, name: ${q(`One ${x}`)}, description: ${q(x)} }, { level: 2, name: Two }, { level: 3, name: Three }]`,
    `threshold: { level: 2, name: ${q(x)} }`,
    `groups: [{ id: g, title: ${q(`Group ${x}`)}, description: ${q(x)} }]`,
    'dimensions:',
    `  - { id: first, title: ${q(`First ${x}`)}, group: g, description: ${q(x)}, levels: { "2": ${q(x)} }, criteria: [{ id: c1, text: ${q(`Criterion ${x}`)}, level: 2, guidance: ${q(x)} }], metrics: [{ id: m, name: ${q(`Metric ${x}`)}, unit: ${q(x.slice(0, 40))}, benchmark: { value: 1, source: ${q(x)} } }] }`,
    `  - { id: second, title: ${q(`Second ${x}`)}, criteria: [{ id: c2, text: ${q(x)}, level: 2 }] }`,
    '',
  ].join('\n');
  const assessment = [
    'apiVersion: rubrics-as-code/v1',
    'kind: Assessment',
    'id: corpus-a',
    `title: ${q(`Assessment ${x}`)}`,
    'rubric: ./corpus.rubric.yaml',
    `subject: { organization: ${q(`Org ${x}`)}, unit: ${q(x)}, scope: ${q(x)} }`,
    'date: 2026-01-01',
    `assessors: [{ name: ${q(x)}, role: ${q(x)} }]`,
    `summary: ${q(x)}`,
    'dimensions:',
    '  first:',
    '    target: 3',
    `    notes: ${q(x)}`,
    `    evidence: [{ title: ${q(x)}, url: "https://example.com/ev" }]`,
    `    answers: { c1: { answer: ${score}, note: ${q(x)}, evidence: ["https://example.com/c1"] } }`,
    `    metrics: { m: { value: 2, note: ${q(x)} } }`,
    '  second:',
    `    answers: { c2: { answer: no, exemption: { reason: ${q(x)}, approver: ${q(x)}, expires: 2027-01-01 } } }`,
    '',
  ].join('\n');
  const plan = [
    'apiVersion: rubrics-as-code/v1',
    'kind: Plan',
    'id: corpus-p',
    `title: ${q(`Plan ${x}`)}`,
    `description: ${q(x)}`,
    `owner: ${q(x)}`,
    'rubric: ./corpus.rubric.yaml',
    'baseline: ./corpus.assessment.yaml',
    'horizon: { start: 2026-01-01, end: 2028-06-30 }',
    'initiatives:',
    `  - id: i1`,
    `    title: ${q(`Initiative ${x}`)}`,
    `    description: ${q(x)}`,
    `    owner: ${q(x)}`,
    `    status: ${score === 'yes' ? 'done' : 'planned'}`,
    '    start: 2026-02-01',
    '    end: 2026-12-31',
    '    moves: [{ dimension: first, to: 3 }]',
    `    legacySystems: [{ name: ${q(x)}, disposition: retire, note: ${q(x)} }]`,
    `    risks: [{ description: ${q(x)}, likelihood: high, mitigation: ${q(x)} }]`,
    `    kpis: [{ name: ${q(x)}, unit: ${q(x.slice(0, 40))}, baseline: 1, target: 2 }]`,
    '',
  ].join('\n');
  return { 'corpus.rubric.yaml': rubric, 'corpus.assessment.yaml': assessment, 'corpus.plan.yaml': plan };
}

/** Markdown's own tags, and the report's collapsible sections. */
const MARKDOWN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'a', 'br', 'hr', 'details', 'summary']);
const asGitHub = new MarkdownIt({ html: true, linkify: true });
const plain = new MarkdownIt({ html: false, linkify: true });

function expectNoLiveMarkup(markdown: string, where: string): void {
  for (const html of [asGitHub.render(markdown), plain.render(markdown)]) {
    for (const tag of tagsOf(html)) {
      expect(MARKDOWN_TAGS.has(tag.name), `${where}: <${tag.name}> in ${JSON.stringify(markdown.slice(0, 400))}`).toBe(true);
      for (const [name, value] of tag.attrs) {
        expect(['href', 'align', 'style', 'start', 'class'].includes(name) || (tag.name === 'details' && name === 'open' && false), `${where}: attribute ${name} on <${tag.name}>`).toBe(true);
        if (name === 'style') expect(value, `${where}: style`).toMatch(/^text-align:(left|right|center)$/);
        if (name === 'href') expect(isSafeUrl(decodeAttr(value)), `${where}: href ${value}`).toBe(true);
      }
    }
    // A mention pings when @ follows the start or a non-word character and a name follows it; code is never scanned.
    const text = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]*>/g, ' ');
    expect(text, `${where}: a live mention`).not.toMatch(/(^|[^A-Za-z0-9\u200d])@[A-Za-z0-9]/);
  }
}

/** What CI runners obey in a log: a line starting with `::`, and `##[` or `##vso[` anywhere (text/logCommands.ts). */
function expectNoLogCommand(output: string, where: string): void {
  for (const line of output.split('\n')) {
    expect(line.trimStart().startsWith('::'), `${where}: ${line.slice(0, 200)}`).toBe(false);
    expect(line, where).not.toMatch(/##[a-z]*\[/i);
  }
}

async function outputs(x: string): Promise<{ markdown: Record<string, string>; html: Record<string, string> }> {
  const before = documents('unchanged text', 'no');
  const after = documents(x, 'yes');
  const analyse = (files: Record<string, string>, entry: string): Promise<FileAnalysis> => analyzeMemory(files, entry);
  const [rubric, assessment, plan, assessmentBefore, planBefore] = await Promise.all([
    analyse(after, 'corpus.rubric.yaml'),
    analyse(after, 'corpus.assessment.yaml'),
    analyse(after, 'corpus.plan.yaml'),
    analyse(before, 'corpus.assessment.yaml'),
    analyse(before, 'corpus.plan.yaml'),
  ]);
  const models = { rubric: buildReport(rubric), assessment: buildReport(assessment), plan: buildReport(plan) };
  const rubricBefore = await analyse(before, 'corpus.rubric.yaml');
  const review = reviewChange({
    base: { ref: 'main', commit: 'a1b2c3d4e5f6a7b8' },
    head: { ref: 'working tree' },
    files: [
      { path: 'corpus.rubric.yaml', status: 'modified', before: rubricBefore, after: rubric },
      { path: 'corpus.assessment.yaml', status: 'modified', before: assessmentBefore, after: assessment },
      { path: 'corpus.plan.yaml', status: 'modified', before: planBefore, after: plan },
    ],
  });
  // The Action's job summary and comment: the problems of the changed files (messages quote the text), a failure, and the review.
  const results = [toFileResult('corpus.rubric.yaml', rubric), toFileResult('corpus.assessment.yaml', assessment), toFileResult('corpus.plan.yaml', plan), toFileResult(`rubrics/${x.slice(0, 40)}.assessment.yaml`, { text: x, diagnostics: [{ code: 'schema-unknown-key', severity: 'error', message: `The key "${x}" is not defined.`, range: { start: 0, end: 1 } }] })];
  const summary = renderSummary({ results, change: { base: 'a1b2c3d4e5f6' }, inScope: results, review, failures: [`A score fell in "${x}".`] });
  expect(models.assessment.assessment?.scored, `the assessment is scored with ${JSON.stringify(x)}`).toBe(true);
  const hover = hoverAt({ analysis: assessment }, assessment.text.indexOf('  first:') + 3)?.markdown ?? '';
  expect(hover).not.toBe('');
  return {
    markdown: {
      'rubric report': renderMarkdown(models.rubric),
      'assessment report': renderMarkdown(models.assessment),
      'plan report': renderMarkdown(models.plan),
      'assessment diff': renderDiffMarkdown(diffReports(buildReport(assessmentBefore), models.assessment)),
      'plan diff': renderDiffMarkdown(diffReports(buildReport(planBefore), models.plan)),
      'whole-change review': renderReviewMarkdown(review),
      "the Action's summary": summary,
      hover,
    },
    html: {
      'rubric page': renderHtml(models.rubric, { mode: 'standalone' }),
      'assessment page': renderHtml(models.assessment, { mode: 'standalone' }),
      'plan page': renderHtml(models.plan, { mode: 'standalone' }),
      'assessment preview': renderHtml(models.assessment, { mode: 'webview', nonce: 'bm9uY2UtZm9yLXRlc3Q=', cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/p.js' }),
    },
  };
}

describe('markup corpus through every output', () => {
  it('has a corpus', () => {
    expect(CORPUS.length).toBeGreaterThan(40);
  });

  for (const entry of CORPUS) {
    it(`no live markup from ${JSON.stringify(entry).slice(0, 60)}`, async () => {
      const { markdown, html } = await outputs(entry);
      for (const [where, text] of Object.entries(markdown)) {
        expectNoLiveMarkup(text, where);
        expectNoLogCommand(text, where);
      }
      for (const [where, page] of Object.entries(html)) {
        expectSafePage(page, where.endsWith('preview') ? 'webview' : 'standalone');
        expectNoLogCommand(page, where);
        if (entry.includes('<')) expect(page, where).not.toContain(entry.split('\n')[0]);
      }
    });
  }
});

describe('the Markdown escape on long runs of markup characters', () => {
  it('rebuilds 20,000 brackets in one pass (the old link-defusing expression took 2.2 s)', async () => {
    const { markdownBlock, markdownText } = await import('../../src/core/render/markdown/escape');
    const brackets = '['.repeat(20_000);
    expect(markdownBlock(brackets)).toBe('\\['.repeat(20_000));
    expect(markdownText(`${'[a]('.repeat(5_000)}x`)).toBe(`${'\\[a\\]('.repeat(5_000)}x`);
  });
});
