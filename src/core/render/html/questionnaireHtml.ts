import { STARTING_CONSENSUS_RULES } from '../../domain/consensus';
import type { FileAnalysis } from '../../engine';
import type { ReportModel } from '../../report/model';
import { buildQuestionnaire, type QuestionnaireCriterion, type QuestionnaireDimension, type QuestionnaireModel, type QuestionnaireOptions, type QuestionnaireProgress } from '../../report/questionnaire';
import { formatScore, levelLabel, sentence, termWord } from '../text';
import { meter } from './charts';
import { linkHtml, prose } from './common';
import { anchorId, attr, escapeHtml } from './escape';
import { webviewShellKey, type PreviewReport } from './preview';
import { previewCarriesBody, type PreviewReportOptions } from './renderHtml';

/**
 * The questionnaire as the preview shows it: one form per criterion, with the answer scale as a
 * group of radio buttons, the note and the evidence links. It only describes; the preview's
 * script (src/webview/questionnaire.ts) turns a choice into a message naming the dimension and
 * criterion (`data-dimension`, `data-criterion`) and the answer (`data-answer`), and the
 * extension makes the edit. Every piece of user text is escaped, as in every report.
 */

/** The views of an assessment the preview switches between. */
export type PreviewView = 'report' | 'questionnaire';

/** The button that switches the preview to the other view (`data-view` names the one it opens). */
export function viewSwitch(to: PreviewView): string {
  const label = to === 'questionnaire' ? 'Answer the questionnaire' : 'Show the report';
  return `<div class="view-switch"><button type="button" class="q-button" data-view="${to}">${escapeHtml(label)}</button></div>\n`;
}

/**
 * What the preview shows in questionnaire mode: the questionnaire of the document the report is
 * of, in the report's page shell (so switching views swaps the body). A document with errors
 * comes without a body when the preview keeps an earlier one, as a report does.
 */
export function questionnairePreview(analysis: FileAnalysis, model: ReportModel, options: PreviewReportOptions & QuestionnaireOptions = {}): PreviewReport {
  const title = `${model.title} – Questionnaire`;
  const errors = model.problems.counts.error;
  if (!previewCarriesBody(model, options)) return { shellKey: webviewShellKey(), title, errors };
  const questionnaire = buildQuestionnaire(analysis, model.source.documentIndex, options.assessor !== undefined ? { assessor: options.assessor } : {});
  const body = 'unavailable' in questionnaire ? questionnaireUnavailable(model.title, questionnaire.unavailable) : questionnaireBody(questionnaire);
  return { body, shellKey: webviewShellKey(), title, errors };
}

/** The body of the questionnaire page (a `<main>` like a report's, so the preview swaps it in the same way). */
export function questionnaireBody(model: QuestionnaireModel): string {
  const criterionWord = model.terms.criterion.toLowerCase();
  const score = model.score !== undefined ? `<span>Overall score <strong class="q-score">${escapeHtml(formatScore(model.score))}</strong> of ${model.maxLevel}</span>` : '<span>Not scored yet</span>';
  return (
    `<main class="report questionnaire"${attr('data-assessor', model.answering)}>\n` +
    `<header><span class="kind">Questionnaire</span><h1>${escapeHtml(model.title)}</h1>` +
    `<p class="subtitle"><span>${escapeHtml(model.rubricTitle)}</span>${score}</p>${viewSwitch('report')}</header>\n` +
    whoseAnswers(model) +
    progressSummary(model.progress, criterionWord) +
    `<p class="q-keys muted" id="q-keys">Arrow keys move between answers; Space, Enter or the answer's number chooses it; Delete clears it. Tab goes to the note and evidence.</p>\n` +
    tableOfContents(model) +
    model.dimensions.map((d) => dimensionSection(d, model)).join('') +
    `</main>`
  );
}

/** A body saying why there is no questionnaire, with the way back to the report. */
export function questionnaireUnavailable(title: string, reason: string): string {
  return `<main class="report questionnaire">\n<header><span class="kind">Questionnaire</span><h1>${escapeHtml(title)}</h1>${viewSwitch('report')}</header>\n<p class="notice" role="status">${escapeHtml(reason)}</p>\n</main>`;
}

