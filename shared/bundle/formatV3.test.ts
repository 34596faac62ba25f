/* eslint-disable @typescript-eslint/no-explicit-any -- these tests read and tamper with raw bundle JSON */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editEntry, entriesOf, zipEntries as zip } from '../testing/bundleEntries';
import Ajv2020 from 'ajv/dist/2020';
import type { Workspace } from './types';
import { loadSeeds, seed } from '../testing/seeds';
import { sha256Hex } from '../text/hash';
import { canonicalizeText } from '../text/canonical';
import { makeSelectors } from '../anchoring/selectors';
import { annotationDefaults, articleDefaults, groupDefaults } from '../model/defaults';
import { readBundle } from './read';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import { wellFormedJson, writeBundle } from './write';
import { applyPlan, planMerge } from './merge';
import { bundleJsonSchema } from './schema';
import { toWellFormed } from './bounds';

const NOW = Date.UTC(2026, 10, 30, 12);
const OPTS = { appVersion: '0.2.0', now: NOW };
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function readOk(bytes: Uint8Array) {
  const r = await readBundle(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function refused(bytes: Uint8Array) {
  const r = await readBundle(bytes);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
const edit = editEntry;

async function seedWorkspace(annotations = 60): Promise<Workspace> {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  return sampleWorkspace(sources, {
    articles: sources.length,
    annotations,
    annotationsPerGroup: 6,
  });
}

describe('format 3 as the previous build wrote it', () => {
  it('group targets with a source and no scope (before the W3C fix) import to the same workspace', async () => {
    const ws = await seedWorkspace();
    const now = writeBundle(ws, OPTS);
    // Until this session a group's targets were exactly { type, source }.
    const previous = edit(now, 'annotations.jsonld', (coll) => {
      for (const item of coll.first.items) {
        if (item.motivation !== 'linking') continue;
        for (const t of item.target) delete t.scope;
      }
    });
    expect(entriesOf(previous)['annotations.jsonld']).not.toContain('"scope"');
    expect(await readOk(previous)).toEqual(await readOk(now));
  });
});

describe('format 2 → 3: a bundle written by app 0.1.0 (committed fixture)', () => {
  it('reads into the v3 model: ids are sha256, new fields take their defaults, nothing else changes', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('v2-app-0.1.0.corroborate')));
    const before = JSON.parse(readFileSync(fixture('v2-app-0.1.0.workspace.json'), 'utf8')) as any;
    expect(JSON.parse(entriesOf(bytes)['manifest.json']!).formatVersion).toBe(2);
    const b = await readOk(bytes);
    expect(b.formatVersion).toBe(2);
    // App 0.1.0 cut the emoji article's title inside a surrogate pair: repaired, not refused.
    expect(b.warnings).toEqual([
      'Converted from the older bundle format 2 (Corroborate 0.1.0).',
      'Replaced broken characters (half of an emoji pair, left by an older version) with � in 1 place(s).',
    ]);
    const idOf = new Map<string, string>(before.articles.map((a: any) => [a.id, a.sha256]));
    expect(b.articles).toEqual(
      before.articles.map((a: any) => ({
        ...a,
        ...articleDefaults(),
        id: a.sha256,
        title: toWellFormed(a.title),
      })),
    );
    expect(b.articles.filter((a) => a.title.endsWith('\ufffd'))).toHaveLength(1);
    expect(b.annotations.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
      before.annotations
        .map((a: any) => ({ ...a, ...annotationDefaults(), articleId: idOf.get(a.articleId) }))
        .sort((x: any, y: any) => (x.id < y.id ? -1 : 1)),
    );
    expect(b.groups).toEqual(before.groups.map((g: any) => ({ ...g, ...groupDefaults() })));
    // Written again, it is a format 3 bundle that reads back to the same rows.
    const again = await readOk(writeBundle(b, OPTS));
    expect(again.formatVersion).toBe(3);
    expect(again.articles).toEqual(b.articles);
  });
});

