import { db } from '../../db/database';
import type { RowEdit } from '../../db/changes';
import { applyChange } from '../../state/history';

/** Empty the workspace (undoable): every article, annotation, group and queued annotation. */
export async function wipeWorkspace(): Promise<number> {
  let rows = 0;
  await applyChange('Wipe workspace', async () => {
    const edits: RowEdit[] = [];
    const tables = ['articles', 'annotations', 'groups', 'reanchorQueue'] as const;
    for (const table of tables) {
      const keys = (await db.table(table).toCollection().primaryKeys()) as string[];
      for (const key of keys) edits.push({ table, key, after: undefined });
    }
    rows = edits.length;
    return edits;
  });
  return rows;
}