const CONSENSUS_TEXT = { median: 'the median of the assessors\' answers', minimum: 'the lowest of the assessors\' answers', adjudicator: 'the adjudicator\'s answer' } as const;

/** How the scored answer comes about where no agreed answer settles a criterion. */
function consensusText(model: QuestionnaireModel): string {
  return model.consensus ? CONSENSUS_TEXT[model.consensus] : 'the consensus of the assessors\' answers';
}

/**
 * With several assessors: whose answers the form edits, said at the top, and the choice of the
 * agreed answers or one assessor's, as a radio group like the answers (one Tab stop, arrows move,
 * Space or Enter chooses). Without responses, what they are for. Either way, the form that adds
 * an assessor.
 */
function whoseAnswers(model: QuestionnaireModel): string {
  if (model.assessors.length === 0) {
    return (
      `<section class="q-whose" aria-labelledby="q-whose-h">\n` +
      `<h2 id="q-whose-h">Several assessors</h2>\n` +
      `<p class="muted">${escapeHtml(model.listed.length > 0
        ? 'The assessment names who took part, but keeps one set of answers: these. To keep each person\'s answers apart, add them as assessors (their names are offered); these answers then stay the agreed ones, which settle a criterion whatever the assessors answer.'
        : 'These are the assessment\'s own answers. To keep each interviewee\'s answers apart, add them as assessors; these answers then stay the agreed ones, which settle a criterion whatever the assessors answer.')}</p>\n` +
      addAssessorForm(model) +
      `</section>\n`
    );
  }
  const editing = model.assessors.find((a) => a.id === model.answering);
  const heading = editing ? `Editing the answers of ${editing.name}` : 'Editing the agreed answers';
  const about = editing
    ? [editing.role, editing.date ? `answered ${editing.date}` : undefined].filter(Boolean).join(', ')
    : '';
  const explain = editing
    ? `${editing.name}'s answers count through ${consensusText(model)}, unless an agreed answer settles the criterion.`
    : `An agreed answer settles a criterion whatever the assessors answer; without one, ${consensusText(model)} is scored.`;
  const criterionWord = model.terms.criterion.toLowerCase();
  const choices = [
    { id: '', label: 'Agreed answers', title: 'The assessment\'s own answers, which settle criteria' },
    ...model.assessors.map((a) => ({ id: a.id, label: a.name, title: `${[a.role, a.date ? `answered ${a.date}` : undefined].filter(Boolean).join(', ')}${a.role || a.date ? ': ' : ''}${a.answered} ${termWord(criterionWord, a.answered)} answered` })),
  ].map((choice) => {
    const checked = choice.id === (editing?.id ?? '');
    return `<button type="button" role="radio" class="q-option q-whose-option" aria-checked="${checked}" tabindex="${checked ? 0 : -1}"${attr('data-assessor', choice.id)}${attr('title', choice.title)}>${escapeHtml(choice.label)}</button>`;
  });
  return (
    `<section class="q-whose" aria-labelledby="q-whose-h">\n` +
    `<h2 id="q-whose-h">${escapeHtml(heading)}</h2>\n` +
    (about ? `<p class="muted">${escapeHtml(about)}</p>\n` : '') +
    `<p class="muted" id="q-whose-about">${escapeHtml(explain)}</p>\n` +
    `<p class="q-look-label" id="q-whose-label">Whose answers to edit</p>` +
    `<div class="q-whose-choices" role="radiogroup" aria-labelledby="q-whose-label" aria-describedby="q-whose-about">${choices.join('')}</div>\n` +
    addAssessorForm(model) +
    `</section>\n`
  );
}

const STARTING_RULE_LABELS = { median: 'The median of their answers (a tie goes to the lower)', minimum: 'The lowest of their answers' } as const;

/**
 * The form that adds an assessor, folded away: their name, role and the day they answered (the
 * page's script puts today in), and, in an assessment without a consensus rule, how the
 * assessors' answers will count. The script sends what was typed; the language server checks it
 * and writes the response, and a refusal shows in the alert line under the fields.
 */
