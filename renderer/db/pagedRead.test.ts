import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCoreQueryRequest } from 'dexie';
import { loadSeeds } from '../../shared/testing/seeds';
import { buildAnnotation } from '../../shared/rules/annotations';
import { articleDefaults } from '../../shared/model/defaults';
import type { Annotation, Article } from '../../shared/model/types';
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

function annotationsOnSeed(n: number): Annotation[] {
  const seed = loadSeeds()[0]!;
  const article: Article = {
    ...articleDefaults(),
    id: 'a'.repeat(64),
    sha256: 'a'.repeat(64),
    title: seed.id,
    source: null,
    date: null,
    text: seed.raw,
    origin: { kind: 'seed', name: seed.id, format: 'txt' },
    createdAt: 1,
    updatedAt: 1,
  };
  return Array.from({ length: n }, (_, i) =>
    buildAnnotation(article, { kind: 'claim', start: i % 200, end: (i % 200) + 12 }, 1_000 + i),
  );
}

describe('allRows: a whole table in primary-key pages', () => {
  it('returns every row, in key order, one bounded request per page', async () => {
    const { d, queries } = countingDb('paged-1');
    const rows = annotationsOnSeed(2_345);
    await d.annotations.bulkPut(rows);
    queries.length = 0;
    const got = await allRows(d.annotations, 1_000);
    const pages = queries.filter((q) => q.query.index.isPrimaryKey);
    expect(got).toEqual(await d.annotations.toArray());
    expect(new Set(got.map((r) => r.id)).size).toBe(2_345);
    // 1,000 + 1,000 + 345: three getAll requests, each asking for at most 1,000 rows.
    expect(pages).toHaveLength(3);
    expect(pages.every((q) => q.limit === 1_000)).toBe(true);
  });

  it('a table whose size is a multiple of the page ends with one empty page, and an empty table reads as []', async () => {
    const { d } = countingDb('paged-2');
    expect(await allRows(d.annotations, 500)).toEqual([]);
    await d.annotations.bulkPut(annotationsOnSeed(1_000));
    expect(await allRows(d.annotations, 500)).toHaveLength(1_000);
  });
});
