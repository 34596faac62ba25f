import { db } from '../../db/database';
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
      await db.table(table).each((row: { id: string; deletedAt: number | null }) => {
        if (isLive(row)) edits.push(tombstoneEdit(table, row, now));
      });
    }
    for (const key of (await db.reanchorQueue.toCollection().primaryKeys()) as string[]) {
      edits.push({ table: 'reanchorQueue', key, after: undefined });
    }
    rows = edits.length;
    return edits;
  });
  return rows;
}
