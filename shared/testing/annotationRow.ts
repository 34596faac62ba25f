import { annotationDefaults } from '../model/defaults';
import type { Annotation } from '../model/types';

/**
 * A stored annotation row for tests: a claim on `exact` at the start of its article, every
 * other field at its default, then `patch`.
 */
export function annotationRow(
  id: string,
  patch: Partial<Annotation> = {},
  exact = 'x',
): Annotation {
  return {
    ...annotationDefaults(),
    id,
    articleId: 'a1',
    kind: 'claim',
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    speaker: null,
    note: '',
    groupId: null,
    stance: null,
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}
