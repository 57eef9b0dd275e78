/**
 * The questionnaire's part of the preview script: it turns what a person does in the questionnaire
 * (src/core/render/html/questionnaireHtml.ts renders it) into messages for the extension, which
 * writes the file. The page itself never changes an answer: it marks the choice at once, and the
 * body the extension sends after the edit shows what the file now says.
 *
 * Keyboard: a criterion's answers are one radio group (one Tab stop); the arrow keys, Home and End
 * move among them, Space or Enter chooses (a button's own click), a number chooses that answer
 * from anywhere in the criterion but its text fields, Delete and Backspace clear it. Ctrl+Enter in
 * the note saves it; Enter in the evidence box adds the link. With several assessors, the choice of
 * whose answers to edit is a radio group of its own that works the same way. "Add an assessor…"
 * opens a small form (name, role, date, and the consensus rule when the assessment has none):
 * its button or Enter in a field sends it, and the page edits the new assessor's answers once
 * the file has them; a refusal shows under the form and the field at fault takes the focus.
 */
import { isStartingRule, type AnswerMessage, type EvidenceEntry, type NewAssessorField, type NewAssessorMessage, type PreviewView } from './protocol';

/** What the questionnaire sends: a change to one criterion, or a switch of views, or a reveal of the source. */
export type QuestionnaireAction =
  | { readonly kind: 'answer'; readonly change: AnswerMessage }
  | { readonly kind: 'view'; readonly view: PreviewView }
  /** Edit another assessor's answers (null: the assessment's agreed answers). */
  | { readonly kind: 'assessor'; readonly assessor: string | null }
  /** Add an assessor with what the form holds (the extension edits their answers next). */
  | { readonly kind: 'addAssessor'; readonly assessor: NewAssessorMessage }
  | { readonly kind: 'reveal'; readonly offset: number };

const CRITERION = 'article.q-criterion[data-dimension][data-criterion]';
/** The choice of whose answers to edit (with several assessors): one radio button per set of answers. */
const WHOSE = 'button.q-whose-option[data-assessor]';
const OPTION = 'button.q-option[data-answer]';
const TEXT_FIELDS = 'textarea, input';
/** The form that adds an assessor (core/render/html/questionnaireHtml.ts), and its fields. */
const NEW_ASSESSOR = 'details.q-new-assessor';
const NEW_FIELD = '[data-new-field]';

function criterionOf(element: Element): HTMLElement | null {
  return element.closest<HTMLElement>(CRITERION);
}

function change(article: HTMLElement, fields: Pick<AnswerMessage, 'answer' | 'note' | 'evidence'>): QuestionnaireAction {
  // Whose answers the page edits, as the body says (absent: the agreed ones): the message names them, so a
  // choice of another assessor that lands in between never sends this answer to the wrong response.
  const assessor = article.closest('main')?.getAttribute('data-assessor');
  return {
    kind: 'answer',
    change: {
      dimension: article.getAttribute('data-dimension') ?? '',
      criterion: article.getAttribute('data-criterion') ?? '',
      ...(assessor ? { assessor } : {}),
      ...fields,
    },
  };
}

function whoseOptions(from: Element): HTMLButtonElement[] {
  const group = from.closest('[role="radiogroup"]');
  return group ? Array.from(group.querySelectorAll<HTMLButtonElement>(WHOSE)) : [];
}

/** Marks whose answers are chosen at once (the body for them follows), and says so. */
function chooseWhose(option: HTMLButtonElement): QuestionnaireAction {
  const all = whoseOptions(option);
  for (const o of all) o.setAttribute('aria-checked', String(o === option));
  rove(all, option);
  const id = option.getAttribute('data-assessor') ?? '';
  return { kind: 'assessor', assessor: id === '' ? null : id };
}

function options(article: HTMLElement): HTMLButtonElement[] {
  return Array.from(article.querySelectorAll<HTMLButtonElement>(OPTION));
}

/** Marks `chosen` (or nothing) as the checked answer at once, and moves the group's Tab stop to it. */
function markChosen(article: HTMLElement, chosen: HTMLButtonElement | undefined): void {
  const all = options(article);
  for (const option of all) option.setAttribute('aria-checked', String(option === chosen));
  rove(all, chosen ?? all[0]);
}

function rove(all: readonly HTMLButtonElement[], to: HTMLButtonElement | undefined): void {
  for (const option of all) option.tabIndex = option === to ? 0 : -1;
}

function choose(article: HTMLElement, option: HTMLButtonElement): QuestionnaireAction {
  markChosen(article, option);
  return change(article, { answer: option.getAttribute('data-answer') ?? '' });
}

