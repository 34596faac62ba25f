import { buildCorpusIndex } from '../corpus';
import { DEFAULT_MIN_SCORE, suggestMatches } from '../suggest';
import type { Matcher } from './types';

/** Our matcher as the app runs it, with no cut and no per-article limit beyond three. */
export const ourMatcher: Matcher = {
  name: 'Corroborate',
  cut: DEFAULT_MIN_SCORE,
  index(articles) {
    const index = buildCorpusIndex(articles);
    return (queryArticle, query) =>
      suggestMatches(
        index,
        { articleId: queryArticle, text: query, kind: 'claim' },
        { limit: Number.MAX_SAFE_INTEGER, perArticle: 3, minScore: 0, exhaustive: true },
      ).map((s) => ({ articleId: s.articleId, start: s.start, end: s.end, score: s.score }));
  },
};
