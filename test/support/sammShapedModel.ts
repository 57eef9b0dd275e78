/**
 * A full-size model in the shape of OWASP SAMM (5 business functions, 15 practices, 30 streams,
 * 90 questions on 24 answer sets of four answers worth 0, 0.25, 0.5 and 1), with placeholder
 * texts: the files `rubrics import samm` reads, and what each question is.
 */
import type { ModelFile } from '../../src/core/interchange/samm';

export const SAMM_CREDITS = [0, 0.25, 0.5, 1] as const;
export const SAMM_FUNCTIONS = ['G', 'D', 'I', 'V', 'O'] as const;

export interface SammShapedQuestion {
  /** The criterion id the import gives it (g-p1-1-a). */
  readonly id: string;
  /** SAMM's activity id (G-P1-A-1). */
  readonly sammId: string;
  readonly function: string;
  readonly practice: string;
  readonly stream: string;
  readonly level: number;
  /** Its answer set (setA … setX). */
  readonly set: string;
}

export function sammShapedModel(): { files: ModelFile[]; questions: SammShapedQuestion[] } {
  const files: ModelFile[] = [];
  const doc = (folder: string, name: string, value: Record<string, unknown>) => files.push({ file: `model/${folder}/${name}.yml`, documents: [value] });
  for (let n = 1; n <= 3; n++) doc('maturity_levels', String(n), { id: `ml${n}`, number: n, description: `Level ${n}.`, type: 'MaturityLevel' });
  for (let s = 0; s < 24; s++) {
    const letter = String.fromCharCode(65 + s);
    doc('answer_sets', letter, { id: `set${letter}`, values: SAMM_CREDITS.map((value, order) => ({ text: `Answer ${order} of set ${letter}`, value, weight: 1, order })), type: 'AnswerSet' });
  }
  const questions: SammShapedQuestion[] = [];
  SAMM_FUNCTIONS.forEach((f, fi) => {
    doc('business_functions', f, { model: 'SAMM20', id: `fn${f}`, name: `${f} function`, order: fi + 1, type: 'Function' });
    for (let p = 1; p <= 3; p++) {
      const practice = `${f}-P${p}`;
      doc('security_practices', practice, { function: `fn${f}`, id: `pr${practice}`, name: `Practice ${practice}`, shortName: `P${p}`, order: p, type: 'Practice' });
      for (let n = 1; n <= 3; n++) doc('practice_levels', `${practice}-${n}`, { practice: `pr${practice}`, maturityLevel: `ml${n}`, id: `pl${practice}${n}`, objective: `Objective ${n}.`, type: 'PracticeLevel' });
      ['A', 'B'].forEach((letter, si) => {
        doc('streams', `${practice}-${letter}`, { practice: `pr${practice}`, id: `st${practice}${letter}`, name: `Stream ${letter}`, letter, order: si + 1, type: 'Stream' });
        for (let n = 1; n <= 3; n++) {
          const code = `${practice}-${n}-${letter}`;
          const set = `set${String.fromCharCode(65 + (questions.length % 24))}`;
          doc('activities', code, { stream: `st${practice}${letter}`, level: `pl${practice}${n}`, id: `ac${code}`, title: `Activity ${code}`, shortDescription: 'Placeholder.', type: 'Activity' });
          doc('questions', code, { activity: `ac${code}`, answerSet: set, id: `q${code}`, text: `Question ${code}?`, order: 1, quality: ['A placeholder.'], type: 'Question' });
          questions.push({ id: `${f}-p${p}-${n}-${letter}`.toLowerCase(), sammId: `${f}-P${p}-${letter}-${n}`, function: f, practice, stream: letter, level: n, set });
        }
      });
    }
  });
  return { files, questions };
}
