import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../../shared/bundle/sample';
import { loadSeeds } from '../../shared/testing/seeds';
import { sha256Hex } from '../../shared/text/hash';
import { CorroborateDatabase } from './database';
import { PACK_ROWS } from './packing';

/**
 * A database written by the previous app version (schema v1, rows without the v2 fields,
 * random article ids) is opened by today's code: nothing may be lost and every offset must
 * still select the same text.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Exactly the v1 schema of the first release (renderer/db/database.ts at version 1). */
const V1_STORES = {
  articles: 'id, &sha256, createdAt',
  annotations: 'id, articleId, groupId, kind',
  groups: 'id, updatedAt',
  reanchorQueue: 'id, createdAt',
  settings: 'key',
};

function v1Database(name: string): Dexie {
  const d = new Dexie(name);
  d.version(1).stores(V1_STORES);
  return d;
}

interface V1Fixture {
  articleIds: string[];
  texts: string[];
  quotes: { id: string; articleIndex: number; exact: string }[];
}

/** Fills a v1 database the way the previous version wrote it, from the real seeds. */
async function writeV1(name: string): Promise<V1Fixture> {
  const old = v1Database(name);
  const seeds = loadSeeds();
  const fixture: V1Fixture = { articleIds: [], texts: [], quotes: [] };
  await old.open();
  for (const [i, s] of seeds.entries()) {
    const id = `v1-article-${i}`;
    fixture.articleIds.push(id);
    fixture.texts.push(s.canonical);
    await old.table('articles').add({
      id,
      sha256: await sha256Hex(s.canonical),
      title: `Seed ${i}`,
      source: i === 0 ? 'Newsmax' : null,
      date: null,
      text: s.canonical,
      origin: { kind: 'seed', name: `${s.id}.txt`, format: 'txt' },
      createdAt: 1000 + i,
      updatedAt: 1000 + i,
    });
    // One annotation on the first occurrence of "arrest" (or the first word) in each seed.
    const at = Math.max(0, s.canonical.search(/arrest/i));
    const exact = s.canonical.slice(at, at + 20);
    const annId = `v1-ann-${i}`;
    fixture.quotes.push({ id: annId, articleIndex: i, exact });
    await old.table('annotations').add({
      id: annId,
      articleId: id,
      kind: i % 2 === 0 ? 'claim' : 'quote',
      position: { type: 'TextPositionSelector', start: at, end: at + 20 },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      speaker: i % 2 === 0 ? null : 'Tom Homan',
      note: `note ${i}`,
      groupId: i < 2 ? 'g1' : null,
      stance: i < 2 ? 'agrees' : null,
      createdAt: 2000 + i,
      updatedAt: 2000 + i,
    });
  }
  await old.table('groups').add({
    id: 'g1',
    label: 'Arrests',
    labelEdited: true,
    createdAt: 3000,
    updatedAt: 3000,
  });
  await old.table('reanchorQueue').add({
    id: 'q1',
    annotation: {
      id: 'queued',
      articleId: fixture.articleIds[2],
      kind: 'claim',
      position: { type: 'TextPositionSelector', start: 0, end: 5 },
      quote: { type: 'TextQuoteSelector', exact: 'xxxxx', prefix: '', suffix: '' },
      speaker: null,
      note: '',
      groupId: null,
      stance: null,
      createdAt: 1,
      updatedAt: 1,
    },
    reason: 'no-match',
    proposal: null,
    createdAt: 1,
  });
  await old.table('settings').put({
    key: 'ui',
    value: {
      openArticleId: fixture.articleIds[3],
      view: 'review',
      reviewArticleIds: [fixture.articleIds[0], fixture.articleIds[1]],
      focusedGroupId: 'g1',
    },
  });
  old.close();
  return fixture;
}

