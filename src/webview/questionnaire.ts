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
 * whose answers to edit is a radio group of its own that works the same way.
 */
import type { AnswerMessage, EvidenceEntry, PreviewView } from './protocol';

/** What the questionnaire sends: a change to one criterion, or a switch of views, or a reveal of the source. */
export type QuestionnaireAction =
  | { readonly kind: 'answer'; readonly change: AnswerMessage }
  | { readonly kind: 'view'; readonly view: PreviewView }
  /** Edit another assessor's answers (null: the assessment's agreed answers). */
  | { readonly kind: 'assessor'; readonly assessor: string | null }
  | { readonly kind: 'reveal'; readonly offset: number };

const CRITERION = 'article.q-criterion[data-dimension][data-criterion]';
/** The choice of whose answers to edit (with several assessors): one radio button per set of answers. */
const WHOSE = 'button.q-whose-option[data-assessor]';
const OPTION = 'button.q-option[data-answer]';
const TEXT_FIELDS = 'textarea, input';

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

/** What a click in the questionnaire (or on the report's view switch) asks for, if anything. */
export function clickAction(target: Element): QuestionnaireAction | undefined {
  const view = target.closest('button[data-view]')?.getAttribute('data-view');
  if (view === 'report' || view === 'questionnaire') return { kind: 'view', view };
  const reveal = target.closest('button[data-reveal]')?.getAttribute('data-reveal');
  if (reveal && /^\d{1,10}$/.test(reveal)) return { kind: 'reveal', offset: Number(reveal) };
  const whose = target.closest<HTMLButtonElement>(WHOSE);
  if (whose) return whose.getAttribute('aria-checked') === 'true' ? undefined : chooseWhose(whose);
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
    return view ? `view:${view}` : whose !== null ? `whose:${whose}` : undefined;
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
