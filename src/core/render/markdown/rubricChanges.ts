import type { ReportTerms } from '../../report/model';
import type { RubricChange } from '../../review/rubricChanges';
import { termWord } from '../text';
import { markdownCode, markdownText } from './escape';

/**
 * What changed in a rubric, one sentence per change with its old and new value ("Discipline Claims
 * data weight 1 → 3"), in the rubric's own words for its parts: the review's rubric sections and
 * the two-file diff of a rubric write them the same way.
 */

const q = (v: unknown) => markdownText(String(v));

/** One rubric change as a sentence with its old and new value. */
export function rubricChangeText(c: RubricChange, terms: ReportTerms): string {
  const dim = c.dimension ? `${markdownText(terms.dimension)} ${markdownText(c.dimension.title)}` : '';
  const crit = c.criterion ? `${markdownText(terms.criterion.toLowerCase())} ${markdownCode(c.criterion.id)}` : '';
  const fromTo = `${q(c.before)} → ${q(c.after)}`;
  switch (c.kind) {
    case 'version':
      return `Version ${fromTo}`;
    case 'scoring-method':
      return `Scoring method ${fromTo}`;
    case 'pass-credit':
      return `Credit that counts as met ${fromTo}`;
    case 'threshold':
      return `Threshold level ${c.before === undefined ? 'none' : q(c.before)} → ${c.after === undefined ? 'none' : q(c.after)}`;
    case 'default-answer-scale':
      return `Default answer scale ${fromTo}`;
    case 'level-added':
      return `New level ${c.level}${c.after !== undefined ? ` (${q(c.after)})` : ''}`;
    case 'level-removed':
      return `Level ${c.level} removed${c.before !== undefined ? ` (${q(c.before)})` : ''}`;
    case 'level-name':
      return `Level ${c.level} renamed ${fromTo}`;
    case 'group-added':
      return `New ${markdownText(terms.group.toLowerCase())} ${markdownText(c.group?.title ?? '')} (weight ${q(c.after)})`;
    case 'group-removed':
      return `${markdownText(terms.group)} ${markdownText(c.group?.title ?? '')} removed`;
    case 'group-weight':
      return `${markdownText(terms.group)} ${markdownText(c.group?.title ?? '')} weight ${fromTo}`;
    case 'dimension-added':
      return `New ${dim.charAt(0).toLowerCase()}${dim.slice(1)} (weight ${q(c.after)})`;
    case 'dimension-removed':
      return `${dim} removed`;
    case 'dimension-weight':
      return `${dim} weight ${fromTo}`;
    case 'dimension-group':
      return `${dim} moved between ${markdownText(termWord(terms.group))}: ${c.before === undefined ? 'none' : q(c.before)} → ${c.after === undefined ? 'none' : q(c.after)}`;
    case 'dimension-title':
      return `${markdownText(terms.dimension)} ${markdownCode(c.dimension?.id ?? '')} renamed ${fromTo}`;
    case 'criterion-added':
      return `New ${crit} in ${markdownText(c.dimension?.title ?? '')} at level ${q(c.after)}: ${markdownText(c.criterion?.text ?? '')}`;
    case 'criterion-removed':
      return `${capital(crit)} of ${markdownText(c.dimension?.title ?? '')} removed (it was at level ${q(c.before)})`;
    case 'criterion-moved':
      return `${capital(crit)} moved ${fromTo}`;
    case 'criterion-level':
      return `${capital(crit)} (${markdownText(c.dimension?.title ?? '')}) level ${fromTo}`;
    case 'criterion-weight':
      return `${capital(crit)} (${markdownText(c.dimension?.title ?? '')}) weight ${fromTo}`;
    case 'criterion-answer-scale':
      return `${capital(crit)} (${markdownText(c.dimension?.title ?? '')}) answer scale ${fromTo}`;
    case 'criterion-evidence-required':
      return `${capital(crit)} (${markdownText(c.dimension?.title ?? '')}) ${c.after ? 'now requires evidence' : 'no longer requires evidence'}`;
    case 'criterion-text':
      return `${capital(crit)} (${markdownText(c.dimension?.title ?? '')}) reworded: ${fromTo}`;
    case 'answer-scale-added':
      return `New answer scale ${markdownCode(c.answerScale ?? '')}: ${q(c.after)}`;
    case 'answer-scale-removed':
      return `Answer scale ${markdownCode(c.answerScale ?? '')} removed`;
    case 'answer-added':
      return `Answer scale ${markdownCode(c.answerScale ?? '')}: new answer ${markdownCode(c.answer ?? '')} with credit ${q(c.after)}`;
    case 'answer-removed':
      return `Answer scale ${markdownCode(c.answerScale ?? '')}: answer ${markdownCode(c.answer ?? '')} removed`;
    case 'answer-credit':
      return `Answer scale ${markdownCode(c.answerScale ?? '')}: credit of ${markdownCode(c.answer ?? '')} ${fromTo}`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The changes as a Markdown list. */
export function rubricChangeList(changes: readonly RubricChange[], terms: ReportTerms): string {
  return changes.map((c) => `- ${rubricChangeText(c, terms)}`).join('\n');
}
