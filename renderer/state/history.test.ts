import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { spyOnCore } from '../db/coreSpy';
import { applyChange, clearHistory, historyStore, redo, undo } from './history';
import {
  createAnnotation,
  deleteAnnotations,
  deleteArticle,
  updateAnnotation,
} from '../features/annotate/annotationOps';
import type { Article, ClaimGroup } from '../../shared/model/types';
import { seed } from '../../shared/testing/seeds';
import { sha256Hex } from '../../shared/text/hash';
import { articleDefaults, groupDefaults } from '../../shared/model/defaults';
import { countLive } from '../db/queries';
import { wipeWorkspace } from '../features/bundle/wipeWorkspace';
import { buildAnnotation } from '../../shared/rules/annotations';
import { ChangeCancelled, type ChangeProgress, type ChangeStage } from '../db/changes';

async function addSeedArticle(): Promise<Article> {
  const text = seed('004').canonical;
  const article: Article = {
    ...articleDefaults(),
    id: 'a1',
    sha256: await sha256Hex(text),
    title: 'Federal immigration agents',
    source: null,
    date: null,
    text,
    origin: { kind: 'seed', name: '004.txt', format: 'txt' },
    createdAt: 1,
    updatedAt: 1,
  };
  await db.articles.add(article);
  return article;
}

beforeEach(async () => {
  await Promise.all([db.articles.clear(), db.annotations.clear(), db.groups.clear()]);
  clearHistory();
});