function addAssessorForm(model: QuestionnaireModel): string {
  const input = (field: string, label: string, attrs: string) =>
    `<div class="q-field"><label for="q-new-${field}">${escapeHtml(label)}</label><input id="q-new-${field}" class="q-input" data-new-field="${field}" aria-describedby="q-new-problem"${attrs}></div>`;
  const rule = model.consensus
    ? ''
    : `<div class="q-field"><label for="q-new-consensus">${escapeHtml('How the assessors\' answers count')}</label><select id="q-new-consensus" class="q-input" data-new-field="consensus" aria-describedby="q-new-rule q-new-problem">${STARTING_CONSENSUS_RULES.map((r) => `<option value="${r}">${escapeHtml(STARTING_RULE_LABELS[r])}</option>`).join('')}</select>` +
      `<p class="muted q-hint" id="q-new-rule">Written into the assessment with its first assessor; an answer agreed in the file still settles a criterion.</p></div>`;
  return (
    `<details class="q-new-assessor" id="q-new-assessor"><summary>Add an assessor…</summary>\n` +
    `<div class="q-new-fields">` +
    input('name', 'Name', ` type="text" autocomplete="off" spellcheck="false" required${model.listed.length > 0 ? ' list="q-new-people"' : ''}`) +
    input('role', 'Role (optional)', ' type="text" autocomplete="off"') +
    input('date', 'Answered on', ' type="date" required') +
    rule +
    `</div>\n` +
    `<p class="q-new-actions"><button type="button" class="q-button" data-add-assessor>Add and edit their answers</button></p>\n` +
    `<p class="q-refusal" id="q-new-problem" role="alert" hidden></p>\n` +
    `</details>\n` +
    listedPeople(model)
  );
}

/** The names the assessment's `assessors:` list gives and no response has, offered as the new assessor's name (with their role beside it). */
function listedPeople(model: QuestionnaireModel): string {
  if (model.listed.length === 0) return '';
  const options = model.listed.map((person) => `<option${attr('value', person.name)}${person.role ? attr('label', person.role) : ''}></option>`);
  return `<datalist id="q-new-people">${options.join('')}</datalist>\n`;
}

function progressText(p: QuestionnaireProgress): string {
  return `${p.answered} of ${p.total} answered`;
}

function progressSummary(p: QuestionnaireProgress, criterionWord: string): string {
  const left = p.excluded ? ` · ${p.excluded} ${termWord(criterionWord, p.excluded)} not applicable or exempt` : '';
  const label = `${p.answered} of ${p.total} ${termWord(criterionWord, p.total)} answered`;
  return `<div class="q-progress"><p id="q-progress" role="status">${escapeHtml(label)}${escapeHtml(left)}</p>${meter(p.total ? p.answered / p.total : 0, label)}</div>\n`;
}

function tableOfContents(model: QuestionnaireModel): string {
  const items = model.dimensions.map((d) => {
    const count = d.excluded ? (d.excluded.source === 'exempt' ? 'exempt' : 'not applicable') : progressText(d.progress);
    const done = !d.excluded && d.progress.total > 0 && d.progress.answered === d.progress.total;
    return `<li><a href="#${anchorId('q-dim', d.id)}">${escapeHtml(d.title)}</a> <span class="q-count${done ? ' q-done' : ''}">${escapeHtml(count)}</span></li>`;
  });
  return `<nav class="q-toc" aria-label="${escapeHtml(termWord(model.terms.dimension.toLowerCase()))}"><ol>${items.join('')}</ol></nav>\n`;
}

function dimensionSection(d: QuestionnaireDimension, model: QuestionnaireModel): string {
  const id = anchorId('q-dim', d.id);
  const count = d.excluded ? '' : ` <span class="q-count">${escapeHtml(progressText(d.progress))}</span>`;
  const excluded = d.excluded
    ? `<p class="notice">${escapeHtml(`${d.excluded.source === 'exempt' ? 'Exempt' : 'Not applicable'}: ${sentence(d.excluded.reason)} Its ${termWord(model.terms.criterion.toLowerCase())} are left out of the score.`)}</p>`
    : '';
  const none = d.criteria.length === 0 ? `<p class="muted">${escapeHtml(`This ${model.terms.dimension.toLowerCase()} has no ${termWord(model.terms.criterion.toLowerCase())} to answer; it is rated by its level.`)}</p>` : '';
  return (
    `<section class="q-dimension" id="${id}" aria-labelledby="${id}-h">\n` +
    `<h2 id="${id}-h">${escapeHtml(d.title)}${count}</h2>\n` +
    (d.group ? `<p class="muted q-group">${escapeHtml(`${model.terms.group}: ${d.group}`)}</p>` : '') +
    (d.description ? `<details class="q-about"><summary>About this ${escapeHtml(model.terms.dimension.toLowerCase())}</summary>${prose(d.description)}</details>` : '') +
    excluded +
    none +
    d.criteria.map((c) => criterionForm(c, d, model)).join('') +
    `</section>\n`
  );
}