function clear(article: HTMLElement): QuestionnaireAction {
  markChosen(article, undefined);
  return change(article, { answer: null });
}

/** The evidence entries the criterion has now, as written (the renderer puts each on its list item). */
function evidenceEntries(article: HTMLElement): EvidenceEntry[] {
  return Array.from(article.querySelectorAll('[data-evidence]')).flatMap((li) => {
    let entry: unknown;
    try {
      entry = JSON.parse(li.getAttribute('data-evidence') ?? '');
    } catch {
      return [];
    }
    return typeof entry === 'string' || (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) ? [entry as EvidenceEntry] : [];
  });
}

function addEvidence(article: HTMLElement): QuestionnaireAction | undefined {
  const input = article.querySelector<HTMLInputElement>('input[data-field="evidence"]');
  const link = input?.value.trim() ?? '';
  if (!input || !link) return undefined;
  // The box empties for the next link; the link shows in the list once the file has it (a refusal gives it back).
  input.value = '';
  input.setAttribute('data-pending', link);
  return change(article, { evidence: [...evidenceEntries(article), link] });
}

/** Today where the page runs, as the format writes dates (YYYY-MM-DD). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function newField(form: ParentNode, field: string): HTMLInputElement | HTMLSelectElement | null {
  return form.querySelector<HTMLInputElement | HTMLSelectElement>(`${NEW_FIELD}[data-new-field="${field}"]`);
}

/** What the new-assessor form holds, as typed (the core checks it), with the problem line cleared while it is sent. */
function addAssessor(form: Element): QuestionnaireAction {
  const value = (field: string) => newField(form, field)?.value ?? '';
  const role = value('role');
  const consensus = newField(form, 'consensus')?.value;
  clearAssessorProblem(form);
  return {
    kind: 'addAssessor',
    assessor: {
      name: value('name'),
      date: value('date'),
      ...(role.trim() !== '' ? { role } : {}),
      ...(isStartingRule(consensus) ? { consensus } : {}),
    },
  };
}

function clearAssessorProblem(form: Element): void {
  const line = form.querySelector<HTMLElement>('#q-new-problem');
  if (line) {
    line.textContent = '';
    line.hidden = true;
  }
  for (const field of Array.from(form.querySelectorAll(NEW_FIELD))) field.removeAttribute('aria-invalid');
}

/** Fills in the new assessor's date with today, where the form shows none yet (a new body leaves it empty). */
export function prepareNewAssessor(root: ParentNode, today: string = localToday()): void {
  const date = root.querySelector<HTMLInputElement>(`${NEW_ASSESSOR} input[data-new-field="date"]`);
  if (date && date.value === '') date.value = today;
}

/**
 * What the new-assessor form holds, to give back after a new body replaced it (an answer written
 * meanwhile, the file changed): the fields as typed. Whether it was open is kept with every
 * other `details[id]` of the page (preview.ts).
 */
export function keepNewAssessor(root: ParentNode): (into: ParentNode) => void {
  const form = root.querySelector(NEW_ASSESSOR);
  const values = form ? Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(NEW_FIELD)).map((f) => [f.getAttribute('data-new-field') ?? '', f.value] as const) : [];
  return (into) => {
    const again = into.querySelector(NEW_ASSESSOR);
    if (!again) return;
    for (const [field, value] of values) {
      const input = newField(again, field);
      if (input && input.value !== value) input.value = value;
    }
  };
}

/**
 * A field of the new-assessor form that was marked at fault is no longer marked once the person
 * changes it. A name the assessment's `assessors:` list gives (offered in the name's list) brings
 * that person's role into an empty role field.
 */
export function newAssessorFieldEdited(target: Element): void {
  const form = target.matches(NEW_FIELD) ? target.closest(NEW_ASSESSOR) : null;
  if (!form) return;
  target.removeAttribute('aria-invalid');
  if (!(target instanceof HTMLInputElement) || target.getAttribute('data-new-field') !== 'name' || !target.list) return;
  const listed = Array.from(target.list.querySelectorAll('option')).find((option) => option.value === target.value);
  const role = newField(form, 'role');
  const listedRole = listed?.getAttribute('label');
  if (role && role.value === '' && listedRole) role.value = listedRole;
}

/** Shows why the assessor was not added under the form, and puts the focus in the field at fault. */
export function showAssessorRefusal(root: ParentNode, field: NewAssessorField, message: string): void {
  const form = root.querySelector<HTMLDetailsElement>(NEW_ASSESSOR);
  if (!form) return;
  form.open = true;
  const line = form.querySelector<HTMLElement>('#q-new-problem');
  if (line) {
    line.textContent = message;
    line.hidden = false;
  }
  // An id made from the name is the name's problem; the file's own problems stay on the button.
  const at = newField(form, field === 'id' ? 'name' : field);
  if (at) {
    at.setAttribute('aria-invalid', 'true');
    at.focus();
  }
}

