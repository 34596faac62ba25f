import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { Workspace } from '../../shared/bundle';
import { readBundle, writeBundle } from '../../shared/bundle';
import { TRICKY_TEXTS, sampleWorkspace } from '../../shared/bundle/sample';
import { loadSeeds } from '../../shared/testing/seeds';
import { CorroborateDatabase } from './database';
import { editEntry, entriesOf, zipEntries } from '../../shared/testing/bundleEntries';
import { spyOnCore } from './coreSpy';
import {
  ImportCancelledError,
  isCancelled,
  applyMergePlan,
  importParsedBundle,
  readWorkspace,
  workspaceHash,
} from './applyBundle';
import { buildExport, collectWorkspace } from '../features/bundle/exportData';
import { importBundleBytes, importBundleFile } from '../features/bundle/runImport';
import { planMerge } from '../../shared/bundle';

const NOW = Date.UTC(2024, 4, 1, 9, 30);
let ws: Workspace;
let seq = 0;
const open: CorroborateDatabase[] = [];

function freshDb(setup?: (d: CorroborateDatabase) => void): CorroborateDatabase {
  const d = new CorroborateDatabase(`apply-bundle-test-${++seq}`);
  setup?.(d);
  open.push(d);
  return d;
}

async function fill(d: CorroborateDatabase, w: Workspace): Promise<void> {
  await d.transaction('rw', [d.articles, ...d.annotations.tables, d.groups], async () => {
    await d.articles.bulkPut(w.articles);
    await d.annotations.bulkPut(w.annotations);
    await d.groups.bulkPut(w.groups);
  });
}

async function counts(d: CorroborateDatabase) {
  return {
    articles: await d.articles.count(),
    annotations: await d.annotations.count(),
    groups: await d.groups.count(),
    review: await d.reanchorQueue.count(),
  };
}

const byId = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function parsed(bytes: Uint8Array) {
  const r = await readBundle(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations: 2500,
    annotationsPerGroup: 10,
  });
});

afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

