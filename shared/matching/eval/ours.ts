import type { CorpusIndex } from '../corpus';
import { buildCorpusIndex } from '../corpus';
import { DEFAULT_MIN_SCORE, suggestMatches } from '../suggest';
import type { RankWeights } from '../types';
import type { Matcher, Ranked } from './types';

/** Every span of every other article, no cut, at most three per article, best first. */
function searchIn(
  index: CorpusIndex,
  weights?: Partial<RankWeights>,
): (queryArticle: string, query: string) => Ranked[] {
  return (queryArticle, query) =>
    suggestMatches(
      index,
      { articleId: queryArticle, text: query, kind: 'claim' },
      { limit: Number.MAX_SAFE_INTEGER, perArticle: 3, minScore: 0, exhaustive: true, weights },
    ).map((s) => ({ articleId: s.articleId, start: s.start, end: s.end, score: s.score }));
}

/** Our matcher as the app runs it, with no cut and no per-article limit beyond three. */
export const ourMatcher: Matcher = {
  name: 'Corroborate',
  cut: DEFAULT_MIN_SCORE,
  index: (articles) => searchIn(buildCorpusIndex(articles)),
};

/**
 * Our matcher with other ranking constants, for the topic cross-validation. The index does not
 * depend on the constants, so one built per library is reused across the grid (`cache`).
 */
export function weightedMatcher(
  weights: Partial<RankWeights>,
  cache: Map<string, CorpusIndex>,
): Matcher {
  return {
    name: 'Corroborate (cross-validated)',
    cut: DEFAULT_MIN_SCORE,
    index(articles) {
      const key = articles.map((a) => a.id).join('\n');
      let index = cache.get(key);
      if (!index) cache.set(key, (index = buildCorpusIndex(articles)));
      return searchIn(index, weights);
    },
  };
}
