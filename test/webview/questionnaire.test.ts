/**
 * The questionnaire in the preview script, in a real browser under the preview's kind of policy,
 * on a page the core renders: what each click and key sends, what the page shows at once, and
 * what survives the new body the extension sends after an edit.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { questionnaireBody, viewSwitch } from '../../src/core/render';
import { bodyPatch } from '../../src/core/render/html/bodyPatch';
import { reportCss } from '../../src/core/render/html/styles';
import { buildQuestionnaire } from '../../src/core/report/questionnaire';
import { analyzeDesk, deskAssessment, deskQuestionnaire, TWO_ASSESSORS } from '../support/questionnaireFixtures';
import { chromiumAvailable, clearPosted, posted, savedState, send, WebviewHarness } from '../support/webviewHarness';

const ASSESSMENT = deskAssessment(`  self-service:
    answers:
      portal:
        answer: yes
        evidence: [https://wiki.example/portal]
`);

const A = 'file:///ws/a.assessment.yaml';

async function body(assessment = ASSESSMENT): Promise<string> {
  return questionnaireBody(await deskQuestionnaire(assessment));
}

const harness = new WebviewHarness({ css: reportCss('webview') });
const base = { uri: A, version: 1, dimension: 'self-service' };
const checked = (page: Page, criterion: string) =>
  page.locator(`article[data-criterion="${criterion}"] [role="radio"][aria-checked="true"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-answer')));
const focusedAnswer = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-answer') ?? document.activeElement?.tagName);

describe.skipIf(!chromiumAvailable)('the questionnaire in the preview script', () => {
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());
  afterEach(() => harness.closePages());

  let page: Page;
  beforeEach(async () => {
    page = await harness.open(await body());
    await send(page, { type: 'document', uri: A, version: 1 });
    await clearPosted(page);
  });

  it('sends the answer a click chooses, and shows it chosen at once', async () => {
    await page.click('article[data-criterion="catalogue"] [data-answer="most"]');
    expect(await posted(page)).toEqual([{ type: 'answer', ...base, criterion: 'catalogue', answer: 'most' }]);
    expect(await checked(page, 'catalogue')).toEqual(['most']);
    await page.click('article[data-criterion="portal"] button[data-clear]');
    expect((await posted(page)).at(-1)).toEqual({ type: 'answer', ...base, criterion: 'portal', answer: null });
    expect(await checked(page, 'portal')).toEqual([]);
  });

  it('moves among answers with the arrow keys without choosing, chooses with Space, a number or Enter, and clears with Delete', async () => {
    await page.focus('article[data-criterion="catalogue"] [data-answer="none"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedAnswer(page)).toBe('most');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedAnswer(page)).toBe('Some');
    await page.keyboard.press('End');
    expect(await focusedAnswer(page)).toBe('all');
    await page.keyboard.press('ArrowDown');
    expect(await focusedAnswer(page)).toBe('none');
    // Moving is not choosing: nothing was sent, and the group keeps one Tab stop, where the focus is.
    expect(await posted(page)).toEqual([]);
    expect(await page.locator('article[data-criterion="catalogue"] [role="radio"][tabindex="0"]').getAttribute('data-answer')).toBe('none');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    expect(await focusedAnswer(page)).toBe('all');
    await page.keyboard.press('Delete');
    expect(await posted(page)).toEqual([
      { type: 'answer', ...base, criterion: 'catalogue', answer: 'Some' },
      { type: 'answer', ...base, criterion: 'catalogue', answer: 'all' },
      { type: 'answer', ...base, criterion: 'catalogue', answer: null },
    ]);
    // A number beyond the scale does nothing.
    await page.keyboard.press('7');
    expect(await posted(page)).toHaveLength(3);
  });

  it('reaches each group with one Tab, then the note and the evidence', async () => {
    await page.focus('article[data-criterion="portal"] [data-answer="yes"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-clear'))).toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show in the file');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('note');
    // Then the evidence link, its Remove button and the box for a new one; the catalogue's answers after the Add button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('evidence');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // The catalogue's folded "what makes it met" comes before its answers.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Tab');
    expect(await focusedAnswer(page)).toBe('none');
    expect(await page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-criterion'))).toBe('catalogue');
  });

  it('saves a note when it is left after a change, or with Ctrl+Enter, and a cleared note as none', async () => {
    const note = page.locator('article[data-criterion="portal"] textarea[data-field="note"]');
    await note.fill('Seen on site.');
    await note.blur();
    expect(await posted(page)).toEqual([{ type: 'answer', ...base, criterion: 'portal', note: 'Seen on site.' }]);
    await note.focus();
    await page.keyboard.type(' Twice.');
    await page.keyboard.press('Control+Enter');
    expect((await posted(page)).at(-1)).toEqual({ type: 'answer', ...base, criterion: 'portal', note: 'Seen on site. Twice.' });
    // Typing a number in the note is text, not an answer.
    await page.keyboard.type('2');
    expect(await posted(page)).toHaveLength(2);
    await note.fill('  ');
    await note.blur();
    expect((await posted(page)).at(-1)).toEqual({ type: 'answer', ...base, criterion: 'portal', note: null });
  });

  it('adds an evidence link with Enter or the button, and removes one', async () => {
    const add = page.locator('article[data-criterion="portal"] input[data-field="evidence"]');
    await add.fill('./minutes.md');
    await add.press('Enter');
    expect(await posted(page)).toEqual([{ type: 'answer', ...base, criterion: 'portal', evidence: ['https://wiki.example/portal', './minutes.md'] }]);
    // The box is ready for the next link; a refusal gives this one back.
    expect(await add.inputValue()).toBe('');
    await send(page, { type: 'answerRefused', uri: A, dimension: 'self-service', criterion: 'portal', message: 'Not written.' });
    await page.locator('article[data-criterion="portal"] .q-refusal').waitFor();
    expect(await add.inputValue()).toBe('./minutes.md');
    await add.fill('');
    await page.locator('article[data-criterion="catalogue"] input[data-field="evidence"]').fill('https://wiki.example/catalogue');
    await page.click('article[data-criterion="catalogue"] button[data-add-evidence]');
    expect((await posted(page)).at(-1)).toEqual({ type: 'answer', ...base, criterion: 'catalogue', evidence: ['https://wiki.example/catalogue'] });
    await page.click('article[data-criterion="portal"] button[data-remove-evidence="0"]');
    expect((await posted(page)).at(-1)).toEqual({ type: 'answer', ...base, criterion: 'portal', evidence: null });
    // An empty box adds nothing.
    await page.click('article[data-criterion="portal"] button[data-add-evidence]');
    expect(await posted(page)).toHaveLength(3);
  });

  it('sends back the other evidence entries as written when one is removed, titles and dates kept', async () => {
    const titled = await harness.open(await body(ASSESSMENT.replace('evidence: [https://wiki.example/portal]', 'evidence: [https://wiki.example/portal, { title: Minutes, url: ./minutes.md, asOf: 2026-02-01 }]')));
    await send(titled, { type: 'document', uri: A, version: 1 });
    await clearPosted(titled);
    await titled.click('article[data-criterion="portal"] button[data-remove-evidence="0"]');
    expect(await posted(titled)).toEqual([{ type: 'answer', ...base, criterion: 'portal', evidence: [{ title: 'Minutes', url: './minutes.md', asOf: '2026-02-01' }] }]);
  });

  it('switches views, and asks to show an answer in the file', async () => {
    await page.click('button[data-view="report"]');
    expect(await posted(page)).toEqual([{ type: 'setView', view: 'report' }]);
    const withSource = await harness.open(`${viewSwitch('questionnaire')}${await body()}`);
    await send(withSource, { type: 'document', uri: A, version: 3 });
    await clearPosted(withSource);
    await withSource.click('button[data-view="questionnaire"]');
    const offset = Number(await withSource.locator('article[data-criterion="portal"] button[data-reveal]').getAttribute('data-reveal'));
    await withSource.click('article[data-criterion="portal"] button[data-reveal]');
    expect(await posted(withSource)).toEqual([{ type: 'setView', view: 'questionnaire' }, { type: 'reveal', uri: A, version: 3, offset }]);
    expect(offset).toBeGreaterThan(0);
  });

  it('says beside the criterion why an answer was not written, and puts back the answer the file has', async () => {
    await page.click('article[data-criterion="portal"] [data-answer="no"]');
    expect(await checked(page, 'portal')).toEqual(['no']);
    await send(page, { type: 'answerRefused', uri: A, dimension: 'self-service', criterion: 'portal', message: '<b>The edit would leave the file with a YAML error</b>' });
    const alert = page.locator('article[data-criterion="portal"] .q-refusal');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toBe('<b>The edit would leave the file with a YAML error</b>');
    expect(await checked(page, 'portal')).toEqual(['yes']);
    // A refusal about another document is not this page's.
    await send(page, { type: 'answerRefused', uri: 'file:///ws/other.yaml', dimension: 'self-service', criterion: 'catalogue', message: 'Other' });
    expect(await page.locator('article[data-criterion="catalogue"] .q-refusal').isHidden()).toBe(true);
  });

  it('keeps focus on the answer chosen, and what is being typed, across the body the edit brings', async () => {
    await page.focus('article[data-criterion="catalogue"] [data-answer="none"]');
    await page.keyboard.press('3');
    const answered = await body(`${ASSESSMENT}      catalogue: most\n`);
    await send(page, { type: 'update', uri: A, version: 2, body: answered });
    await page.waitForFunction(() => document.querySelector('article[data-criterion="catalogue"] [data-answer="most"]')?.getAttribute('tabindex') === '0');
    expect(await focusedAnswer(page)).toBe('most');
    expect(await checked(page, 'catalogue')).toEqual(['most']);
    // Typing in a note while another update arrives keeps the text and the caret.
    const note = page.locator('article[data-criterion="catalogue"] textarea[data-field="note"]');
    await note.focus();
    await page.keyboard.type('Half a sent');
    await send(page, { type: 'update', uri: A, version: 3, body: answered });
    await page.keyboard.type('ence');
    expect(await note.inputValue()).toBe('Half a sentence');
  });

  it('keeps focus on the answer chosen, and what is being typed, when the edit comes as a patch (core/render/html/bodyPatch.ts)', async () => {
    const before = await body();
    const answered = await body(`${ASSESSMENT}      catalogue: most\n`);
    const patch = bodyPatch(before, answered);
    // The patch replaces the criterion the answer was chosen in: the focused button goes with it.
    expect(patch?.replace.some((r) => r.html.includes('data-criterion="catalogue"'))).toBe(true);
    await page.focus('article[data-criterion="catalogue"] [data-answer="none"]');
    await page.keyboard.press('3');
    await send(page, { type: 'patch', uri: A, version: 2, base: 1, ...patch });
    await page.waitForFunction(() => document.body.getAttribute('data-report-version') === '2');
    expect(await focusedAnswer(page)).toBe('most');
    expect(await checked(page, 'catalogue')).toEqual(['most']);
    const note = page.locator('article[data-criterion="catalogue"] textarea[data-field="note"]');
    await note.focus();
    await page.keyboard.type('Half a sent');
    const noted = await body(`${ASSESSMENT}      catalogue:\n        answer: most\n        note: Checked\n`);
    await send(page, { type: 'patch', uri: A, version: 3, base: 2, ...bodyPatch(answered, noted) });
    await page.waitForFunction(() => document.body.getAttribute('data-report-version') === '3');
    await page.keyboard.type('ence');
    expect(await note.inputValue()).toBe('Half a sentence');
  });

  it('remembers that it shows the questionnaire, for the panel to come back to it', async () => {
    await page.evaluate(() => window.scrollTo(0, 200));
    await page.waitForFunction(() => (window as unknown as { __state?: { view?: string } }).__state?.view === 'questionnaire');
    expect(await savedState(page)).toMatchObject({ uri: A, view: 'questionnaire' });
  });
});

describe.skipIf(!chromiumAvailable)('choosing whose answers the questionnaire edits', () => {
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());
  afterEach(() => harness.closePages());

  const page2 = async (assessor?: string) => {
    const q = buildQuestionnaire(await analyzeDesk(TWO_ASSESSORS), undefined, assessor !== undefined ? { assessor } : {});
    if ('unavailable' in q) throw new Error(q.unavailable);
    const page = await harness.open(questionnaireBody(q));
    await send(page, { type: 'document', uri: A, version: 1 });
    await clearPosted(page);
    return page;
  };
  const whoseChecked = (page: Page) => page.locator('.q-whose-option[aria-checked="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-assessor')));
  const focusedWhose = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-assessor'));

  it('asks for an assessor\'s answers, or the agreed ones, with a click, marking the choice at once', async () => {
    const page = await page2();
    await page.click('.q-whose-option[data-assessor="priya"]');
    expect(await posted(page)).toEqual([{ type: 'setAssessor', assessor: 'priya' }]);
    expect(await whoseChecked(page)).toEqual(['priya']);
    await page.click('.q-whose-option[data-assessor=""]');
    expect((await posted(page)).at(-1)).toEqual({ type: 'setAssessor', assessor: null });
    // Choosing what is already chosen asks for nothing.
    await page.click('.q-whose-option[data-assessor=""]');
    expect(await posted(page)).toHaveLength(2);
  });

  it('is one Tab stop: the arrows move among the choices without choosing, Space or Enter chooses', async () => {
    const page = await page2();
    await page.focus('.q-whose-option[data-assessor=""]');
    await page.keyboard.press('ArrowRight');
    expect(await focusedWhose(page)).toBe('priya');
    await page.keyboard.press('End');
    expect(await focusedWhose(page)).toBe('tomas');
    await page.keyboard.press('ArrowRight');
    expect(await focusedWhose(page)).toBe('');
    // A number is an answer's key, not a choice of assessor.
    await page.keyboard.press('2');
    expect(await posted(page)).toEqual([]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await posted(page)).toEqual([{ type: 'setAssessor', assessor: 'tomas' }]);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    expect((await posted(page)).at(-1)).toEqual({ type: 'setAssessor', assessor: 'priya' });
  });

  it('sends each answer with the assessor whose answers the page shows, and none for the agreed answers', async () => {
    const priya = await page2('priya');
    await priya.click('article[data-criterion="kb"] [data-answer="no"]');
    const note = priya.locator('article[data-criterion="portal"] textarea[data-field="note"]');
    await note.fill('Seen in the demo.');
    await note.blur();
    expect(await posted(priya)).toEqual([
      { type: 'answer', uri: A, version: 1, dimension: 'knowledge', criterion: 'kb', assessor: 'priya', answer: 'no' },
      { type: 'answer', uri: A, version: 1, dimension: 'self-service', criterion: 'portal', assessor: 'priya', note: 'Seen in the demo.' },
    ]);
    const agreed = await page2();
    await agreed.click('article[data-criterion="kb"] [data-answer="no"]');
    expect(await posted(agreed)).toEqual([{ type: 'answer', uri: A, version: 1, dimension: 'knowledge', criterion: 'kb', answer: 'no' }]);
  });

  it('keeps the focus on the choice across the body for the assessor chosen, and remembers whose answers it shows', async () => {
    const page = await page2();
    await page.focus('.q-whose-option[data-assessor="priya"]');
    await page.keyboard.press('Enter');
    const q = buildQuestionnaire(await analyzeDesk(TWO_ASSESSORS), undefined, { assessor: 'priya' });
    if ('unavailable' in q) throw new Error(q.unavailable);
    await send(page, { type: 'update', uri: A, version: 1, body: questionnaireBody(q) });
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('data-assessor') === 'priya');
    expect(await focusedWhose(page)).toBe('priya');
    expect(await page.locator('#q-whose-h').textContent()).toBe('Editing the answers of Priya Raman');
    await page.evaluate(() => window.scrollTo(0, 100));
    await page.waitForFunction(() => (window as unknown as { __state?: { assessor?: string } }).__state?.assessor === 'priya');
    expect(await savedState(page)).toMatchObject({ uri: A, view: 'questionnaire', assessor: 'priya' });
  });
});

describe.skipIf(!chromiumAvailable)('adding an assessor in the questionnaire', () => {
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());
  afterEach(() => harness.closePages());

  /** TWO_ASSESSORS with Lena added after Tomás, as the core's addAssessorEdits writes her. */
  const WITH_LENA = TWO_ASSESSORS.replace('    date: 2026-03-12\n', '    date: 2026-03-12\n  lena-berg:\n    name: Lena Berg\n    date: 2026-04-02\n');
  const open = async (text: string, assessor?: string) => {
    const q = buildQuestionnaire(await analyzeDesk(text), undefined, assessor !== undefined ? { assessor } : {});
    if ('unavailable' in q) throw new Error(q.unavailable);
    const page = await harness.open(questionnaireBody(q));
    await send(page, { type: 'document', uri: A, version: 1 });
    await clearPosted(page);
    return { page, body: questionnaireBody(q) };
  };
  const today = (page: Page) => page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const formOpen = (page: Page) => page.locator('details.q-new-assessor').evaluate((d) => (d as HTMLDetailsElement).open);

  it('opens from the keyboard, puts today in the date, and sends what was typed with the button or Enter (the rule chosen where the file has none)', async () => {
    const { page } = await open(ASSESSMENT);
    await page.focus('details.q-new-assessor > summary');
    await page.keyboard.press('Enter');
    expect(await formOpen(page)).toBe(true);
    expect(await page.inputValue('#q-new-date')).toBe(await today(page));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-new-name');
    await page.keyboard.type('Lena Berg');
    await page.fill('#q-new-role', 'Service Desk Lead');
    await page.selectOption('#q-new-consensus', 'minimum');
    await page.click('button[data-add-assessor]');
    expect(await posted(page)).toEqual([{ type: 'addAssessor', uri: A, version: 1, name: 'Lena Berg', role: 'Service Desk Lead', date: await today(page), consensus: 'minimum' }]);
    // Enter in a field sends it too; an empty role is left out, and an empty name is the core's to refuse.
    await page.fill('#q-new-role', '');
    await page.fill('#q-new-name', '');
    await page.press('#q-new-name', 'Enter');
    expect((await posted(page)).at(-1)).toEqual({ type: 'addAssessor', uri: A, version: 1, name: '', date: await today(page), consensus: 'minimum' });
  });

  it('fills in the role of a person the assessment lists, chosen by name, where no role is typed yet', async () => {
    const listed = ASSESSMENT.replace(/^dimensions:/m, 'assessors:\n  - { name: Helen Achterberg, role: Chief Information Officer }\n  - { name: Robert Haines }\ndimensions:');
    const { page } = await open(listed);
    await page.click('details.q-new-assessor > summary');
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('#q-new-people option')).map((o) => [o.getAttribute('value'), o.getAttribute('label')]))).toEqual([['Helen Achterberg', 'Chief Information Officer'], ['Robert Haines', null]]);
    await page.fill('#q-new-name', 'Helen Achterberg');
    expect(await page.inputValue('#q-new-role')).toBe('Chief Information Officer');
    // A name not listed, or a listed one without a role, brings nothing; a role typed is kept.
    await page.fill('#q-new-role', '');
    await page.fill('#q-new-name', 'Helen');
    await page.fill('#q-new-name', 'Robert Haines');
    expect(await page.inputValue('#q-new-role')).toBe('');
    await page.fill('#q-new-role', 'Chief Financial Officer');
    await page.fill('#q-new-name', 'Helen Achterberg');
    expect(await page.inputValue('#q-new-role')).toBe('Chief Financial Officer');
  });

  it('sends no rule where the assessment has one', async () => {
    const { page } = await open(TWO_ASSESSORS);
    await page.click('details.q-new-assessor > summary');
    expect(await page.locator('#q-new-consensus').count()).toBe(0);
    await page.fill('#q-new-name', 'Lena Berg');
    await page.press('#q-new-name', 'Enter');
    expect(await posted(page)).toEqual([{ type: 'addAssessor', uri: A, version: 1, name: 'Lena Berg', date: await today(page) }]);
  });

  it('shows a refusal under the form and puts the focus in the field at fault; the next try clears it', async () => {
    const { page } = await open(TWO_ASSESSORS);
    await page.click('details.q-new-assessor > summary');
    await page.fill('#q-new-name', 'Priya');
    await page.click('button[data-add-assessor]');
    await send(page, { type: 'assessorRefused', uri: A, field: 'name', message: 'The assessment already has an assessor "priya" (Priya Raman).' });
    await page.waitForFunction(() => document.getElementById('q-new-problem')?.hidden === false);
    expect(await page.locator('#q-new-problem').textContent()).toBe('The assessment already has an assessor "priya" (Priya Raman).');
    expect(await page.evaluate(() => [document.activeElement?.id, document.activeElement?.getAttribute('aria-invalid')])).toEqual(['q-new-name', 'true']);
    // A refusal about another document is not this page's.
    await send(page, { type: 'assessorRefused', uri: 'file:///ws/other.assessment.yaml', field: 'date', message: 'Other.' });
    await page.keyboard.type(' Raman-Shah');
    // Changed, the field is no longer marked; the message stays until the next try.
    expect([await page.locator('#q-new-name').getAttribute('aria-invalid'), await page.locator('#q-new-problem').isHidden()]).toEqual([null, false]);
    await page.keyboard.press('Enter');
    expect(await page.locator('#q-new-problem').isHidden()).toBe(true);
    expect(await page.locator('#q-new-name').getAttribute('aria-invalid')).toBeNull();
    expect((await posted(page)).at(-1)).toMatchObject({ type: 'addAssessor', name: 'Priya Raman-Shah' });
  });

  it('keeps what was typed across a new body, and once the page edits the new assessor\'s answers, closes the form and focuses their name', async () => {
    const { page, body } = await open(TWO_ASSESSORS);
    await page.click('details.q-new-assessor > summary');
    await page.fill('#q-new-name', 'Lena Berg');
    await page.fill('#q-new-date', '2026-04-02');
    // The file changed meanwhile (another answer written): the form stays as it was.
    await send(page, { type: 'update', uri: A, version: 2, body });
    await page.waitForFunction(() => document.body.getAttribute('data-report-version') === '2');
    expect([await formOpen(page), await page.inputValue('#q-new-name'), await page.inputValue('#q-new-date')]).toEqual([true, 'Lena Berg', '2026-04-02']);
    await page.click('button[data-add-assessor]');
    await send(page, { type: 'assessorAdded', uri: A, assessor: 'lena-berg' });
    const q = buildQuestionnaire(await analyzeDesk(WITH_LENA), undefined, { assessor: 'lena-berg' });
    if ('unavailable' in q) throw new Error(q.unavailable);
    await send(page, { type: 'update', uri: A, version: 3, body: questionnaireBody(q) });
    await page.waitForFunction(() => document.body.getAttribute('data-report-version') === '3');
    expect(await page.locator('#q-whose-h').textContent()).toBe('Editing the answers of Lena Berg');
    expect([await formOpen(page), await page.inputValue('#q-new-name'), await page.inputValue('#q-new-date')]).toEqual([false, '', await today(page)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-assessor'))).toBe('lena-berg');
  });
});
