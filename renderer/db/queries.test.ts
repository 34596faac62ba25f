import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../../shared/model/types';
import { articleDefaults } from '../../shared/model/defaults';
import { buildAnnotation } from '../../shared/rules/annotations';
import { compareTextOrder } from '../../shared/rules/textOrder';
import { loadSeeds } from '../../shared/testing/seeds';
import { mulberry32 } from '../../shared/testing/random';
import { db } from './database';
import { annotationsOf } from './queries';

function seedArticle(i: number): Article {
  const s = loadSeeds()[i]!;
  return {
    ...articleDefaults(),
    id: `seed-${s.id}`,
    sha256: `seed-${s.id}`,
    title: s.id,
    source: null,
    date: null,
    text: s.canonical,
    origin: { kind: 'seed', name: `${s.id}.txt`, format: 'txt' },
    createdAt: i,
    updatedAt: i,
  };
}

/** `count` annotations over the article's text; ids random, so articles interleave by key. */
function spread(article: Article, count: number, rnd: () => number): Annotation[] {
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(rnd() * (article.text.length - 40));
    const end = start + 1 + Math.floor(rnd() * 39);
    const row = buildAnnotation(
      article,
      { kind: i % 2 ? 'claim' : 'quote', start, end },
      1_000 + i,
    );
    // Every 7th is deleted: a tombstone the read must skip.
    return i % 7 === 0 ? { ...row, deletedAt: 5_000 } : row;
  });
}

afterAll(() => db.delete());

describe('annotationsOf (paged)', () => {
  it('reads exactly an article’s live annotations in reading order, across pages and with other articles’ rows between its keys', async () => {
    const rnd = mulberry32(9);
    const big = seedArticle(0);
    const other = seedArticle(1);
    const bigRows = spread(big, 5_300, rnd);
    const otherRows = spread(other, 900, rnd);
    await db.articles.bulkPut([big, other]);
    await db.annotations.bulkPut([...bigRows, ...otherRows]);

    const read = await annotationsOf(big.id);
    const expected = bigRows.filter((a) => a.deletedAt === null).sort(compareTextOrder);
    expect(read.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(read).toHaveLength(5_300 - Math.ceil(5_300 / 7));

    // Inside a write transaction (as deleting the article does) the same rows come back.
    const inTx = await db.transaction('rw', [...db.annotations.tables, db.articles], () =>
      annotationsOf(big.id),
    );
    expect(inTx.map((a) => a.id)).toEqual(expected.map((a) => a.id));

    // A small article is read in one go, with the same order and the same tombstone rule.
    const small = await annotationsOf(other.id);
    expect(small.map((a) => a.id)).toEqual(
      otherRows
        .filter((a) => a.deletedAt === null)
        .sort(compareTextOrder)
        .map((a) => a.id),
    );
  });
});
