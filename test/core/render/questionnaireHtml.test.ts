import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../src/core/domain/links';
import { previewReport, questionnairePreview } from '../../../src/core/render';
import { questionnaireBody } from '../../../src/core/render/html/questionnaireHtml';
import { buildReport } from '../../../src/core/report';
import type { QuestionnaireModel } from '../../../src/core/report/questionnaire';
import { ANSWERED_PORTAL, analyzeDesk, DESK_RUBRIC, deskQuestionnaire } from '../../support/questionnaireFixtures';
import { decodeAttr, tagsOf } from '../../support/report';

const HOSTILE = '<img src=x onerror=alert(1)>"\'&';

const RUBRIC = DESK_RUBRIC;
const ASSESSMENT = ANSWERED_PORTAL;
const model = (assessment = ASSESSMENT, rubric = RUBRIC): Promise<QuestionnaireModel> => deskQuestionnaire(assessment, rubric);

/** The tags of one criterion's form. */
function criterionTags(html: string, criterion: string): ReturnType<typeof tagsOf> {
  const start = html.indexOf(`data-criterion="${criterion}"`);
  const end = html.indexOf('</article>', start);
  return tagsOf(html.slice(html.lastIndexOf('<article', start), end));
}

const CONTROLS = new Set(['button', 'textarea', 'input', 'select', 'option', 'label', 'kbd', 'nav']);
const REPORT_TAGS = new Set(['main', 'header', 'section', 'article', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'a', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'details', 'summary', 'svg', 'rect']);

