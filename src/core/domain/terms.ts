import type { RubricTerms } from '../format/types';

/** What a rubric calls its groups, dimensions and criteria. */
export type TermKey = keyof RubricTerms;
export type Terms = Readonly<Record<TermKey, string>>;

/** The words a rubric gets when it sets no `terms`. */
export const DEFAULT_TERMS: Terms = { group: 'Group', dimension: 'Dimension', subgroup: 'Sub-group', criterion: 'Criterion' };

/** A rubric's words for its parts, each defaulted. */
export function termsOf(terms: RubricTerms | undefined): Terms {
  return {
    group: terms?.group ?? DEFAULT_TERMS.group,
    dimension: terms?.dimension ?? DEFAULT_TERMS.dimension,
    subgroup: terms?.subgroup ?? DEFAULT_TERMS.subgroup,
    criterion: terms?.criterion ?? DEFAULT_TERMS.criterion,
  };
}
