import type { Table } from 'dexie';

/**
 * Rows per page (or per request of annotation packs, annotationTable.ts): ~1 MB of annotation
 * rows, deserialised in well under 50 ms.
 */
export const PAGE_ROWS = 2_000;

/**
 * Every row of a table, read in primary-key pages of `page` rows. One getAll of 10,000 or
 * 100,000 rows deserialises them all in a single main-thread task (hundreds of ms to seconds);
 * pages arrive as separate tasks, so the window keeps painting and answering keys in between,
 * at the cost of one more request per page. Each page is one getAll (a key range with a count),
 * never a cursor: a filtered Dexie query walks a cursor, one event per row, several times slower.
 */
export async function allRows<T extends { id: string }>(
  // Any Dexie table keyed by `id` (EntityTable's insert type is wider than T).
  table: Table<T, string, unknown>,
  page = PAGE_ROWS,
  /**
   * Called with each page and the rows read so far (for progress, or to work on the rows page
   * by page, each in its own task; it may throw to stop).
   */
  onPage?: (read: number, page: readonly T[]) => void,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: T[] = await (
      after === null ? table.orderBy(':id') : table.where(':id').above(after)
    )
      .limit(page)
      .toArray();
    for (const r of rows) out.push(r);
    onPage?.(out.length, rows);
    if (rows.length < page) return out;
    after = rows[rows.length - 1]!.id;
  }
}
