import type { Table } from 'dexie';

/** Rows per page: ~1 MB of annotation rows, deserialised in well under 50 ms. */
export const PAGE_ROWS = 2_000;

/**
 * Every row of a table, read in primary-key pages of `page` rows. One getAll of 10,000 or
 * 100,000 rows deserialises them all in a single main-thread task (hundreds of ms to seconds);
 * pages arrive as separate tasks, so the window keeps painting and answering keys in between.
 * Each page is one getAll over a key range, never a cursor (a filtered Dexie query walks a
 * cursor, one event per row, several times slower).
 *
 * The keys come first (one getAllKeys: short strings, cheap), then every page is requested at
 * once: IndexedDB answers them back to back instead of waiting for each page to reach this
 * thread before the next is asked for, which made a 10,000-row read 2–4× a single getAll
 * (renderer/bench/importFloor.bench.ts). One read-only transaction: the pages see one state.
 */
export async function allRows<T extends { id: string }>(
  // Any Dexie table keyed by `id` (EntityTable's insert type is wider than T).
  table: Table<T, string, unknown>,
  page = PAGE_ROWS,
): Promise<T[]> {
  return table.db.transaction('r', table, async () => {
    const keys = await table.toCollection().primaryKeys();
    const pages: Promise<T[]>[] = [];
    for (let i = 0; i < keys.length; i += page) {
      const last = keys[Math.min(i + page, keys.length) - 1]!;
      pages.push(table.where(':id').between(keys[i]!, last, true, true).limit(page).toArray());
    }
    const out: T[] = [];
    for (const rows of await Promise.all(pages)) for (const r of rows) out.push(r);
    return out;
  });
}