describe('undoable changes', () => {
  it('undo never erases an edit someone else made since (a teammate’s sync)', async () => {
    const article = await addSeedArticle();
    const start = article.text.indexOf('At least 101 arrests');
    const a = await createAnnotation(article, { kind: 'quote', start, end: start + 20 });
    await updateAnnotation(a.id, { note: 'check with ICE' });
    // Written by the sync layer, outside this editor's history.
    await db.annotations.update(a.id, { speaker: 'Tom Homan', updatedAt: Date.now() + 5 });
    await undo();
    expect(await db.annotations.get(a.id)).toMatchObject({ note: '', speaker: 'Tom Homan' });
    await redo();
    expect(await db.annotations.get(a.id)).toMatchObject({
      note: 'check with ICE',
      speaker: 'Tom Homan',
    });
  });

  it('creates, edits and deletes an annotation, and undo/redo replays each step', async () => {
    const article = await addSeedArticle();
    const start = article.text.indexOf('At least 101 arrests');
    const a = await createAnnotation(article, {
      kind: 'claim',
      start,
      end: start + 'At least 101 arrests'.length,
    });
    expect((await db.annotations.get(a.id))?.quote.exact).toBe('At least 101 arrests');

    await updateAnnotation(a.id, { note: 'LA Times says 167' });
    await updateAnnotation(a.id, { kind: 'quote', speaker: '  ICE  ' });
    expect(await db.annotations.get(a.id)).toMatchObject({
      kind: 'quote',
      speaker: 'ICE',
      note: 'LA Times says 167',
    });

    await deleteAnnotations([a.id]);
    expect(await countLive('annotations')).toBe(0);
    expect(historyStore.get().undo.map((c) => c.label)).toEqual([
      'Tag claim',
      'Edit annotation',
      'Edit annotation',
      'Delete annotation',
    ]);

    await undo();
    expect(await db.annotations.get(a.id)).toMatchObject({
      kind: 'quote',
      note: 'LA Times says 167',
    });
    await undo();
    expect(await db.annotations.get(a.id)).toMatchObject({ kind: 'claim', speaker: null });
    await redo();
    expect(await db.annotations.get(a.id)).toMatchObject({ kind: 'quote', speaker: 'ICE' });
    await undo();
    await undo();
    await undo();
    expect(await countLive('annotations')).toBe(0);
    expect(await undo()).toBeNull();
  });

  it('deleting the last member of a group deletes the group; undo restores both', async () => {
    const article = await addSeedArticle();
    const a = await createAnnotation(article, { kind: 'claim', start: 0, end: 10 });
    const group: ClaimGroup = {
      ...groupDefaults(),
      id: 'g1',
      label: 'x',
      labelEdited: false,
      createdAt: 1,
      updatedAt: 1,
    };
    await applyChange('Link', async () => [
      { table: 'groups', key: 'g1', after: group },
      {
        table: 'annotations',
        key: a.id,
        after: { ...(await db.annotations.get(a.id))!, groupId: 'g1', stance: 'agrees' },
      },
    ]);
    await deleteAnnotations([a.id]);
    expect(await countLive('groups')).toBe(0);
    await undo();
    expect(await db.groups.get('g1')).toEqual(group);
    expect((await db.annotations.get(a.id))?.groupId).toBe('g1');
  });

  it('deleting an article removes its annotations in the same undoable step', async () => {
    const article = await addSeedArticle();
    await createAnnotation(article, { kind: 'claim', start: 0, end: 10 });
    await createAnnotation(article, { kind: 'quote', start: 20, end: 30, speaker: 'X' });
    await deleteArticle(article.id);
    expect([await countLive('articles'), await countLive('annotations')]).toEqual([0, 0]);
    await undo();
    expect([await countLive('articles'), await countLive('annotations')]).toEqual([1, 2]);
  });

  it('a failing change writes nothing', async () => {
    const article = await addSeedArticle();
    await expect(
      applyChange('Broken', async () => {
        await db.annotations.put({ ...(await createDraft(article)), id: 'half' });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await countLive('annotations')).toBe(0);
    expect(historyStore.get().undo).toHaveLength(0);
  });

  it('refuses offsets outside the text', async () => {
    const article = await addSeedArticle();
    await expect(
      createAnnotation(article, { kind: 'claim', start: 5, end: article.text.length + 1 }),
    ).rejects.toThrow(/outside the text/);
    expect(await countLive('annotations')).toBe(0);
  });
});

async function createDraft(article: Article) {
  const { buildAnnotation } = await import('../../shared/rules/annotations');
  return buildAnnotation(article, { kind: 'claim', start: 0, end: 5 });
}

describe('changes of many rows', () => {
  it('wipes 5,000 annotations in bulk requests; undo brings every row back as it was, redo wipes again', async () => {
    const article = await addSeedArticle();
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      buildAnnotation(
        article,
        { kind: i % 2 ? 'claim' : 'quote', start: i % 300, end: (i % 300) + 15 },
        10_000 + i,
      ),
    );
    await db.annotations.bulkPut(rows);
    const before = await db.annotations.all();
    let requests = 0;
    spyOnCore(db, 'count-requests', {
      getMany: (_t, req, next) => (requests++, next(req)),
      get: (_t, req, next) => (requests++, next(req)),
      mutate: (_t, req, next) => (requests++, next(req)),
    });
    try {
      expect(await wipeWorkspace()).toBe(5_001);
      // 5,001 rows: a few bulk gets and writes per table, not one get and one put per row.
      expect(requests).toBeLessThan(30);
      expect(await countLive('annotations')).toBe(0);
      expect(await countLive('articles')).toBe(0);
      await undo();
      expect(await db.annotations.all()).toEqual(before);
      expect(await countLive('articles')).toBe(1);
      await redo();
      expect(await countLive('annotations')).toBe(0);
    } finally {
      db.unuse({ stack: 'dbcore', name: 'count-requests' });
    }
  });

  it('reports a wipe with real counts, stage by stage, and stays one undo step', async () => {
    const article = await addSeedArticle();
    await db.annotations.bulkPut(manyRows(article, 5_000));
    const seen: [ChangeStage, number, number, boolean][] = [];
    const progress: ChangeProgress = {
      report: (stage, done, total, final) => seen.push([stage, done, total, !!final]),
      cancelled: () => false,
    };
    expect(await wipeWorkspace(progress)).toBe(5_001);
    const stages = [...new Set(seen.map(([stage]) => stage))];
    expect(stages).toEqual(['reading', 'recording', 'writing']);
    for (const stage of stages) {
      const counts = seen.filter(([s]) => s === stage);
      // Counts only grow, end at the total, and every total is the 5,001 rows.
      expect(counts.every(([, , total]) => total === 5_001)).toBe(true);
      expect(counts.map(([, done]) => done)).toEqual(
        [...counts.map(([, d]) => d)].sort((a, b) => a - b),
      );
      expect(counts.at(-1)![1]).toBe(5_001);
    }
    // Only the last write says it can no longer be stopped.
    expect(seen.filter(([, , , final]) => final)).toEqual([['writing', 5_001, 5_001, true]]);
    expect(historyStore.get().undo).toHaveLength(1);
    await undo();
    expect(await countLive('annotations')).toBe(5_000);
  });

  for (const stopAt of ['reading', 'recording', 'writing'] as const) {
    it(`a wipe cancelled while ${stopAt} changes nothing and leaves no undo step`, async () => {
      const article = await addSeedArticle();
      await db.annotations.bulkPut(manyRows(article, 5_000));
      const before = await db.annotations.all();
      let stop = false;
      const progress: ChangeProgress = {
        report: (stage, done) => {
          if (stage === stopAt && done > 0) stop = true;
        },
        cancelled: () => stop,
      };
      await expect(wipeWorkspace(progress)).rejects.toBeInstanceOf(ChangeCancelled);
      expect(await db.annotations.all()).toEqual(before);
      expect(await countLive('articles')).toBe(1);
      expect(historyStore.get().undo).toHaveLength(0);
    });
  }
});

function manyRows(article: Article, n: number) {
  return Array.from({ length: n }, (_, i) =>
    buildAnnotation(
      article,
      { kind: i % 2 ? 'claim' : 'quote', start: i % 300, end: (i % 300) + 15 },
      10_000 + i,
    ),
  );
}