const SOURCE_LABELS = {
  own: 'Answered in this file',
  unanswered: 'Not answered yet',
  'not-applicable': 'Not applicable',
  exempt: 'Exempt',
} as const;

function criterionForm(c: QuestionnaireCriterion, d: QuestionnaireDimension, model: QuestionnaireModel): string {
  const id = anchorId('q-c', `${d.id}.${c.id}`);
  const heading = c.title ? `${escapeHtml(c.title)}` : escapeHtml(c.text);
  const level = `<span class="q-level">${escapeHtml(`Level ${levelLabel(c.level, c.levelName, ' · ')}`)}</span>`;
  return (
    `<article class="q-criterion q-${c.source}" id="${id}"${attr('data-dimension', d.id)}${attr('data-criterion', c.id)} aria-labelledby="${id}-h">\n` +
    `<h3 id="${id}-h">${heading}</h3>\n` +
    `<p class="q-meta">${level} <code class="q-id">${escapeHtml(c.id)}</code>${c.evidenceRequired ? ' <span class="chip">evidence required</span>' : ''}</p>\n` +
    (c.title ? `<p class="q-text">${escapeHtml(c.text)}</p>\n` : '') +
    guide(c, id) +
    answerGroup(c, id) +
    sourceLine(c, model) +
    otherAnswers(c, id) +
    noteField(c, id) +
    evidenceField(c, id) +
    `<p class="q-refusal" role="alert" hidden></p>\n` +
    `</article>\n`
  );
}