describe('the questionnaire page', () => {
  it('offers each criterion\'s scale as a radio group with one Tab stop, the chosen answer checked', async () => {
    const html = questionnaireBody(await model());
    const portal = criterionTags(html, 'portal');
    const group = portal.filter((t) => t.attrs.get('role') === 'radiogroup');
    expect(group).toHaveLength(1);
    expect(group[0]?.attrs.get('aria-labelledby')).toMatch(/-h$/);
    const radios = portal.filter((t) => t.attrs.get('role') === 'radio');
    expect(radios.map((r) => [r.name, r.attrs.get('data-answer'), r.attrs.get('aria-checked'), r.attrs.get('tabindex')])).toEqual([
      ['button', 'yes', 'true', '0'],
      ['button', 'no', 'false', '-1'],
    ]);
    // Unanswered: the first answer is the Tab stop, none is checked.
    const catalogue = criterionTags(html, 'catalogue').filter((t) => t.attrs.get('role') === 'radio');
    expect(catalogue.map((r) => [r.attrs.get('data-answer'), r.attrs.get('aria-checked'), r.attrs.get('tabindex'), r.attrs.get('title')])).toEqual([
      ['none', 'false', '0', undefined],
      ['Some', 'false', '-1', 'Part of the estate.'],
      ['most', 'false', '-1', undefined],
      ['all', 'false', '-1', undefined],
    ]);
    // Each answer shows its number key.
    expect(html).toContain('<kbd aria-hidden="true">2</kbd><span>Some</span>');
  });

  it('names each form by the ids an edit takes, and labels its note and evidence fields', async () => {
    const html = questionnaireBody(await model());
    const article = criterionTags(html, 'portal').find((t) => t.name === 'article');
    expect([article?.attrs.get('data-dimension'), article?.attrs.get('data-criterion')]).toEqual(['self-service', 'portal']);
    const note = criterionTags(html, 'portal').find((t) => t.name === 'textarea');
    expect(note?.attrs.get('data-field')).toBe('note');
    expect(html).toContain(`<label for="${note?.attrs.get('id')}">Note</label>`);
    expect(html).toMatch(/<textarea [^>]*>Seen on site\.<\/textarea>/);
    const add = criterionTags(html, 'portal').find((t) => t.name === 'input');
    expect(add?.attrs.get('aria-label')).toBe('Add an evidence link');
    expect(html).toContain('<li data-evidence="&quot;https://wiki.example/portal&quot;"><a href="https://wiki.example/portal" rel="noopener noreferrer">https://wiki.example/portal</a>');
    expect(criterionTags(html, 'portal').some((t) => t.attrs.has('data-remove-evidence'))).toBe(true);
  });

  it('shows progress overall and per dimension, and dimensions left out with their reason', async () => {
    const html = questionnaireBody(await model());
    expect(html).toContain('<p id="q-progress" role="status">1 of 3 practices answered · 2 practices not applicable or exempt</p>');
    expect(html).toMatch(/<a href="#q-dim-self-service">Self-service<\/a> <span class="q-count">1 of 2 answered<\/span>/);
    expect(html).toMatch(/<a href="#q-dim-knowledge">Knowledge<\/a> <span class="q-count">not applicable<\/span>/);
    expect(html).toMatch(/<a href="#q-dim-reporting">Reporting<\/a> <span class="q-count">0 of 1 answered<\/span>/);
    expect(html).toContain('<p class="notice">Not applicable: Not in scope. Its practices are left out of the score.</p>');
  });

  it('shows guidance and questions folded, with what to look for', async () => {
    const html = questionnaireBody(await model());
    expect(html).toMatch(/<details class="q-guide" id="[^"]+-guide"><summary>Guidance and questions<\/summary><div class="prose q-guidance"><p>Look at the <em>portal<\/em> itself\.<\/p>/);
    expect(html).toContain('<li><span class="q-ask">Who runs the portal?</span></li>');
    expect(html).toContain('<span class="q-ask">How many requests start there?</span><p class="q-look-label">Look for</p><ul class="q-look"><li>The portal&#39;s monthly report</li><li>The ticket split by channel</li></ul>');
    // The catalogue has no guidance or questions, only what makes it met.
    expect(html).toContain('<summary>What makes it met</summary><p class="q-look-label">Met when</p><ul class="q-look"><li>Every entry has an owner</li></ul>');
    expect(criterionTags(html, 'monthly').some((t) => t.name === 'details')).toBe(false);
  });

  it('offers to clear an answer only where there is one, and says when the file\'s answer is off the scale', async () => {
    const html = questionnaireBody(await model(ASSESSMENT.replace('answer: yes', 'answer: perhaps')));
    expect(criterionTags(html, 'portal').some((t) => t.attrs.has('data-clear'))).toBe(true);
    expect(criterionTags(html, 'catalogue').some((t) => t.attrs.has('data-clear'))).toBe(false);
    expect(html).toContain('The file answers &quot;perhaps&quot;, which is not on the &quot;yes-no&quot; scale: choose one of these.');
    expect(criterionTags(html, 'portal').filter((t) => t.attrs.get('aria-checked') === 'true')).toEqual([]);
  });

  it('carries each evidence entry as written, so a removal keeps the others\' titles and dates', async () => {
    const html = questionnaireBody(await model(ASSESSMENT.replace('[https://wiki.example/portal]', '[{ title: Portal, url: https://wiki.example/portal, asOf: 2026-02-01 }]')));
    const item = criterionTags(html, 'portal').find((t) => t.attrs.has('data-evidence'));
    expect(JSON.parse(decodeAttr(item?.attrs.get('data-evidence') ?? ''))).toEqual({ title: 'Portal', url: 'https://wiki.example/portal', asOf: '2026-02-01' });
    expect(html).toContain('>Portal</a>');
    expect(criterionTags(html, 'portal').some((t) => t.name === 'input')).toBe(true);
  });

  it('escapes every piece of text from the files, and carries no handler, style or script', async () => {
    const rubric = RUBRIC.replace('title: Portal', `title: '${HOSTILE.replace(/'/g, "''")}'`).replace('Who runs the portal?', `'${HOSTILE.replace(/'/g, "''")}'`).replace('description: Part of the estate.', `description: '${HOSTILE.replace(/'/g, "''")}'`);
    const assessment = ASSESSMENT.replace('note: Seen on site.', `note: '${HOSTILE.replace(/'/g, "''")}'`).replace('[https://wiki.example/portal]', '[javascript:alert(1)]');
    const html = questionnaireBody(await model(assessment, rubric));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(1)>"');
    for (const tag of tagsOf(html)) {
      expect(REPORT_TAGS.has(tag.name) || CONTROLS.has(tag.name), `unexpected <${tag.name}>`).toBe(true);
      for (const [name, value] of tag.attrs) {
        expect(name.startsWith('on'), `handler ${name} on <${tag.name}>`).toBe(false);
        expect(name).not.toBe('style');
        if (name === 'href') expect(isSafeUrl(decodeAttr(value)), value).toBe(true);
      }
    }
    // The unsafe link is shown as text, struck through, and its url still travels as data for the page's list.
    expect(html).toContain('<span class="unsafe-link"');
  });
});

describe('the questionnaire in the preview', () => {
  it('shares the report\'s page shell, so switching views swaps the body', async () => {
    const analysis = await analyzeDesk(ASSESSMENT);
    const report = buildReport(analysis);
    const q = questionnairePreview(analysis, report);
    expect(q.shellKey).toBe(previewReport(report).shellKey);
    expect(q.title).toBe('Kestrel, 2026-03-31 – Questionnaire');
    expect(q.errors).toBe(0);
    expect(q.body).toMatch(/^<main class="report questionnaire">/);
    expect(q.body).toContain('<button type="button" class="q-button" data-view="report">Show the report</button>');
  });

  it('leaves the body out for a document with errors when the preview keeps an earlier one, and says why there is none for a broken one', async () => {
    const broken = ASSESSMENT.replace('date: 2026-03-31', 'date: 2026-02-31');
    const analysis = await analyzeDesk(broken);
    const report = buildReport(analysis);
    expect(report.problems.counts.error).toBeGreaterThan(0);
    expect(questionnairePreview(analysis, report, { omitBodyOnErrors: true }).body).toBeUndefined();
    const shown = questionnairePreview(analysis, report);
    expect(shown.errors).toBe(report.problems.counts.error);
    expect(shown.body).toContain('data-view="report"');
  });
});
