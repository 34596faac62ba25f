/**
 * What a domain rule returns: rows to write. The store (renderer/db/changes.ts) applies them in
 * one transaction and records them for undo; sync and imports can apply the same edits.
 */
export interface RowWrite {
  table: 'articles' | 'annotations' | 'groups';
  key: string;
  /** The row as it should be stored (a delete is a tombstone: the row with `deletedAt` set). */
  after: object;
}

/** The edit that deletes a row: a tombstone, never a removal. */
export function tombstone<T extends { id: string; deletedAt: number | null }>(
  table: RowWrite['table'],
  row: T,
  now: number,
): RowWrite {
  return { table, key: row.id, after: { ...row, deletedAt: now, updatedAt: now } };
}