describe('applyBundle: export → wipe → import', () => {
  it('gives back an identical workspace (deep equality of every table)', async () => {
    const d = freshDb();
    await fill(d, ws);
    const before = await readWorkspace(d);
    const hashBefore = await workspaceHash(d);
    // The fixture exercises the hard parts: astral characters, groups with both stances.
    expect(before.annotations.some((a) => /[\uD800-\uDBFF]/.test(a.quote.exact))).toBe(true);
    expect(new Set(before.annotations.map((a) => a.stance))).toEqual(
      new Set([null, 'agrees', 'conflicts']),
    );

    const file = buildExport('bundle', await collectWorkspace(null, d), { now: NOW });
    await Promise.all([d.articles.clear(), d.annotations.clear(), d.groups.clear()]);
    expect(await counts(d)).toEqual({ articles: 0, annotations: 0, groups: 0, review: 0 });

    const outcome = await importBundleBytes(file.suggestedName, file.data as Uint8Array, {
      database: d,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.articles.added).toBe(ws.articles.length);
    expect(outcome.summary.annotations.added).toBe(ws.annotations.length);
    expect(outcome.summary.review).toEqual([]);

    const after = await readWorkspace(d);
    expect(byId(after.articles)).toEqual(byId(before.articles));
    expect(byId(after.annotations)).toEqual(byId(before.annotations));
    expect(byId(after.groups)).toEqual(byId(before.groups));
    expect(after.review).toEqual([]);
    expect(await workspaceHash(d)).toBe(hashBefore);
  });

  it('exporting chosen articles carries only them, their annotations and their groups', async () => {
    const d = freshDb();
    await fill(d, ws);
    const chosen = [ws.articles[1]!.id, ws.articles[4]!.id];
    const part = await collectWorkspace(chosen, d);
    expect(part.articles.map((a) => a.id).sort()).toEqual([...chosen].sort());
    const expected = ws.annotations.filter((a) => chosen.includes(a.articleId));
    expect(byId(part.annotations)).toEqual(byId(expected));
    const groupIds = new Set(expected.map((a) => a.groupId).filter((g) => g !== null));
    expect(new Set(part.groups.map((g) => g.id))).toEqual(groupIds);
    // And it makes a valid bundle that reads back to exactly that part.
    const back = await parsed(buildExport('bundle', part, { now: NOW }).data as Uint8Array);
    expect(byId(back.annotations)).toEqual(byId(expected));
  });
});

describe('applyBundle: idempotence', () => {
  it('importing the same bundle twice changes nothing the second time', async () => {
    const d = freshDb();
    const bytes = writeBundle(ws, { appVersion: 'test', now: NOW });
    const first = await importBundleBytes('a.corroborate', bytes, { database: d });
    expect(first.ok && first.changed).toBe(true);
    const hash = await workspaceHash(d);
    const second = await importBundleBytes('a.corroborate', bytes, { database: d, now: NOW + 5 });
    if (!second.ok) throw new Error(second.message);
    expect(second.changed).toBe(false);
    expect(second.summary.annotations.unchanged).toBe(ws.annotations.length);
    expect(second.summary.articles.matched).toBe(ws.articles.length);
    expect(await workspaceHash(d)).toBe(hash);
  });

  it('queues annotations it cannot place, names them, and does not queue them twice', async () => {
    const d = freshDb();
    // An annotation whose quote is nowhere in its article cannot be placed by re-anchoring.
    const article = ws.articles[0]!;
    const lost = {
      ...ws.annotations.find((a) => a.articleId === article.id)!,
      id: 'lost-one',
      groupId: null,
      stance: null,
    };
    const text = article.text;
    const gone = 'Zebras quietly annexed the municipal aquarium overnight';
    const bundle = {
      articles: [article],
      annotations: [lost],
      groups: [],
    };
    const bytes = writeBundle(bundle, { appVersion: 'test', now: NOW });
    // Rewrite the quote inside the zip so the position no longer shows it.
    const entries = entriesOf(bytes);
    const exact = lost.quote.exact;
    expect(text.includes(gone)).toBe(false);
    entries['annotations.jsonld'] = entries['annotations.jsonld']!.replace(
      JSON.stringify(exact),
      JSON.stringify(gone),
    );
    const edited = zipEntries(entries);
    const first = await importBundleBytes('lost.corroborate', edited, { database: d });
    if (!first.ok) throw new Error(first.message);
    expect(first.summary.review.map((r) => r.annotationId)).toEqual(['lost-one']);
    expect(first.summary.review[0]!.articleTitle).toBe(article.title);
    expect(await d.annotations.count()).toBe(0);
    expect((await d.reanchorQueue.toArray()).map((r) => r.annotation.quote.exact)).toEqual([gone]);
    const hash = await workspaceHash(d);
    const again = await importBundleBytes('lost.corroborate', edited, { database: d });
    expect(again.ok && again.changed).toBe(false);
    expect(await workspaceHash(d)).toBe(hash);
  });
});

describe('applyBundle: all or nothing', () => {
  const half = () => ({
    articles: ws.articles.slice(0, 3),
    annotations: ws.annotations.filter((a) =>
      ws.articles.slice(0, 3).some((x) => x.id === a.articleId),
    ),
    groups: [] as Workspace['groups'],
  });
  const ungrouped = (w: Workspace): Workspace => ({
    ...w,
    annotations: w.annotations.map((a) => ({ ...a, groupId: null, stance: null })),
  });

  it('a cancel during the writes rolls every row back', async () => {
    const d = freshDb();
    const start = ungrouped(half());
    await fill(d, start);
    const hash = await workspaceHash(d);
    const controller = new AbortController();
    const progress: number[] = [];
    const run = importParsedBundle(await parsed(writeBundle(ws, { appVersion: 't', now: NOW })), {
      database: d,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        // Cancel once some rows are already written inside the transaction.
        if (done >= 1000) controller.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect(isCancelled(error)).toBe(true);
    expect(progress.some((n) => n >= 1000)).toBe(true);
    expect(await workspaceHash(d)).toBe(hash);
  });

  it('a cancel after the last write but before the commit still writes nothing', async () => {
    const d = freshDb();
    const controller = new AbortController();
    const bundle = await parsed(writeBundle(ws, { appVersion: 't', now: NOW }));
    const run = importParsedBundle(bundle, {
      database: d,
      signal: controller.signal,
      onProgress: (done, total) => {
        if (done === total) controller.abort();
      },
    });
    await expect(run).rejects.toThrow('Import cancelled. Nothing was changed.');
    expect(await counts(d)).toEqual({ articles: 0, annotations: 0, groups: 0, review: 0 });
  });

  it('a storage failure (QuotaExceededError) mid-transaction leaves the database unchanged', async () => {
    let failing = false;
    let putsBeforeFailure = 0;
    const d = freshDb((db) =>
      spyOnCore(db, 'simulated-quota', {
        mutate(name, req, next) {
          if (failing && req.type === 'put') {
            // Let the articles and groups go in first, then fail on annotations (in packs).
            if (name === 'annotationPacks') {
              return Promise.reject(
                new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
              );
            }
            putsBeforeFailure += req.values.length;
          }
          return next(req);
        },
      }),
    );
    await fill(d, ungrouped(half()));
    const before = await readWorkspace(d);
    const hash = await workspaceHash(d);
    failing = true;
    const bytes = writeBundle(ws, { appVersion: 't', now: NOW + 1 });
    // Enough room by the estimate; the disk fills up during the write anyway.
    const space = { usage: 1_000_000, quota: 1_001_000_000 };
    const outcome = await importBundleBytes('big.corroborate', bytes, {
      database: d,
      estimate: () => Promise.resolve(space),
    });
    expect(outcome).toMatchObject({ ok: false, code: 'disk-full' });
    expect(!outcome.ok && outcome.message).toMatch(
      // The estimate claimed 953.7 MB free and the disk still ran out: that number is not repeated.
      /^The disk is full \(needed ([\d.]+ MB), free less than \1: the browser does not report the real free space\)\. Free some disk space, then import again\. Nothing was changed\.$/,
    );
    expect(putsBeforeFailure).toBeGreaterThan(0); // rows really were written, then rolled back
    failing = false;
    expect(await workspaceHash(d)).toBe(hash);
    expect(byId((await readWorkspace(d)).articles)).toEqual(byId(before.articles));
    // The same session writes again: tag an annotation right after the failed import.
    const one = (await readWorkspace(d)).annotations[0]!;
    await d.annotations.update(one.id, { tags: ['checked'], updatedAt: NOW + 5 });
    expect((await d.annotations.get(one.id))!.tags).toEqual(['checked']);
  });

  it('a bad annotation met after the articles were put rolls them all back, with readBundle’s message', async () => {
    let articlesPut = 0;
    const d = freshDb((db) =>
      spyOnCore(db, 'count-puts', {
        mutate(name, req, next) {
          if (name === 'articles' && req.type === 'put') articlesPut += req.values.length;
          return next(req);
        },
      }),
    );
    // Fresh workspace: every annotation of the bundle is new, so every chunk is put.
    const hash = await workspaceHash(d);
    const good = writeBundle(ws, { appVersion: 't', now: NOW + 1 });
    const bad = editEntry(good, 'annotations.jsonld', (coll) => {
      // Offsets running backwards in the 1,800th item: only the conversion can tell.
      coll.first.items[1800].target.selector[1].start = 9;
      coll.first.items[1800].target.selector[1].end = 4;
    });
    articlesPut = 0;
    const outcome = await importBundleBytes('bad.corroborate', bad, { database: d });
    const expected = await readBundle(bad);
    if (expected.ok) throw new Error('the edited bundle must be refused');
    expect(outcome).toEqual({
      ok: false,
      name: 'bad.corroborate',
      code: 'offset-out-of-range',
      message: expected.error.message,
    });
    // The articles really went to IndexedDB before the bad row was met, then were rolled back.
    expect(articlesPut).toBe(ws.articles.length);
    expect(await workspaceHash(d)).toBe(hash);
    expect(await counts(d)).toEqual({ articles: 0, annotations: 0, groups: 0, review: 0 });
  });

  it('an article whose text does not match its sha256, found while the articles are written, rolls them back', async () => {
    let articlesPut = 0;
    let annotationsPut = 0;
    const d = freshDb((db) =>
      spyOnCore(db, 'count-puts', {
        mutate(name, req, next) {
          if (req.type !== 'put') return next(req);
          if (name === 'articles') articlesPut += req.values.length;
          if (name === 'annotationPacks') annotationsPut += req.values.length;
          return next(req);
        },
      }),
    );
    await fill(d, ungrouped(half()));
    const before = await counts(d);
    const hash = await workspaceHash(d);
    const good = writeBundle(ws, { appVersion: 't', now: NOW + 1 });
    const bad = editEntry(good, 'articles.json', (file) => {
      // Still canonical text, one letter changed: only the hash can tell.
      const last = file.articles.length - 1;
      file.articles[last].text = file.articles[last].text.replace('e', 'a');
    });
    articlesPut = 0;
    annotationsPut = 0;
    const outcome = await importBundleBytes('bad.corroborate', bad, { database: d });
    const expected = await readBundle(bad);
    if (expected.ok) throw new Error('the edited bundle must be refused');
    expect(expected.error.code).toBe('hash-mismatch');
    expect(outcome).toEqual({
      ok: false,
      name: 'bad.corroborate',
      code: 'hash-mismatch',
      message: expected.error.message,
    });
    // The articles went to IndexedDB before the hashes were checked; no annotation did.
    expect(articlesPut).toBeGreaterThan(0);
    expect(annotationsPut).toBe(0);
    expect(await workspaceHash(d)).toBe(hash);
    expect(await counts(d)).toEqual(before);
  });

  it('an import that will not fit is refused before any annotation is written, with the numbers', async () => {
    const d = freshDb();
    await fill(d, ungrouped(half()));
    const hash = await workspaceHash(d);
    const bytes = writeBundle(ws, { appVersion: 't', now: NOW + 1 });
    const outcome = await importBundleBytes('big.corroborate', bytes, {
      database: d,
      estimate: () => Promise.resolve({ usage: 1_000_000, quota: 1_100_000 }),
    });
    expect(outcome).toMatchObject({ ok: false, code: 'disk-full' });
    expect(!outcome.ok && outcome.message).toMatch(
      /^The disk is full \(needed [\d.]+ MB, free 97\.7 KB\)\. Free some disk space, then import again\. Nothing was changed\.$/,
    );
    expect(await workspaceHash(d)).toBe(hash);
  });

  it('applyMergePlan writes a plan made outside in one transaction', async () => {
    const d = freshDb();
    const bundle = await parsed(writeBundle(ws, { appVersion: 't', now: NOW }));
    const plan = planMerge(await readWorkspace(d), bundle, NOW);
    await applyMergePlan(plan, { database: d });
    expect(await counts(d)).toEqual({
      articles: ws.articles.length,
      annotations: ws.annotations.length,
      groups: ws.groups.length,
      review: 0,
    });
  });
});

describe('applyBundle: bad input leaves the workspace unchanged', () => {
  const cases: { name: string; make: (good: Uint8Array) => Uint8Array; code: string }[] = [
    { name: 'not a zip', make: () => strToU8('Just some article text.\n'), code: 'not-a-zip' },
    { name: 'truncated', make: (g) => g.slice(0, Math.floor(g.length / 2)), code: 'truncated' },
    {
      name: 'newer version',
      make: (g) => {
        const e = entriesOf(g);
        const m = JSON.parse(e['manifest.json']!);
        m.formatVersion = 99;
        return zipEntries({ ...e, 'manifest.json': JSON.stringify(m) });
      },
      code: 'newer-version',
    },
    {
      name: 'article text edited after export',
      make: (g) => {
        const e = entriesOf(g);
        const file = JSON.parse(e['articles.json']!);
        file.articles[0].text = file.articles[0].text.replace('498', '499');
        return zipEntries({ ...e, 'articles.json': JSON.stringify(file) });
      },
      code: 'hash-mismatch',
    },
    {
      name: 'annotation count does not match the manifest',
      make: (g) => {
        const e = entriesOf(g);
        const m = JSON.parse(e['manifest.json']!);
        m.counts.annotations += 1;
        return zipEntries({ ...e, 'manifest.json': JSON.stringify(m) });
      },
      code: 'count-mismatch',
    },
    { name: 'empty file', make: () => new Uint8Array(0), code: 'empty' },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} with a message, nothing written`, async () => {
      const d = freshDb();
      await fill(d, ws);
      const before = await counts(d);
      const hash = await workspaceHash(d);
      const outcome = await importBundleBytes(
        'bad.corroborate',
        c.make(writeBundle(ws, { appVersion: 't', now: NOW + 99 })),
        { database: d },
      );
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.code).toBe(c.code);
      expect(outcome.message.length).toBeGreaterThan(20);
      expect(await counts(d)).toEqual(before);
      expect(await workspaceHash(d)).toBe(hash);
    });
  }

  it('refuses a 200 MB file by its size alone (no bytes were read)', async () => {
    const d = freshDb();
    await fill(d, ws);
    const hash = await workspaceHash(d);
    const outcome = await importBundleFile(
      { name: 'huge.corroborate', size: 200 * 1024 * 1024, bytes: null, error: 'too large' },
      { database: d },
    );
    expect(outcome).toMatchObject({ ok: false, code: 'too-large' });
    expect(!outcome.ok && outcome.message).toMatch(/200\.0 MB/);
    expect(await workspaceHash(d)).toBe(hash);
  });
});
