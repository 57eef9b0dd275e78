/**
 * The questionnaire page of an assessment with several assessors: whose answers it edits, said at
 * the top and chosen in a labelled radio group; the body names the assessor for the script; each
 * criterion lists the other answers read only. People's names are escaped like any text. The form
 * that adds an assessor is there with or without responses.
 */
import { describe, expect, it } from 'vitest';
import { questionnaireBody } from '../../../src/core/render/html/questionnaireHtml';
import { buildQuestionnaire, type QuestionnaireModel } from '../../../src/core/report/questionnaire';
import { ANSWERED_PORTAL, analyzeDesk, deskQuestionnaire, TWO_ASSESSORS } from '../../support/questionnaireFixtures';
import { decodeAttr, tagsOf } from '../../support/report';

async function page(assessor?: string, text = TWO_ASSESSORS): Promise<string> {
  const q = buildQuestionnaire(await analyzeDesk(text), undefined, assessor !== undefined ? { assessor } : {}) as QuestionnaireModel;
  return questionnaireBody(q);
}

const choices = (html: string) =>
  tagsOf(html)
    .filter((t) => t.attrs.get('class')?.includes('q-whose-option'))
    .map((t) => [t.attrs.get('data-assessor'), t.attrs.get('role'), t.attrs.get('aria-checked'), t.attrs.get('tabindex')]);
const textOf = (html: string) => decodeAttr(html.replace(/<[^>]*>/g, ''));

describe('whose answers the questionnaire edits', () => {
  it('says so at the top and offers the agreed answers and each assessor as one radio group, the one edited checked', async () => {
    const agreed = await page();
    expect(agreed).toContain('<h2 id="q-whose-h">Editing the agreed answers</h2>');
    expect(choices(agreed)).toEqual([
      ['', 'radio', 'true', '0'],
      ['priya', 'radio', 'false', '-1'],
      ['tomas', 'radio', 'false', '-1'],
    ]);
    const group = tagsOf(agreed).find((t) => t.attrs.get('class') === 'q-whose-choices');
    expect([group?.attrs.get('role'), group?.attrs.get('aria-labelledby'), group?.attrs.get('aria-describedby')]).toEqual(['radiogroup', 'q-whose-label', 'q-whose-about']);
    expect(agreed).toContain('id="q-whose-label">Whose answers to edit</p>');
    expect(textOf(agreed)).toContain("without one, the median of the assessors' answers is scored.");
    // The body says whose answers a change sets only when they are an assessor's.
    expect(tagsOf(agreed).find((t) => t.name === 'main')?.attrs.has('data-assessor')).toBe(false);

    // Each assessor's button says who they are and how much they answered.
    expect(tagsOf(agreed).filter((t) => t.attrs.get('class')?.includes('q-whose-option')).map((t) => t.attrs.get('title'))).toEqual([
      'The assessment&#39;s own answers, which settle criteria',
      'Lead Architect, answered 2026-03-10: 2 practices answered',
      'answered 2026-03-12: 0 practices answered',
    ]);

    const priya = await page('priya');
    expect(priya).toContain('<h2 id="q-whose-h">Editing the answers of Priya Raman</h2>');
    expect(textOf(priya)).toContain('Lead Architect, answered 2026-03-10');
    expect(choices(priya).map((c) => c[2])).toEqual(['false', 'true', 'false']);
    expect(tagsOf(priya).find((t) => t.name === 'main')?.attrs.get('data-assessor')).toBe('priya');
  });

  it('shows each criterion\'s other answers and the scored one, read only, and where the edited answer stands', async () => {
    const priya = await page('priya');
    const catalogue = priya.slice(priya.indexOf('data-criterion="catalogue"'), priya.indexOf('</article>', priya.indexOf('data-criterion="catalogue"')));
    expect(textOf(catalogue)).toContain('Answered by Priya Raman');
    expect(textOf(catalogue)).toContain('Other answersAgreed SomeScored Some (the agreed answer)');
    // Read only: nothing in the list is a control.
    const others = catalogue.slice(catalogue.indexOf('<div class="q-others"'));
    expect(tagsOf(others.slice(0, others.indexOf('</div>'))).map((t) => t.name)).toEqual(['div', 'span', 'ul', 'li', 'span', 'strong', 'li', 'span', 'strong', 'span']);
    const agreed = await page();
    const portal = agreed.slice(agreed.indexOf('data-criterion="portal"'), agreed.indexOf('</article>', agreed.indexOf('data-criterion="portal"')));
    expect(textOf(portal)).toContain('No agreed answer');
    expect(textOf(portal)).toContain('Other answersPriya Raman yesScored yes (the consensus)');
    expect(textOf(await page('tomas'))).toContain('Not answered by Tomás Ortiz yet');
  });

  it('escapes assessors\' names wherever they show', async () => {
    const hostile = TWO_ASSESSORS.replace('name: Priya Raman', 'name: "<img src=x onerror=alert(1)> & co"');
    for (const html of [await page(undefined, hostile), await page('priya', hostile)]) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    }
  });

  it('without responses: no choice of whose answers, only what assessors are for and the form that adds one', async () => {
    const html = questionnaireBody(await deskQuestionnaire(ANSWERED_PORTAL));
    expect(html).not.toMatch(/q-whose-option|q-others|data-assessor=|Other answers/);
    expect(textOf(html)).toContain('Answered in this file');
    expect(html).toContain('<h2 id="q-whose-h">Several assessors</h2>');
    expect(textOf(html)).toContain("These are the assessment's own answers.");
    expect(newAssessorForm(html)).toEqual({ summary: 'Add an assessor…', fields: [['name', 'Name', 'text'], ['role', 'Role (optional)', 'text'], ['date', 'Answered on', 'date'], ['consensus', 'How the assessors&#39; answers count', 'select']], rules: ['median', 'minimum'] });
  });
});