/** Guidance, interview questions and what makes it met, folded away (an interviewer opens them). */
function guide(c: QuestionnaireCriterion, id: string): string {
  const parts: string[] = [];
  if (c.guidance) parts.push(prose(c.guidance, 'q-guidance'));
  if (c.questions.length) {
    const items = c.questions.map((q) => {
      const lookFor = q.lookFor.length ? `<p class="q-look-label">Look for</p><ul class="q-look">${q.lookFor.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';
      return `<li><span class="q-ask">${escapeHtml(q.ask)}</span>${lookFor}</li>`;
    });
    parts.push(`<p class="q-look-label">Ask</p><ul class="q-questions">${items.join('')}</ul>`);
  }
  if (c.qualityCriteria.length) parts.push(`<p class="q-look-label">Met when</p><ul class="q-look">${c.qualityCriteria.map((q) => `<li>${escapeHtml(q)}</li>`).join('')}</ul>`);
  if (!parts.length) return '';
  const label = c.questions.length ? (c.guidance ? 'Guidance and questions' : 'Questions to ask') : c.guidance ? 'Guidance' : 'What makes it met';
  return `<details class="q-guide" id="${id}-guide"><summary>${label}</summary>${parts.join('')}</details>\n`;
}

/**
 * The scale as radio buttons: one tab stop (the chosen answer, else the first), arrows move,
 * Space, Enter or the number chooses. A scale the rubric lacks leaves nothing to choose from.
 */
function answerGroup(c: QuestionnaireCriterion, id: string): string {
  if (c.options.length === 0) return `<p class="notice">${escapeHtml(`The answer scale "${c.scaleName}" is not in the rubric, so this cannot be answered here.`)}</p>\n`;
  const focusIndex = Math.max(0, c.options.findIndex((o) => o.value === c.selected));
  const buttons = c.options.map((o, i) => {
    const checked = o.value === c.selected;
    const key = i < 9 ? `<kbd aria-hidden="true">${i + 1}</kbd>` : '';
    return `<button type="button" role="radio" class="q-option" aria-checked="${checked}" tabindex="${i === focusIndex ? 0 : -1}"${attr('data-answer', o.value)}${attr('title', o.description)}>${key}<span>${escapeHtml(o.value)}</span></button>`;
  });
  const offScale = c.answer !== undefined && c.selected === undefined ? `<p class="notice">${escapeHtml(`The file answers "${c.answer}", which is not on the "${c.scaleName}" scale: choose one of these.`)}</p>` : '';
  const clear = c.answer !== undefined ? `<button type="button" class="q-button q-secondary q-clear" data-clear>Clear the answer</button>` : '';
  return `${offScale}<div class="q-answer-row"><div class="q-answers" role="radiogroup" aria-labelledby="${id}-h" aria-describedby="q-keys"${attr('data-selected', c.selected ?? '')}>${buttons.join('')}</div>${clear}</div>\n`;
}

/** Where the answer being edited stands; with several assessors, in the words of whose answers they are. */
function sourceLabel(c: QuestionnaireCriterion, model: QuestionnaireModel): string {
  if (model.assessors.length === 0 || (c.source !== 'own' && c.source !== 'unanswered')) return SOURCE_LABELS[c.source];
  const editing = model.assessors.find((a) => a.id === model.answering);
  if (editing) return c.source === 'own' ? `Answered by ${editing.name}` : `Not answered by ${editing.name} yet`;
  return c.source === 'own' ? 'Agreed in this file: it settles the criterion' : 'No agreed answer';
}

/** The other answers to a criterion and the one that is scored, read only (with several assessors). */
function otherAnswers(c: QuestionnaireCriterion, id: string): string {
  if (c.others.length === 0 && !c.scored) return '';
  const items = c.others.map((o) => `<li><span class="q-who">${escapeHtml(o.assessor ?? 'Agreed')}</span> <strong>${escapeHtml(o.answer)}</strong></li>`);
  if (c.scored) items.push(`<li class="q-scored"><span class="q-who">Scored</span> <strong>${escapeHtml(c.scored.answer)}</strong> <span class="muted">${escapeHtml(c.scored.from === 'agreed' ? '(the agreed answer)' : '(the consensus)')}</span></li>`);
  return `<div class="q-others"><span class="q-label" id="${id}-others">Other answers</span><ul aria-labelledby="${id}-others">${items.join('')}</ul></div>\n`;
}

function sourceLine(c: QuestionnaireCriterion, model: QuestionnaireModel): string {
  const parts: string[] = [sourceLabel(c, model)];
  if (c.source === 'not-applicable' && c.notApplicable) parts[0] += `: ${c.notApplicable}`;
  if (c.source === 'exempt' && c.exemption) parts[0] += ` until ${c.exemption.expires}: ${c.exemption.reason} (approved by ${c.exemption.approver})`;
  if (c.evidenceMissing) parts.push('a positive answer here needs evidence');
  const reveal = c.sourceOffset !== undefined ? ` <button type="button" class="q-link" data-reveal="${c.sourceOffset}">Show in the file</button>` : '';
  return `<p class="q-source muted">${escapeHtml(parts.join(' · '))}${reveal}</p>\n`;
}

function noteField(c: QuestionnaireCriterion, id: string): string {
  return `<div class="q-field"><label for="${id}-note">Note</label><textarea id="${id}-note" class="q-input" data-field="note" rows="${c.note && c.note.includes('\n') ? 4 : 2}" spellcheck="true">${escapeHtml(c.note ?? '')}</textarea></div>\n`;
}

function evidenceField(c: QuestionnaireCriterion, id: string): string {
  const items = c.evidence.map(({ link, written }, i) => {
    const remove = ` <button type="button" class="q-link" data-remove-evidence="${i}"${attr('aria-label', `Remove the evidence ${link.title ?? link.url}`)}>Remove</button>`;
    // The entry as written travels with it, so removing another one keeps its title and date.
    return `<li${attr('data-evidence', JSON.stringify(written))}>${linkHtml(link)}${remove}</li>`;
  });
  const list = items.length ? `<ul class="q-evidence-list" aria-labelledby="${id}-ev">${items.join('')}</ul>` : '';
  const add = `<div class="q-add"><input type="url" id="${id}-add" class="q-input" data-field="evidence" placeholder="https://… or ./path" aria-label="Add an evidence link"><button type="button" class="q-button q-secondary" data-add-evidence>Add link</button></div>`;
  return `<div class="q-field"><span class="q-label" id="${id}-ev">Evidence</span>${list}${add}</div>\n`;
}
