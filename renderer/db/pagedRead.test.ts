import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCoreQueryRequest } from 'dexie';
import { groupDefaults } from '../../shared/model/defaults';
import type { ClaimGroup } from '../../shared/model/types';
import { CorroborateDatabase } from './database';
import { spyOnCore } from './coreSpy';
import { allRows } from './pagedRead';

const opened: CorroborateDatabase[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

/** A database that records every query Dexie sends down (to count the pages read). */
function countingDb(name: string) {
  const queries: DBCoreQueryRequest[] = [];
  const d = new CorroborateDatabase(name);
  spyOnCore(d, 'count-queries', {
    query(_table, req, next) {
      queries.push(req);
      return next(req);
    },
  });
  opened.push(d);
  return { d, queries };
}

/** Claim groups: the work table keyed by `id` that can hold thousands of small rows. */
function groups(n: number): ClaimGroup[] {
  return Array.from({ length: n }, (_, i) => ({
    ...groupDefaults(),
    id: `grp-${String(i).padStart(5, '0')}`,
    label: `Claim ${i + 1}`,
    labelEdited: false,
    createdAt: 1_000 + i,
    updatedAt: 1_000 + i,
  }));
}

describe('allRows: a whole table in primary-key pages', () => {
  it('returns every row, in key order, one bounded request per page', async () => {
    const { d, queries } = countingDb('paged-1');
    const rows = groups(2_345);
    await d.groups.bulkPut(rows);
    queries.length = 0;
    const got = await allRows(d.groups, 1_000);
    const pages = queries.filter((q) => q.query.index.isPrimaryKey);
    expect(got).toEqual(await d.groups.toArray());
    expect(new Set(got.map((r) => r.id)).size).toBe(2_345);
    // 1,000 + 1,000 + 345: three getAll requests, each asking for at most 1,000 rows.
    expect(pages).toHaveLength(3);
    expect(pages.every((q) => q.limit === 1_000)).toBe(true);
  });

  it('a table whose size is a multiple of the page ends with one empty page, and an empty table reads as []', async () => {
    const { d } = countingDb('paged-2');
    expect(await allRows(d.groups, 500)).toEqual([]);
    await d.groups.bulkPut(groups(1_000));
    expect(await allRows(d.groups, 500)).toHaveLength(1_000);
  });
});
