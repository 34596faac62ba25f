import type { Annotation } from '../../../shared/model/types';
import { db } from '../../db/database';
import { uiStore, updateUi } from '../../state/uiState';
import { whenViewerReady } from '../annotate/viewerRegistry';
import { groupMembers } from '../../db/queries';

/** Side-by-side review shows 2 to 4 articles. */
export const MIN_REVIEW = 2;
export const MAX_REVIEW = 4;

/** Scroll the viewer of an article once it has rendered (columns mount after a view switch). */
function scrollWhenReady(articleId: string, offset: number): void {
  void whenViewerReady(articleId).then((viewer) => viewer?.scrollToOffset(offset));
}

/** The first member (in text order) of each article, from a group's members. */
export function firstMemberByArticle(members: readonly Annotation[]): Map<string, Annotation> {
  const out = new Map<string, Annotation>();
  for (const m of members) {
    const seen = out.get(m.articleId);
    if (!seen || m.position.start < seen.position.start) out.set(m.articleId, m);
  }
  return out;
}

/**
 * Follow a group across the review columns: scroll every column (except `exceptArticleId`, where
 * the editor just clicked) to its member of the group.
 */
export async function followGroup(
  groupId: string,
  articleIds: readonly string[],
  exceptArticleId: string | null = null,
  preferId: string | null = null,
): Promise<void> {
  const members = await groupMembers(groupId);
  const first = firstMemberByArticle(members);
  const preferred = members.find((m) => m.id === preferId);
  if (preferred) first.set(preferred.articleId, preferred);
  for (const articleId of articleIds) {
    if (articleId === exceptArticleId) continue;
    const m = first.get(articleId);
    if (m) scrollWhenReady(articleId, m.position.start);
  }
}

/**
 * Open a group (and one member, or one article where the group is silent) in side-by-side
 * review. The columns already shown are kept when they include the article; otherwise the
 * article comes first, then the other sources of the group, then the columns shown before.
 */
export async function openInReview(target: {
  groupId: string | null;
  articleId: string;
  annotationId: string | null;
}): Promise<void> {
  const members = target.groupId ? await groupMembers(target.groupId) : [];
  const current = uiStore.get().reviewArticleIds;
  let ids: string[];
  if (current.includes(target.articleId) && current.length >= MIN_REVIEW) {
    ids = current;
  } else {
    const memberArticles = [...members]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((m) => m.articleId);
    ids = [...new Set([target.articleId, ...memberArticles, ...current])].slice(0, MAX_REVIEW);
    if (ids.length < MIN_REVIEW) {
      const other = await db.articles.filter((a) => !ids.includes(a.id)).first();
      if (other) ids.push(other.id);
    }
  }
  await updateUi({
    view: 'review',
    reviewArticleIds: ids,
    focusedGroupId: target.groupId,
    selectedAnnotationId: target.annotationId,
  });
  if (target.groupId) await followGroup(target.groupId, ids, null, target.annotationId);
}