describe('format 3 carries every field of the model', () => {
  it('round trip keeps source fields, structure, tags, authors, verdicts, status, resolution', async () => {
    const ws = await seedWorkspace();
    expect(ws.articles.some((a) => a.structure !== null && a.authors.length > 0 && a.url)).toBe(
      true,
    );
    expect(ws.annotations.some((a) => a.tags.length > 1 && a.author !== null)).toBe(true);
    expect(
      ws.groups.some((g) => g.verdict && g.reasoning && g.resolution && g.status === 'resolved'),
    ).toBe(true);
    const parsed = await readOk(writeBundle(ws, OPTS));
    const restored = applyPlan(
      { articles: [], annotations: [], groups: [] },
      planMerge({ articles: [], annotations: [], groups: [] }, parsed, NOW),
    );
    const byId = <T extends { id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(restored.articles)).toEqual(byId(ws.articles));
    expect(byId(restored.annotations)).toEqual(byId(ws.annotations));
    expect(byId(restored.groups)).toEqual(byId(ws.groups));
  });

  it('deleted rows (tombstones) are not exported, and a group without members survives', async () => {
    const ws = await seedWorkspace(30);
    const gone = ws.annotations[0]!;
    const lonely = { ...ws.groups[0]!, id: 'grp-empty', label: 'No members yet' };
    const dead = { ...ws.groups[1]!, id: 'grp-dead', deletedAt: NOW - 5 };
    const tomb: Workspace = {
      articles: ws.articles,
      annotations: ws.annotations.map((a) => (a === gone ? { ...a, deletedAt: NOW - 10 } : a)),
      groups: [...ws.groups, lonely, dead],
    };
    const files = entriesOf(writeBundle(tomb, OPTS));
    expect(files['annotations.jsonld']).not.toContain(`annotation:${gone.id}"`);
    expect(files['annotations.jsonld']).not.toContain('grp-dead');
    const parsed = await readOk(zip(files));
    expect(parsed.annotations.map((a) => a.id)).not.toContain(gone.id);
    expect(parsed.annotations).toHaveLength(ws.annotations.length - 1);
    expect(parsed.groups.find((g) => g.id === 'grp-empty')).toEqual(lonely);
    expect(JSON.parse(files['manifest.json']!).counts.annotations).toBe(ws.annotations.length - 1);
  });
});

describe('W3C Web Annotation and the published schema (issue 9 item 7)', () => {
  it("every annotation passes the model's MUSTs for targets and bodies; the page has an id", async () => {
    const coll = JSON.parse(
      entriesOf(writeBundle(await seedWorkspace(), OPTS))['annotations.jsonld']!,
    );
    expect(coll.first.id).toMatch(/^urn:corroborate:collection:.+:page:1$/);
    expect(coll.first.partOf).toBe(coll.id);
    let groups = 0;
    for (const item of coll.first.items) {
      expect(item.type).toBe('Annotation');
      expect(typeof item.id).toBe('string');
      const targets = Array.isArray(item.target) ? item.target : [item.target];
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) {
        // A target is an IRI, or a SpecificResource with a source and a selector or scope
        // (the W3C suite's own check: shared/export/w3cAnnotationMusts.test.ts).
        if (typeof t === 'string') continue;
        expect(t.type).toBe('SpecificResource');
        expect(typeof t.source).toBe('string');
        expect('selector' in t || 'scope' in t).toBe(true);
        expect(
          Object.keys(t).every((k) => ['type', 'source', 'selector', 'scope'].includes(k)),
        ).toBe(true);
      }
      for (const b of Array.isArray(item.body) ? item.body : [item.body]) {
        if (b.type === 'TextualBody') expect(typeof b.value).toBe('string');
        if (b.type === 'SpecificResource') {
          expect(typeof b.source).toBe('string');
          expect('value' in b).toBe(false);
        }
        expect(Object.keys(b).some((k) => k.startsWith('corroborate:'))).toBe(false);
      }
      if (item.motivation === 'linking') groups++;
    }
    expect(groups).toBeGreaterThan(0);
  });

  it('the published JSON Schema compiles in Ajv strict mode (no custom formats) and accepts a written bundle', async () => {
    const schema = bundleJsonSchema();
    expect(JSON.stringify(schema)).not.toMatch(/"format":\s*"(?!text\/plain)/);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(schema);
    const files = entriesOf(writeBundle(await seedWorkspace(), OPTS));
    const asObject = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, JSON.parse(v)]));
    expect(validate(asObject) ? 'valid' : validate.errors).toBe('valid');
    asObject['articles.json'].articles[0].createdAt = '+275760-09-13T00:00:00.000Z';
    expect(validate(asObject)).toBe(false);
  });
});