describe('database migration v1 → v2 (→ v5)', () => {
  it('keeps every article and annotation, re-keys articles by sha256 and follows every reference', async () => {
    const name = `migrate-v1-${Math.random()}`;
    names.push(name);
    const fixture = await writeV1(name);

    const db = new CorroborateDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);

    const articles = await db.articles.orderBy('createdAt').toArray();
    expect(articles).toHaveLength(fixture.texts.length);
    for (const [i, a] of articles.entries()) {
      expect(a.id).toBe(a.sha256);
      expect(a.sha256).toBe(await sha256Hex(fixture.texts[i]!));
      expect(a.text).toBe(fixture.texts[i]);
      expect(a).toMatchObject({ authors: [], url: null, language: null, structure: null });
      expect(a.deletedAt).toBeNull();
    }
    expect(articles[0]!.source).toBe('Newsmax');

    const annotations = await db.annotations.all();
    expect(annotations).toHaveLength(fixture.quotes.length);
    for (const q of fixture.quotes) {
      const a = annotations.find((x) => x.id === q.id)!;
      const article = articles[q.articleIndex]!;
      expect(a.articleId).toBe(article.id);
      // Offsets still select the same text in the migrated article.
      expect(article.text.slice(a.position.start, a.position.end)).toBe(q.exact);
      expect(a).toMatchObject({
        tags: [],
        author: null,
        deletedAt: null,
        note: expect.any(String),
      });
    }
    expect(await db.annotations.ofArticles([articles[0]!.id])).toHaveLength(1);

    const [group] = await db.groups.toArray();
    expect(group).toMatchObject({
      id: 'g1',
      label: 'Arrests',
      verdict: null,
      reasoning: '',
      status: 'open',
      resolution: '',
      deletedAt: null,
    });
    expect(await db.annotations.withGroup('g1')).toHaveLength(2);

    const [queued] = await db.reanchorQueue.toArray();
    expect(queued!.annotation.articleId).toBe(articles[2]!.id);
    expect(queued!.annotation.tags).toEqual([]);

    const ui = (await db.settings.get('ui'))!.value as Record<string, unknown>;
    expect(ui.openArticleId).toBe(articles[3]!.id);
    expect(ui.reviewArticleIds).toEqual([articles[0]!.id, articles[1]!.id]);
    expect(ui.view).toBe('review');

    // Live counts come from the packs' index: a tombstone leaves it.
    expect(await db.annotations.countLive()).toBe(fixture.quotes.length);
    await db.annotations.update(fixture.quotes[0]!.id, { deletedAt: 5 });
    expect(await db.annotations.countLive()).toBe(fixture.quotes.length - 1);
    db.close();
  });

  it('opens an empty v1 database', async () => {
    const name = `migrate-empty-${Math.random()}`;
    names.push(name);
    const old = v1Database(name);
    await old.open();
    old.close();
    const db = new CorroborateDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.articles.count()).toBe(0);
    db.close();
  });
});

/** Exactly the v2 schema of the previous release (renderer/db/database.ts at versions 1 and 2). */
function v2Database(name: string): Dexie {
  const d = new Dexie(name);
  d.version(1).stores(V1_STORES);
  d.version(2).stores({
    articles: 'id, &sha256, createdAt, deletedAt',
    annotations: 'id, articleId, groupId, kind, deletedAt',
    groups: 'id, updatedAt, deletedAt',
  });
  return d;
}

/** Exactly the v3 schema of the previous release (versions 1-3 of renderer/db/database.ts). */
function v3Database(name: string): Dexie {
  const d = v2Database(name);
  d.version(3).stores({ annotations: 'id, articleId, groupId, speaker, deletedAt' });
  return d;
}

