import { describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../../shared/bundle/sample';
import { loadSeeds } from '../../shared/testing/seeds';
import type { Annotation } from '../../shared/model/types';
import {
  PACK_ROWS,
  candidateKeys,
  hashBucket,
  idHash,
  inPackOrder,
  layoutPacks,
  packFor,
  planPackEdit,
  type AnnotationPack,
} from './packing';

async function sample(annotations: number): Promise<Annotation[]> {
  const ws = await sampleWorkspace(
    loadSeeds().map((s) => ({ name: s.id, text: s.canonical })),
    { articles: 1, annotations, annotationsPerGroup: 25 },
  );
  return ws.annotations;
}

/** Every hash is covered by exactly one of an article's packs. */
function coverExactlyOnce(packs: AnnotationPack[], ids: string[]) {
  for (const id of ids) {
    expect(packs.filter((p) => idHash(id).startsWith(p.prefix))).toHaveLength(1);
  }
}

/** Applies an edit to a set of stored packs, as the database would. */
function apply(stored: AnnotationPack[], edit: ReturnType<typeof planPackEdit>): AnnotationPack[] {
  const gone = new Set(edit.remove.map(([, p]) => p));
  const put = new Map(edit.put.map((p) => [p.prefix, p]));
  return [...stored.filter((p) => !gone.has(p.prefix) && !put.has(p.prefix)), ...put.values()];
}

describe('annotation packs', () => {
  it('hashes ids to 8 stable hex digits; the candidate keys run from the whole article to the full hash', () => {
    expect(idHash('a')).toBe('e40c292c'); // FNV-1a 32 of "a"
    expect(idHash('')).toBe('811c9dc5');
    expect(candidateKeys('art', 'a').map(([, p]) => p)).toEqual([
      '',
      'e',
      'e4',
      'e40',
      'e40c',
      'e40c2',
      'e40c29',
      'e40c292',
      'e40c292c',
    ]);
  });

  it('puts rows into one pack until it passes PACK_ROWS, then splits it into 16 that still cover every hash', async () => {
    const rows = await sample(PACK_ROWS + 1);
    const articleId = rows[0]!.articleId;
    let stored: AnnotationPack[] = [];
    const first = planPackEdit(articleId, stored, rows.slice(0, PACK_ROWS));
    expect(first.put.map((p) => p.prefix)).toEqual(['']);
    expect(first.added).toHaveLength(PACK_ROWS);
    stored = apply(stored, first);

    const split = planPackEdit(articleId, stored, rows.slice(PACK_ROWS));
    expect(split.remove).toEqual([[articleId, '']]);
    expect(split.put.map((p) => p.prefix).sort()).toEqual([...'0123456789abcdef']);
    stored = apply(stored, split);
    coverExactlyOnce(stored, [...rows.map((r) => r.id), 'unseen-1', 'unseen-2']);
    expect(stored.flatMap((p) => p.rows.map((r) => r.id)).sort()).toEqual(
      rows.map((r) => r.id).sort(),
    );
    // The same layout as laying the rows out from scratch.
    expect(
      layoutPacks(rows)
        .map((p) => p.prefix)
        .sort(),
    ).toEqual(stored.map((p) => p.prefix).sort());
  });

  it('replaces a row with the same id, removes rows, and keeps the index fields right', async () => {
    const rows = await sample(60);
    const articleId = rows[0]!.articleId;
    let stored = apply([], planPackEdit(articleId, [], rows));
    const quote = rows.find((r) => r.kind === 'quote' && r.groupId !== null)!;
    const edited = { ...quote, speaker: 'Someone Else', groupId: null, deletedAt: 5 };
    const edit = planPackEdit(articleId, stored, [edited], [rows[0]!.id, 'never-stored']);
    expect(edit.added).toEqual([]);
    expect(edit.removed).toEqual([rows[0]!.id]);
    stored = apply(stored, edit);
    const pack = stored[0]!;
    expect(pack.rows).toHaveLength(59);
    expect(packFor(stored, quote.id)!.rows.find((r) => r.id === quote.id)).toEqual(edited);
    expect(pack.live).toBe(pack.rows.filter((r) => r.deletedAt === null).length);
    expect(pack.live).toBe(59 - rows.slice(1).filter((r) => r.deletedAt !== null).length - 1);
    expect(new Set(pack.groupIds)).toEqual(
      new Set(pack.rows.map((r) => r.groupId).filter((g) => g !== null)),
    );
    expect(pack.speakers).toContain('Someone Else');
  });

  it('an article whose last row is removed keeps no empty root pack', async () => {
    const rows = await sample(3);
    const articleId = rows[0]!.articleId;
    const stored = apply([], planPackEdit(articleId, [], rows));
    const edit = planPackEdit(
      articleId,
      stored,
      [],
      rows.map((r) => r.id),
    );
    expect(edit.put).toEqual([]);
    expect(edit.remove).toEqual([[articleId, '']]);
  });

  it('orders a change of many rows by article, then by hash, so consecutive rows share packs', () => {
    const items = Array.from({ length: 3_000 }, (_, i) => ({ id: `row-${i}`, art: `a${i % 3}` }));
    const ordered = inPackOrder(
      items,
      (x) => x.art,
      (x) => hashBucket(x.id),
    );
    expect([...ordered].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
      [...items].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    // Each article's rows are one run, in hash order.
    const runs = ordered.map((x) => x.art).filter((a, i, all) => i === 0 || all[i - 1] !== a);
    expect(runs).toEqual(['a0', 'a1', 'a2']);
    for (const art of runs) {
      const hashes = ordered.filter((x) => x.art === art).map((x) => idHash(x.id).slice(0, 3));
      expect(hashes).toEqual([...hashes].sort());
    }
  });
});
