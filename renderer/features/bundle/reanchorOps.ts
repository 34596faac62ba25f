import type { Annotation, ReanchorItem } from '../../../shared/model/types';
import { isValidRange, makeSelectors } from '../../../shared/anchoring/selectors';
import { db } from '../../db/database';
import type { RowEdit } from '../../db/changes';
import { applyChange } from '../../state/history';
import { getArticle, getGroup } from '../../db/queries';

/**
 * Decisions on the re-anchoring review queue. Each is one undoable change: placing an
 * annotation writes it and removes its queue item in the same transaction, so it can never be
 * both placed and still queued, or neither.
 */

export const REASON_TEXT: Record<ReanchorItem['reason'], string> = {
  'no-match': 'Its quote is no longer in the article.',
  ambiguous: 'The quote fits more than one place equally well.',
  'low-score': 'Only a loosely similar passage was found.',
};

/** Place a queued annotation at `range` (its proposal, or text the editor selected). */
export async function placeQueued(
  itemId: string,
  range: { start: number; end: number } | 'proposal',
): Promise<Annotation> {
  let placed: Annotation | null = null;
  await applyChange('Place annotation', async () => {
    const item = await db.reanchorQueue.get(itemId);
    if (!item) throw new Error('this annotation was already placed or discarded');
    const article = await getArticle(item.annotation.articleId);
    if (!article) throw new Error('its article was deleted; discard it instead');
    const at = range === 'proposal' ? item.proposal : range;
    if (!at) throw new Error('there is no proposed place; select the text and use the selection');
    if (!isValidRange(article.text, at.start, at.end) || at.end <= at.start) {
      throw new Error('the chosen place is outside the article');
    }
    // Its claim group may have been deleted since the import; then it arrives ungrouped.
    const grouped = item.annotation.groupId ? !!(await getGroup(item.annotation.groupId)) : false;
    placed = {
      ...item.annotation,
      ...makeSelectors(article.text, at.start, at.end),
      groupId: grouped ? item.annotation.groupId : null,
      stance: grouped ? item.annotation.stance : null,
      updatedAt: Date.now(),
    };
    const edits: RowEdit[] = [
      { table: 'annotations', key: placed.id, after: placed },
      { table: 'reanchorQueue', key: item.id, after: undefined },
    ];
    return edits;
  });
  return placed!;
}

export async function discardQueued(itemId: string): Promise<void> {
  await applyChange('Discard annotation', async () => [
    { table: 'reanchorQueue', key: itemId, after: undefined },
  ]);
}