/** Rows by id, for comparing tables read in any order. */
const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('database migration v2 → v3 → v5', () => {
  it('keeps every row as it was and finds rows by article, group and speaker', async () => {
    const name = `migrate-v2-${Math.random()}`;
    names.push(name);
    const sample = await sampleWorkspace(
      loadSeeds().map((s) => ({ name: s.id, text: s.canonical })),
      { articles: 5, annotations: 300, annotationsPerGroup: 10 },
    );
    // One tombstoned annotation, and one claim that kept a speaker (a bundle may carry one).
    sample.annotations[0]!.deletedAt = 9_000;
    const claim = sample.annotations.find((a) => a.kind === 'claim')!;
    claim.speaker = 'Kept Speaker';
    const old = v2Database(name);
    await old.open();
    await old.table('articles').bulkAdd(sample.articles);
    await old.table('annotations').bulkAdd(sample.annotations);
    await old.table('groups').bulkAdd(sample.groups);
    old.close();

    const db = new CorroborateDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(byId(await db.annotations.all())).toEqual(byId(sample.annotations));
    expect(byId(await db.articles.toArray())).toEqual(byId(sample.articles));
    expect(byId(await db.groups.toArray())).toEqual(byId(sample.groups));

    // Every read a query makes finds the rows written by v2.
    const article = sample.articles[1]!;
    expect(byId(await db.annotations.ofArticles([article.id]))).toEqual(
      byId(sample.annotations.filter((a) => a.articleId === article.id)),
    );
    expect(byId(await db.annotations.withGroup('grp-000003'))).toEqual(
      byId(sample.annotations.filter((a) => a.groupId === 'grp-000003')),
    );
    expect(await db.annotations.countLive()).toBe(sample.annotations.length - 1);
    const withSpeaker = sample.annotations.filter((a) => a.speaker !== null).map((a) => a.id);
    expect(withSpeaker.length).toBeGreaterThan(1);
    expect((await db.annotations.withSpeaker()).map((a) => a.id).sort()).toEqual(
      [...withSpeaker].sort(),
    );
    db.close();
  });
});

describe('database migration v3 → v5 (annotations into packs)', () => {
  it('moves every row into packs, splits a big article, keeps ids findable and drops the old store', async () => {
    const name = `migrate-v3-${Math.random()}`;
    names.push(name);
    const sample = await sampleWorkspace(
      loadSeeds().map((s) => ({ name: s.id, text: s.canonical })),
      { articles: 3, annotations: 900, annotationsPerGroup: 30 },
    );
    // One article past a pack's size: 2,500 more annotations on the first article.
    const first = sample.articles[0]!;
    const extra = Array.from({ length: 2_500 }, (_, i) => ({
      ...sample.annotations.find((a) => a.articleId === first.id)!,
      id: `extra-${i}`,
      groupId: null,
      createdAt: 50_000 + i,
    }));
    const rows = [...sample.annotations, ...extra];
    rows[5]!.deletedAt = 7_000;
    const old = v3Database(name);
    await old.open();
    await old.table('articles').bulkAdd(sample.articles);
    await old.table('annotations').bulkAdd(rows);
    await old.table('groups').bulkAdd(sample.groups);
    old.close();

    const db = new CorroborateDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect([...db.backendDB().objectStoreNames]).not.toContain('annotations');
    expect(byId(await db.annotations.all())).toEqual(byId(rows));

    // The big article was split (no pack over PACK_ROWS); the small ones are one pack each.
    const packs = await db.annotationPacks.toArray();
    const ofFirst = packs.filter((p) => p.articleId === first.id);
    expect(ofFirst.length).toBeGreaterThan(1);
    expect(Math.max(...packs.map((p) => p.rows.length))).toBeLessThanOrEqual(PACK_ROWS);
    for (const a of sample.articles.slice(1)) {
      expect(packs.filter((p) => p.articleId === a.id).map((p) => p.prefix)).toEqual(['']);
    }
    // Ids are found without their article (the directory), tombstones included.
    const wanted = [rows[5]!.id, 'extra-2499', rows[800]!.id, 'no-such-id'];
    expect(await db.annotations.bulkGet(wanted)).toEqual([
      rows[5],
      rows[rows.length - 1],
      rows[800],
      undefined,
    ]);
    const counts = await db.annotations.liveCounts();
    expect(counts.get(first.id)).toBe(
      rows.filter((a) => a.articleId === first.id && a.deletedAt === null).length,
    );
    db.close();
  });
});
