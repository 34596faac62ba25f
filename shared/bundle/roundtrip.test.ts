import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { loadSeeds } from '../testing/seeds';
import { utf16ToCodePoint } from '../anchoring/codepoints';
import type { Workspace } from './types';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import { writeBundle } from './write';
import { readBundle } from './read';
import { applyPlan, planMerge } from './merge';
import { ENTRY, FORMAT_NAME, FORMAT_VERSION } from './format';
import type { AnnotationCollection } from './schema';

const NOW = Date.UTC(2024, 4, 1, 9, 30);
const OPTS = { appVersion: '0.1.0', now: NOW };

async function seedWorkspace(annotations = 120): Promise<Workspace> {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  return sampleWorkspace(sources, {
    articles: sources.length,
    annotations,
    annotationsPerGroup: 8,
  });
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
const normalize = (ws: Workspace) => ({
  articles: byId(ws.articles),
  annotations: byId(ws.annotations),
  groups: byId(ws.groups),
});

async function readOk(bytes: Uint8Array) {
  const r = await readBundle(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('bundle round trip', () => {
  it('export → wipe → import gives back an identical workspace (deep equality)', async () => {
    const ws = await seedWorkspace();
    // The fixture really exercises the hard parts.
    expect(ws.annotations.some((a) => a.groupId !== null && a.stance === 'conflicts')).toBe(true);
    expect(ws.annotations.some((a) => a.speaker !== null && a.note !== '')).toBe(true);
    expect(ws.annotations.some((a) => /[\uD800-\uDBFF]/.test(a.quote.exact + a.quote.prefix))).toBe(
      true,
    );

    const parsed = await readOk(writeBundle(ws, OPTS));
    expect(parsed.warnings).toEqual([]);
    const empty = { articles: [], annotations: [], groups: [] };
    const plan = planMerge(empty, parsed, NOW);
    expect(plan.review).toEqual([]);
    const restored = applyPlan(empty, plan);
    expect(restored.review).toEqual([]);
    expect(normalize(restored)).toEqual(normalize(ws));
  });

  it('rows an older version stamped modified before created export and read back (modified = created)', async () => {
    const ws = await seedWorkspace();
    // Corroborate 0.1.0 seeded articles with createdAt = now + i and updatedAt = now.
    ws.articles[1]!.updatedAt = ws.articles[1]!.createdAt - 1;
    ws.annotations[0]!.updatedAt = ws.annotations[0]!.createdAt - 5;
    const parsed = await readOk(writeBundle(ws, OPTS));
    const article = parsed.articles.find((a) => a.sha256 === ws.articles[1]!.sha256)!;
    expect(article.updatedAt).toBe(ws.articles[1]!.createdAt);
    const annotation = parsed.annotations.find((a) => a.id === ws.annotations[0]!.id)!;
    expect(annotation.updatedAt).toBe(ws.annotations[0]!.createdAt);
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const ws = await seedWorkspace();
    const bytes = writeBundle(ws, OPTS);
    const first = applyPlan(
      { articles: [], annotations: [], groups: [] },
      planMerge({ articles: [], annotations: [], groups: [] }, await readOk(bytes), NOW),
    );
    const second = planMerge(first, await readOk(bytes), NOW + 1000);
    expect(second.empty).toBe(true);
    expect(second.summary.annotations.unchanged).toBe(ws.annotations.length);
    expect(second.summary.articles.matched).toBe(ws.articles.length);
    // And re-importing into the original workspace is a no-op too.
    expect(planMerge(ws, await readOk(bytes), NOW).empty).toBe(true);
  });

  it('is deterministic: same workspace in any order and same time → same bytes', async () => {
    const ws = await seedWorkspace();
    const shuffled: Workspace = {
      articles: [...ws.articles].reverse(),
      annotations: [...ws.annotations].reverse(),
      groups: [...ws.groups].reverse(),
    };
    expect(writeBundle(shuffled, OPTS)).toEqual(writeBundle(ws, OPTS));
    expect(writeBundle(ws, { ...OPTS, now: NOW + 1 })).not.toEqual(writeBundle(ws, OPTS));
  });

  it('writes W3C JSON-LD with code-point offsets, linking groups and a truthful manifest', async () => {
    const ws = await seedWorkspace();
    const files = unzipSync(writeBundle(ws, OPTS));
    expect(Object.keys(files)).toEqual([ENTRY.manifest, ENTRY.articles, ENTRY.annotations]);
    const manifest = JSON.parse(strFromU8(files[ENTRY.manifest]!));
    expect(manifest).toEqual({
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      appVersion: '0.1.0',
      createdAt: '2024-05-01T09:30:00.000Z',
      counts: {
        articles: ws.articles.length,
        annotations: ws.annotations.length,
        groups: ws.groups.length,
      },
    });
    const coll = JSON.parse(strFromU8(files[ENTRY.annotations]!)) as AnnotationCollection;
    expect(coll['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(coll.type).toBe('AnnotationCollection');
    expect(coll.total).toBe(ws.annotations.length + ws.groups.length);

    // An annotation on the emoji article: its W3C offsets are code points.
    const emoji = ws.articles.find((a) => a.text.startsWith('Breaking 🚨'))!;
    const onEmoji = ws.annotations.filter((a) => a.articleId === emoji.id && a.position.start > 10);
    expect(onEmoji.length).toBeGreaterThan(0);
    for (const a of onEmoji) {
      const item = coll.first.items.find((x) => x.id === `urn:corroborate:annotation:${a.id}`);
      if (item?.motivation !== 'highlighting') throw new Error('missing item');
      expect(item.target.source).toBe(`urn:corroborate:article:${emoji.sha256}`);
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      expect(pos).toEqual({
        type: 'TextPositionSelector',
        start: utf16ToCodePoint(emoji.text, a.position.start),
        end: utf16ToCodePoint(emoji.text, a.position.end),
      });
      expect(pos.start).toBeLessThan(a.position.start); // 🚨 precedes every such span
      expect(Array.from(emoji.text).slice(pos.start, pos.end).join('')).toBe(a.quote.exact);
    }

    // Groups are linking annotations with one SpecificResource target per member; the stance
    // is the member's own "assessing" body; verdict and reasoning are bodies of the group.
    const group = ws.groups.find(
      (g) => g.verdict !== null && ws.annotations.filter((a) => a.groupId === g.id).length > 1,
    )!;
    const members = ws.annotations.filter((a) => a.groupId === group.id);
    const gItem = coll.first.items.find((x) => x.id === `urn:corroborate:group:${group.id}`);
    if (gItem?.motivation !== 'linking') throw new Error('missing group');
    expect(gItem.body.find((b) => b.purpose === 'describing')?.value).toBe(group.label);
    expect(gItem.body.find((b) => b.purpose === 'assessing')?.value).toBe(group.verdict);
    expect(gItem['corroborate:status']).toBe(group.status);
    expect(new Set(gItem.target.map((t) => `${t.type} ${t.source}`))).toEqual(
      new Set(members.map((m) => `SpecificResource urn:corroborate:annotation:${m.id}`)),
    );
    for (const m of members) {
      const item = coll.first.items.find((x) => x.id === `urn:corroborate:annotation:${m.id}`)!;
      expect(item.body).toContainEqual({
        type: 'TextualBody',
        purpose: 'assessing',
        value: m.stance,
      });
      expect(item.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(m.tags);
    }
    expect(coll.first.id).toBe(`${coll.id}:page:1`);
  });

  it('keeps HTML inside article text as text, byte for byte', async () => {
    const ws = await seedWorkspace(20);
    const markup = ws.articles.find((a) => a.text.includes('<script>'))!;
    const parsed = await readOk(writeBundle(ws, OPTS));
    expect(parsed.articles.find((a) => a.sha256 === markup.sha256)!.text).toBe(markup.text);
  });

  it('compresses the seed workspace well (text compresses ~4x)', async () => {
    const ws = await seedWorkspace(200);
    const bytes = writeBundle(ws, OPTS);
    const files = unzipSync(bytes);
    const raw = Object.values(files).reduce((n, f) => n + f.length, 0);
    expect(raw / bytes.length).toBeGreaterThan(3);
  });

  it('reports progress and honours cancellation while reading', async () => {
    const ws = await seedWorkspace(20);
    const bytes = writeBundle(ws, OPTS);
    const seen: [number, number][] = [];
    await readBundle(bytes, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([ws.articles.length + 2, ws.articles.length + 2]);
    const signal = { aborted: false };
    const r = await readBundle(bytes, {
      signal,
      onProgress: (d) => {
        if (d === 2) signal.aborted = true;
      },
    });
    expect(r.ok === false && r.error.code).toBe('aborted');
  });
});