/** The assessor was added and the page now edits their answers: the form closes, empty, and the focus goes to their name in the choice of whose answers. */
export function settleNewAssessor(root: ParentNode, today: string = localToday()): void {
  const form = root.querySelector<HTMLDetailsElement>(NEW_ASSESSOR);
  if (form) {
    for (const field of Array.from(form.querySelectorAll<HTMLInputElement>(`input${NEW_FIELD}`))) field.value = '';
    clearAssessorProblem(form);
    form.open = false;
  }
  prepareNewAssessor(root, today);
  root.querySelector<HTMLElement>(`${WHOSE}[aria-checked="true"]`)?.focus();
}

/** What a click in the questionnaire (or on the report's view switch) asks for, if anything. */
export function clickAction(target: Element): QuestionnaireAction | undefined {
  const view = target.closest('button[data-view]')?.getAttribute('data-view');
  if (view === 'report' || view === 'questionnaire') return { kind: 'view', view };
  const reveal = target.closest('button[data-reveal]')?.getAttribute('data-reveal');
  if (reveal && /^\d{1,10}$/.test(reveal)) return { kind: 'reveal', offset: Number(reveal) };
  const whose = target.closest<HTMLButtonElement>(WHOSE);
  if (whose) return whose.getAttribute('aria-checked') === 'true' ? undefined : chooseWhose(whose);
  const form = target.closest(NEW_ASSESSOR);
  if (form && target.closest('button[data-add-assessor]')) return addAssessor(form);
  const article = criterionOf(target);
  if (!article) return undefined;
  const option = target.closest<HTMLButtonElement>(OPTION);
  if (option) return choose(article, option);
  if (target.closest('button[data-clear]')) return clear(article);
  if (target.closest('button[data-add-evidence]')) return addEvidence(article);
  const remove = target.closest('button[data-remove-evidence]')?.getAttribute('data-remove-evidence');
  if (remove && /^\d{1,6}$/.test(remove)) {
    const entries = evidenceEntries(article);
    entries.splice(Number(remove), 1);
    return change(article, { evidence: entries.length ? entries : null });
  }
  return undefined;
}

