import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../../shared/bundle/sample';
import { loadSeeds } from '../../shared/testing/seeds';
import { mulberry32 } from '../../shared/testing/random';
import type { Annotation } from '../../shared/model/types';
import { CorroborateDatabase } from './database';
import { PACK_ROWS } from './packing';

const opened: CorroborateDatabase[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});
function freshDb(): CorroborateDatabase {
  const d = new CorroborateDatabase(`annotation-table-${Math.random()}`);
  opened.push(d);
  return d;
}

async function sample(articles: number, annotations: number) {
  return sampleWorkspace(
    loadSeeds().map((s) => ({ name: s.id, text: s.canonical })),
    { articles, annotations, annotationsPerGroup: 20 },
  );
}

const byId = (rows: Annotation[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('AnnotationTable: annotations stored in packs', () => {
  it.each([
    ['each write in its own transaction', false],
    ['all writes in one transaction (read from its cache of packs)', true],
  ])(
    'matches a plain map of rows through random puts, edits, moves and removals: %s',
    async (_, oneTransaction) => {
      const d = freshDb();
      const ws = await sample(3, 600);
      const [a, b, c] = ws.articles.map((x) => x.id) as [string, string, string];
      // One article past a pack's size, so edits cross split packs.
      const base = ws.annotations.find((r) => r.articleId === a)!;
      const many = Array.from({ length: PACK_ROWS + 700 }, (_, i) => ({
        ...base,
        id: `bulk-${i}`,
        createdAt: 10_000 + i,
      }));
      const model = new Map<string, Annotation>();
      const put = async (rows: Annotation[]) => {
        await d.annotations.bulkPut(rows);
        for (const r of rows) model.set(r.id, r);
      };
      await put([...ws.annotations, ...many]);

      const rand = mulberry32(11);
      const pick = () => [...model.keys()][Math.floor(rand() * model.size)]!;
      const steps = async () => {
        for (let step = 0; step < 60; step++) {
          const r = rand();
          if (r < 0.4) {
            const ids = Array.from({ length: 1 + Math.floor(rand() * 30) }, pick);
            const rows = [...new Set(ids)].map((id) => ({
              ...model.get(id)!,
              note: `step ${step}`,
              deletedAt: rand() < 0.3 ? step + 1 : null,
            }));
            await put(rows);
          } else if (r < 0.6) {
            const ids = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 20) }, pick))];
            await d.annotations.bulkDelete(ids);
            for (const id of ids) model.delete(id);
          } else if (r < 0.75) {
            // A row seen under another article (a bundle can say so) moves there.
            const id = pick();
            const to = [a, b, c][Math.floor(rand() * 3)]!;
            await put([{ ...model.get(id)!, articleId: to }]);
          } else {
            await put([{ ...base, id: `new-${step}`, articleId: [a, b, c][step % 3]! }]);
          }
          // Reads inside the transaction see its own writes.
          const probe = pick();
          expect(await d.annotations.get(probe)).toEqual(model.get(probe));
        }
      };
      if (oneTransaction) await d.transaction('rw', d.annotations.tables, steps);
      else await steps();

      expect(byId(await d.annotations.all())).toEqual(byId([...model.values()]));
      for (const art of [a, b, c]) {
        expect(byId(await d.annotations.ofArticles([art]))).toEqual(
          byId([...model.values()].filter((x) => x.articleId === art)),
        );
      }
      const ids = [...model.keys()].slice(0, 50);
      expect(await d.annotations.bulkGet([...ids, 'gone'])).toEqual([
        ...ids.map((id) => model.get(id)),
        undefined,
      ]);
      const live = [...model.values()].filter((x) => x.deletedAt === null);
      expect(await d.annotations.countLive()).toBe(live.length);
      expect(await d.annotations.count()).toBe(model.size);
      const counts = await d.annotations.liveCounts();
      for (const art of [a, b, c]) {
        expect(counts.get(art) ?? 0).toBe(live.filter((x) => x.articleId === art).length);
      }
      const group = [...model.values()].find((x) => x.groupId !== null)!.groupId!;
      expect(byId(await d.annotations.withGroup(group))).toEqual(
        byId([...model.values()].filter((x) => x.groupId === group)),
      );
      // No pack holds more than PACK_ROWS, and the directory knows exactly the stored ids.
      const packs = await d.annotationPacks.toArray();
      expect(Math.max(...packs.map((p) => p.rows.length))).toBeLessThanOrEqual(PACK_ROWS);
      const directory = (await d.annotationArticles.toArray()).flatMap((r) => [...r.articles]);
      expect(new Map(directory)).toEqual(
        new Map([...model.values()].map((x) => [x.id, x.articleId])),
      );
    },
  );

  it('reads an article in runs of at most one pack, so no read deserialises 100,000 rows at once', async () => {
    const d = freshDb();
    const ws = await sample(1, 10);
    const base = ws.annotations[0]!;
    const rows = Array.from({ length: 5 * PACK_ROWS }, (_, i) => ({ ...base, id: `r${i}` }));
    await d.annotations.bulkPut(rows);
    const runs = await d.annotations.packsOfArticle(base.articleId);
    expect(runs.length).toBeGreaterThanOrEqual(16);
    expect(Math.max(...runs.map((r) => r.length))).toBeLessThanOrEqual(PACK_ROWS);
    expect(byId(runs.flat())).toEqual(byId(rows));
  });

  it('a failed write leaves packs and directory as they were (one transaction)', async () => {
    const d = freshDb();
    const ws = await sample(2, 100);
    await d.annotations.bulkPut(ws.annotations);
    const before = byId(await d.annotations.all());
    const directory = await d.annotationArticles.toArray();
    await expect(
      d.transaction('rw', d.annotations.tables, async () => {
        await d.annotations.bulkPut([{ ...ws.annotations[0]!, id: 'half-written' }]);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(byId(await d.annotations.all())).toEqual(before);
    expect(await d.annotationArticles.toArray()).toEqual(directory);
  });
});
