import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Article, ClaimGroup } from '../../../shared/model/types';
import { groupedAnnotations, liveGroups } from '../../db/queries';
import { useLiveArticles } from '../../state/liveArticles';
import { outletName } from '../../../shared/text/outlet';

export interface GroupsData {
  groups: ClaimGroup[];
  /** Only annotations that belong to a group. */
  members: Annotation[];
  articles: readonly Article[];
}

/**
 * Live: every group, every grouped annotation, every article (for titles and columns). The
 * articles are the window's one live read (renderer/state/liveArticles.ts): a link or a verdict
 * changes groups and annotations, and must not read every article's whole text again.
 */
export function useGroupsData(): GroupsData | undefined {
  const live = useLiveArticles();
  const rows = useLiveQuery(async () => {
    const [groups, members] = await Promise.all([
      liveGroups(),
      // Ungrouped rows have groupId null, which IndexedDB does not index: this reads members only.
      groupedAnnotations(),
    ]);
    return { groups, members };
  }, []);
  return useMemo(() => (rows && live ? { ...rows, articles: live.list } : undefined), [rows, live]);
}

/** A short, readable name for an article in narrow places (columns, chips, cells). */
export function articleName(a: Pick<Article, 'title' | 'source' | 'url'>): string {
  const outlet = outletName(a);
  return outlet ? `${outlet}: ${a.title}` : a.title;
}