/** What a key pressed in the questionnaire asks for; `handled` when the key did something here (the page then takes it). */
export function keyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, target: Element): { readonly handled: boolean; readonly action?: QuestionnaireAction } {
  const whose = target.closest<HTMLButtonElement>(WHOSE);
  if (whose) return event.ctrlKey || event.metaKey || event.altKey ? { handled: false } : moveAmong(whoseOptions(whose), whose, event.key);
  const form = target.closest(NEW_ASSESSOR);
  if (form && event.key === 'Enter' && target.matches(`input${NEW_FIELD}`) && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) return { handled: true, action: addAssessor(form) };
  const article = criterionOf(target);
  if (!article) return { handled: false };
  if (target.matches(TEXT_FIELDS)) {
    if (event.key === 'Enter' && target.matches('textarea[data-field="note"]') && (event.ctrlKey || event.metaKey)) {
      return { handled: true, action: change(article, { note: (target as HTMLTextAreaElement).value }) };
    }
    if (event.key === 'Enter' && target.matches('input[data-field="evidence"]')) return { handled: true, action: addEvidence(article) };
    return { handled: false };
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return { handled: false };
  const all = options(article);
  if (/^[1-9]$/.test(event.key)) {
    const option = all[Number(event.key) - 1];
    if (!option) return { handled: false };
    option.focus();
    return { handled: true, action: choose(article, option) };
  }
  if ((event.key === 'Delete' || event.key === 'Backspace') && all.some((o) => o.getAttribute('aria-checked') === 'true')) {
    return { handled: true, action: clear(article) };
  }
  const current = target.closest<HTMLButtonElement>(OPTION);
  if (!current) return { handled: false };
  return moveAmong(all, current, event.key);
}

/** The arrow keys, Home and End move the focus (and the Tab stop) within a radio group; nothing is chosen until Space or Enter. */
function moveAmong(all: readonly HTMLButtonElement[], current: HTMLButtonElement, key: string): { readonly handled: boolean } {
  const at = all.indexOf(current);
  const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[key];
  if (next === undefined) return { handled: false };
  const to = all[(next + all.length) % all.length];
  rove(all, to);
  to?.focus();
  return { handled: true };
}

/** What a committed text field (the note, left after an edit) asks for. */
export function changeAction(target: Element): QuestionnaireAction | undefined {
  const article = criterionOf(target);
  if (!article || !target.matches('textarea[data-field="note"]')) return undefined;
  const note = (target as HTMLTextAreaElement).value;
  return change(article, { note: note.trim() === '' ? null : note });
}

/** Shows why an answer was not written, in the criterion's alert line, and puts back what the page showed before. */
export function showRefusal(root: ParentNode, dimension: string, criterion: string, message: string): void {
  const article = Array.from(root.querySelectorAll<HTMLElement>(CRITERION)).find((a) => a.getAttribute('data-dimension') === dimension && a.getAttribute('data-criterion') === criterion);
  if (!article) return;
  const line = article.querySelector<HTMLElement>('.q-refusal');
  if (line) {
    line.textContent = message;
    line.hidden = false;
  }
  const input = article.querySelector<HTMLInputElement>('input[data-field="evidence"][data-pending]');
  if (input && input.value === '') input.value = input.getAttribute('data-pending') ?? '';
  const group = article.querySelector('[role="radiogroup"][data-selected]');
  const selected = group?.getAttribute('data-selected') ?? '';
  markChosen(article, options(article).find((o) => o.getAttribute('data-answer') === selected));
}

/**
 * A key for the focused control that names it across a new body (the criterion and which control),
 * so an update after an edit gives focus back to the same place.
 */
export function focusKey(element: Element | null): string | undefined {
  if (!element) return undefined;
  const article = criterionOf(element);
  if (!article) {
    const view = element.getAttribute('data-view');
    const whose = element.matches(WHOSE) ? element.getAttribute('data-assessor') : null;
    const field = element.closest(NEW_ASSESSOR) ? (element.getAttribute('data-new-field') ?? (element.hasAttribute('data-add-assessor') ? 'add' : element.matches('summary') ? 'open' : null)) : null;
    return view ? `view:${view}` : whose !== null ? `whose:${whose}` : field !== null ? `new:${field}` : undefined;
  }
  const which =
    element.getAttribute('data-answer') !== null ? `answer:${element.getAttribute('data-answer')}` :
    element.getAttribute('data-field') !== null ? `field:${element.getAttribute('data-field')}` :
    element.hasAttribute('data-clear') ? 'clear' :
    element.hasAttribute('data-add-evidence') ? 'add' :
    element.getAttribute('data-remove-evidence') !== null ? 'remove' :
    element.getAttribute('data-reveal') !== null ? 'reveal' : undefined;
  return which ? JSON.stringify([article.getAttribute('data-dimension'), article.getAttribute('data-criterion'), which]) : undefined;
}

/** The control a focus key names in this body: the same one, or the nearest that takes its place (the chosen answer, the group). */
export function findByFocusKey(root: ParentNode, key: string): HTMLElement | undefined {
  if (key.startsWith('view:')) return Array.from(root.querySelectorAll<HTMLElement>('button[data-view]'))[0];
  if (key.startsWith('new:')) {
    const form = root.querySelector(NEW_ASSESSOR);
    const which = key.slice('new:'.length);
    return (form?.querySelector<HTMLElement>(which === 'add' ? 'button[data-add-assessor]' : which === 'open' ? 'summary' : `${NEW_FIELD}[data-new-field="${CSS.escape(which)}"]`) ?? undefined);
  }
  if (key.startsWith('whose:')) {
    const all = Array.from(root.querySelectorAll<HTMLElement>(WHOSE));
    return all.find((o) => o.getAttribute('data-assessor') === key.slice('whose:'.length)) ?? all.find((o) => o.tabIndex === 0);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [dimension, criterion, which] = parsed as [string, string, string];
  const article = Array.from(root.querySelectorAll<HTMLElement>(CRITERION)).find((a) => a.getAttribute('data-dimension') === dimension && a.getAttribute('data-criterion') === criterion);
  if (!article) return undefined;
  const all = options(article);
  if (which.startsWith('answer:')) return all.find((o) => o.getAttribute('data-answer') === which.slice('answer:'.length)) ?? all[0];
  if (which.startsWith('field:')) return article.querySelector<HTMLElement>(`[data-field="${CSS.escape(which.slice('field:'.length))}"]`) ?? undefined;
  // A control that went with the change (the clear button, a removed link) hands focus to the answers' Tab stop.
  const selector = { clear: 'button[data-clear]', add: 'button[data-add-evidence]', remove: 'button[data-remove-evidence]', reveal: 'button[data-reveal]' }[which];
  return (selector ? article.querySelector<HTMLElement>(selector) : null) ?? all.find((o) => o.tabIndex === 0) ?? undefined;
}
