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
      const tables = ['articles', 'annotations', 'groups'] as const;
      // Counting is cheap (no row is read): it gives the progress its total up front.
      const total = (await Promise.all(tables.map((t) => db.table(t).count()))).reduce(
        (a, b) => a + b,
        0,
      );
      let before = 0;
      for (const table of tables) {
        // Paged getAll, not a cursor: one event per row made wiping 100,000 rows take minutes.
        // Each page is turned into tombstones as it arrives, in its own task.
        const rows = await allRows(
          db.table<{ id: string; deletedAt: number | null }, string>(table),
          undefined,
          (read, page) => {
            for (const row of page) if (isLive(row)) edits.push(tombstoneEdit(table, row, now));
            progress?.report('reading', before + read, total);
            checkCancelled(progress);
          },
        );
        before += rows.length;
      }
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
