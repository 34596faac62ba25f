import { db } from '../../db/database';
import { allRows } from '../../db/pagedRead';
import { checkCancelled, tombstoneEdit, type ChangeProgress, type RowEdit } from '../../db/changes';
import { isLive } from '../../../shared/model/live';
import { applyChange } from '../../state/history';

/**
 * Empty the workspace (undoable, one undo step): every article, annotation and group is
 * tombstoned (see shared/model/types.ts); the re-anchoring queue, which is local review state,
 * is cleared. `progress` follows it with real counts and can stop it before it is saved.
 */
export async function wipeWorkspace(progress?: ChangeProgress): Promise<number> {
  let rows = 0;
  await applyChange(
    'Wipe workspace',
    async () => {
      const now = Date.now();
      const edits: RowEdit[] = [];
      // Counting reads no row (annotations: index keys): it gives the progress its total up
      // front, in rows read.
      const [articles, annotations, groups] = await Promise.all([
        db.articles.count(),
        db.annotations.count(),
        db.groups.count(),
      ]);
      const total = articles + annotations + groups;
      let before = 0;
      // Each page is turned into tombstones as it arrives, in its own task.
      const onPage =
        (table: 'articles' | 'annotations' | 'groups') =>
        (read: number, page: readonly { id: string; deletedAt: number | null }[]) => {
          for (const row of page) if (isLive(row)) edits.push(tombstoneEdit(table, row, now));
          progress?.report('reading', before + read, total);
          checkCancelled(progress);
        };
      // Paged getAll, not a cursor: one event per row made wiping 100,000 rows take minutes.
      before += (await allRows(db.articles, undefined, onPage('articles'))).length;
      before += (await db.annotations.all(onPage('annotations'))).length;
      await allRows(db.groups, undefined, onPage('groups'));
      for (const key of (await db.reanchorQueue.toCollection().primaryKeys()) as string[]) {
        edits.push({ table: 'reanchorQueue', key, after: undefined });
      }
      rows = edits.length;
      return edits;
    },
    progress,
  );
  return rows;
}
