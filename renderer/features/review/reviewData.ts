import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Article, ClaimGroup } from '../../../shared/model/types';
import { groupedAnnotations, liveArticles, liveGroups } from '../../db/queries';
import { outletName } from '../../../shared/text/outlet';

export interface GroupsData {
  groups: ClaimGroup[];
  /** Only annotations that belong to a group. */
  members: Annotation[];
  articles: Article[];
}

/** Live: every group, every grouped annotation, every article (for titles and columns). */
export function useGroupsData(): GroupsData | undefined {
  return useLiveQuery(async () => {
    const [groups, members, articles] = await Promise.all([
      liveGroups(),
      // Ungrouped rows have groupId null, which IndexedDB does not index: this reads members only.
      groupedAnnotations(),
      liveArticles(),
    ]);
    return { groups, members, articles };
  }, []);
}

/** A short, readable name for an article in narrow places (columns, chips, cells). */
export function articleName(a: Pick<Article, 'title' | 'source' | 'url'>): string {
  const outlet = outletName(a);
  return outlet ? `${outlet}: ${a.title}` : a.title;
}
