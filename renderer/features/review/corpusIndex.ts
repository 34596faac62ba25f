import { useLiveQuery } from 'dexie-react-hooks';
import type { Article } from '../../../shared/model/types';
import { buildCorpusIndex, type CorpusIndex } from '../../../shared/matching';
import { liveArticles } from '../../db/queries';

/**
 * The matching index over the whole library, built once per set of articles. Keyed by article
 * ids and content hashes, so re-renders, other annotations and several panels share one index;
 * it is rebuilt only when an article is added, removed or replaced.
 */
let cached: { key: string; index: CorpusIndex } | null = null;

export function corpusKey(articles: readonly Pick<Article, 'id' | 'sha256'>[]): string {
  return articles
    .map((a) => `${a.id}:${a.sha256}`)
    .sort()
    .join('|');
}

export function corpusIndexFor(
  articles: readonly Pick<Article, 'id' | 'sha256' | 'text'>[],
): CorpusIndex {
  const key = corpusKey(articles);
  if (cached?.key !== key) {
    cached = { key, index: buildCorpusIndex(articles.map((a) => ({ id: a.id, text: a.text }))) };
  }
  return cached.index;
}

/**
 * All articles (live) and, when `withIndex`, the index over them; null while loading. The index
 * is only built once the editor asks for matches, not whenever an annotation panel opens.
 */
export function useCorpus(
  withIndex: boolean,
): { articles: Article[]; index: CorpusIndex | null } | null {
  const articles = useLiveQuery(() => liveArticles(), []);
  // corpusIndexFor returns the cached index unless the set of articles changed.
  return articles ? { articles, index: withIndex ? corpusIndexFor(articles) : null } : null;
}