describe('the people the assessment lists under `assessors:`', () => {
  const LIST = 'assessors:\n  - { name: Helen Achterberg, role: Chief Information Officer }\n  - { name: Priya Raman }\n  - { name: "<b>Robert</b>" }\ndimensions:';
  const datalist = (html: string) => tagsOf(html.slice(html.indexOf('<datalist'), html.indexOf('</datalist>'))).filter((t) => t.name === 'option').map((t) => [t.attrs.get('value'), t.attrs.get('label')]);
  const nameField = (html: string) => tagsOf(html).find((t) => t.attrs.get('id') === 'q-new-name');

  it('are offered as the new assessor\'s name, with their role, unless a response has that name; escaped', async () => {
    const html = questionnaireBody(await deskQuestionnaire(ANSWERED_PORTAL.replace(/^dimensions:/m, LIST)));
    expect(nameField(html)?.attrs.get('list')).toBe('q-new-people');
    expect(html).toContain('<datalist id="q-new-people">');
    expect(datalist(html)).toEqual([['Helen Achterberg', 'Chief Information Officer'], ['Priya Raman', undefined], ['&lt;b&gt;Robert&lt;/b&gt;', undefined]]);
    expect(html).not.toContain('<b>Robert');
    expect(textOf(html)).toContain('The assessment names who took part, but keeps one set of answers: these.');
    // Priya has a response: she is an assessor already, not offered again.
    const withResponses = questionnaireBody(buildQuestionnaire(await analyzeDesk(TWO_ASSESSORS.replace(/^dimensions:/m, LIST))) as QuestionnaireModel);
    expect(datalist(withResponses).map(([value]) => value)).toEqual(['Helen Achterberg', '&lt;b&gt;Robert&lt;/b&gt;']);
  });

  it('bring no list where the assessment names nobody, or only people who have responses', async () => {
    const none = questionnaireBody(await deskQuestionnaire(ANSWERED_PORTAL));
    expect(nameField(none)?.attrs.has('list')).toBe(false);
    expect(none).not.toContain('datalist');
    expect(textOf(none)).toContain("These are the assessment's own answers.");
    const answered = questionnaireBody(buildQuestionnaire(await analyzeDesk(TWO_ASSESSORS.replace(/^dimensions:/m, 'assessors:\n  - { name: Priya Raman }\ndimensions:'))) as QuestionnaireModel);
    expect(nameField(answered)?.attrs.has('list')).toBe(false);
    expect(answered).not.toContain('datalist');
  });
});

describe('the form that adds an assessor', () => {
  it('is folded under the choice of whose answers; asks no consensus rule of an assessment that has one', async () => {
    for (const html of [await page(), await page('priya')]) {
      const form = newAssessorForm(html);
      expect(form.fields.map((f) => f[0])).toEqual(['name', 'role', 'date']);
      expect(html.indexOf('class="q-new-assessor"')).toBeGreaterThan(html.indexOf('class="q-whose-choices"'));
      expect(html.indexOf('class="q-new-assessor"')).toBeLessThan(html.indexOf('</section>'));
    }
  });

  it('labels each field, ties them to the alert line where a refusal shows, and carries no handler or value from the files', async () => {
    const html = questionnaireBody(await deskQuestionnaire(ANSWERED_PORTAL));
    const form = html.slice(html.indexOf('<details class="q-new-assessor"'), html.indexOf('</details>', html.indexOf('<details class="q-new-assessor"')));
    const tags = tagsOf(form);
    for (const field of tags.filter((t) => t.attrs.has('data-new-field'))) {
      expect(tags.some((t) => t.name === 'label' && t.attrs.get('for') === field.attrs.get('id')), field.attrs.get('id')).toBe(true);
      expect(field.attrs.get('aria-describedby')).toContain('q-new-problem');
      expect(field.attrs.has('value')).toBe(false);
    }
    const alert = tags.find((t) => t.attrs.get('id') === 'q-new-problem');
    expect([alert?.attrs.get('role'), alert?.attrs.has('hidden')]).toEqual(['alert', true]);
    expect(tags.find((t) => t.attrs.has('data-add-assessor'))?.attrs.get('type')).toBe('button');
    expect(form).not.toMatch(/\son[a-z]+=|style=|<script/i);
  });
});

/** The new-assessor form's summary, fields (the field, its label, its kind) and the rules it offers. */
function newAssessorForm(html: string) {
  const start = html.indexOf('<details class="q-new-assessor"');
  const form = html.slice(start, html.indexOf('</details>', start));
  const tags = tagsOf(form);
  const label = (id: string | undefined) => {
    const at = form.indexOf(`for="${id}">`);
    return at < 0 ? undefined : form.slice(at + `for="${id}">`.length, form.indexOf('</label>', at));
  };
  return {
    summary: form.slice(form.indexOf('<summary>') + '<summary>'.length, form.indexOf('</summary>')),
    fields: tags.filter((t) => t.attrs.has('data-new-field')).map((t) => [t.attrs.get('data-new-field'), label(t.attrs.get('id')), t.name === 'select' ? 'select' : t.attrs.get('type')]),
    rules: tags.filter((t) => t.name === 'option').map((t) => t.attrs.get('value')),
  };
}