describe('bounds: every field limited, messages name the field and the limit', () => {
  it('a format-1 bundle with times beyond the Date range (9e15 ms) is refused, not imported', async () => {
    const files = {
      'manifest.json': {
        format: 'corroborate-bundle',
        formatVersion: 1,
        appVersion: '0.0.9',
        createdAt: '2023-11-02T10:00:00.000Z',
      },
      'articles.json': [
        { id: 'a1', title: 'T', source: null, date: null, text: 'Short text.', createdAt: 9e15 },
      ],
      'annotations.json': [],
    };
    const e = await refused(
      zip(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, JSON.stringify(v)]))),
    );
    expect(e.code).toBe('invalid-content');
    expect(e.message).toBe(
      'articles.json does not match the bundle format at [0].createdAt: must be a time between 1990-01-01 and 2099-12-31 (epoch milliseconds). Ask whoever sent it to export it again from Corroborate.',
    );
  });

  it('format-3 times outside 1990–2099 and titles over the limit', async () => {
    const good = writeBundle(await seedWorkspace(12), OPTS);
    const late = await refused(
      edit(
        good,
        'annotations.jsonld',
        (c) => (c.first.items[0].modified = '2150-01-01T00:00:00.000Z'),
      ),
    );
    expect(late.message).toMatch(
      /^annotations\.jsonld does not match the bundle format at first\.items\[0\]\.modified: must be an ISO 8601 UTC time between 1990-01-01 and 2099-12-31/,
    );
    const long = await refused(
      edit(good, 'articles.json', (f) => (f.articles[1].title = 'x'.repeat(2001))),
    );
    expect(long.message).toMatch(
      /^articles\.json does not match the bundle format at articles\[1\]\.title: is longer than the limit of 2,000 characters\./,
    );
    const tags = await refused(
      edit(good, 'annotations.jsonld', (c) => {
        for (let i = 0; i < 120; i++)
          c.first.items[0].body.push({ type: 'TextualBody', purpose: 'tagging', value: `t${i}` });
      }),
    );
    expect(tags.message).toMatch(
      /at first\.items\[0\]\.body: has more than the limit of 108 items/,
    );
  });

  it('a lone surrogate anywhere is refused as invalid text, naming the field', async () => {
    const good = writeBundle(await seedWorkspace(12), OPTS);
    const e = await refused(
      edit(good, 'annotations.jsonld', (c) =>
        c.first.items[0].body.push({
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'note \ud83d end',
        }),
      ),
    );
    expect(e.code).toBe('invalid-content');
    expect(e.message).toMatch(
      /at first\.items\[0\]\.body\[\d\]\.value: contains a lone surrogate \(half of a UTF-16 character pair\), which is not valid text\./,
    );
  });

  it('a text with a lone surrogate gets one identity: stored and hashed as U+FFFD, so it cannot collide', async () => {
    const lone = canonicalizeText('Breaking \ud83d news');
    const replaced = canonicalizeText('Breaking \ufffd news');
    expect(lone).toBe(replaced);
    expect(await sha256Hex(lone)).toBe(await sha256Hex(replaced));
    // Written by the app, such a title still makes a bundle every reader accepts.
    const ws = await seedWorkspace(6);
    const cut: Workspace = {
      ...ws,
      articles: ws.articles.map((a, i) => (i === 0 ? { ...a, title: 'Emoji cut \ud83d' } : a)),
    };
    const parsed = await readOk(writeBundle(cut, OPTS));
    expect(parsed.articles.find((a) => a.id === ws.articles[0]!.id)!.title).toBe(
      'Emoji cut \ufffd',
    );
    // Text that merely spells an escape is left alone; a real pair stays a pair.
    expect(
      wellFormedJson(JSON.stringify({ a: 'see \\ud83d', b: '\ud83d\udea8', c: 'x\udea8' })),
    ).toBe(JSON.stringify({ a: 'see \\ud83d', b: '\ud83d\udea8', c: 'x\ufffd' }));
  });

  it('ids such as __proto__ are plain data everywhere (Maps, not object keys)', async () => {
    const text = seed('001').canonical;
    const sha = await sha256Hex(text);
    const t = NOW - 60_000;
    const ws: Workspace = {
      articles: [
        {
          ...articleDefaults(),
          id: sha,
          sha256: sha,
          title: 'T',
          source: null,
          date: null,
          text,
          origin: { kind: 'paste', name: null, format: 'paste' },
          createdAt: t,
          updatedAt: t,
        },
      ],
      groups: [
        {
          ...groupDefaults(),
          id: '__proto__',
          label: 'constructor',
          labelEdited: false,
          createdAt: t,
          updatedAt: t,
        },
      ],
      annotations: ['__proto__', 'constructor', 'toString'].map((id, i) => ({
        ...annotationDefaults(),
        id,
        articleId: sha,
        kind: 'claim' as const,
        ...makeSelectors(text, i * 10, i * 10 + 8),
        speaker: null,
        note: '',
        groupId: '__proto__',
        stance: 'agrees' as const,
        tags: ['__proto__'],
        createdAt: t,
        updatedAt: t,
      })),
    };
    const parsed = await readOk(writeBundle(ws, OPTS));
    const plan = planMerge({ articles: [], annotations: [], groups: [] }, parsed, NOW);
    expect(plan.annotations.map((a) => a.id).sort()).toEqual([
      '__proto__',
      'constructor',
      'toString',
    ]);
    expect(plan.groups.map((g) => g.id)).toEqual(['__proto__']);
    expect(plan.articleIdMap.get(sha)).toBe(sha);
  });

  it('a format-3 manifest over format-2 articles names the mismatch (not "expected array")', async () => {
    const v2 = new Uint8Array(readFileSync(fixture('v2-app-0.1.0.corroborate')));
    const e = await refused(edit(v2, 'manifest.json', (m) => (m.formatVersion = 3)));
    expect(e.code).toBe('version-mismatch');
    expect(e.message).toBe(
      "The bundle's manifest says format 3, but its contents are in format 2 (its articles have no authors or structure), so the manifest was replaced or the zip was put together by hand. Ask whoever sent it to export it again from Corroborate.",
    );
  });
});
