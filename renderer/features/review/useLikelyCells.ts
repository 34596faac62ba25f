import { useEffect, useState } from 'react';
import type { Article } from '../../../shared/model/types';
import { likelySourcesOf, type GroupSummary } from '../../../shared/summary';
import { corpusIndexFor } from './corpusIndex';

const GROUPS_PER_SLICE = 4;

/**
 * The matrix's "likely here" cells, filled in after the matrix has painted: a few groups per
 * macrotask (each takes a few ms on the seeds), so no single task blocks input for long, and a
 * newer set of groups or articles cancels the run in progress.
 */
export function useLikelyCells(
  summaries: readonly GroupSummary[] | null,
  articles: readonly Article[] | null,
): ReadonlyMap<string, ReadonlySet<string>> {
  const [likely, setLikely] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  useEffect(() => {
    if (!summaries || !articles || articles.length < 2) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const found = new Map<string, ReadonlySet<string>>();
    let at = 0;
    const slice = () => {
      if (cancelled) return;
      const index = corpusIndexFor(articles);
      for (const s of summaries.slice(at, at + GROUPS_PER_SLICE)) {
        found.set(s.group.id, likelySourcesOf(index, s));
      }
      at += GROUPS_PER_SLICE;
      if (at < summaries.length) timer = setTimeout(slice, 0);
      else setLikely(new Map(found));
    };
    timer = setTimeout(slice, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [summaries, articles]);
  return likely;
}
