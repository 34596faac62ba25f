import { db } from '../../db/database';
import { allRows } from '../../db/pagedRead';
import { tombstoneEdit, type RowEdit } from '../../db/changes';
import { isLive } from '../../../shared/model/live';
import { applyChange } from '../../state/history';

/**
 * Empty the workspace (undoable): every article, annotation and group is tombstoned (see
 * shared/model/types.ts); the re-anchoring queue, which is local review state, is cleared.
 */
export async function wipeWorkspace(): Promise<number> {
  let rows = 0;
  await applyChange('Wipe workspace', async () => {
    const now = Date.now();
    const edits: RowEdit[] = [];
    for (const table of ['articles', 'annotations', 'groups'] as const) {
      // Paged getAll, not a cursor: one event per row made wiping 100,000 rows take minutes.
      const rows: { id: string; deletedAt: number | null }[] = await allRows(
        db.table<{ id: string; deletedAt: number | null }, string>(table),
      );
      for (const row of rows) {
        if (isLive(row)) edits.push(tombstoneEdit(table, row, now));
      }
    }
    for (const key of (await db.reanchorQueue.toCollection().primaryKeys()) as string[]) {
      edits.push({ table: 'reanchorQueue', key, after: undefined });
    }
    rows = edits.length;
    return edits;
  });
  return rows;
}
