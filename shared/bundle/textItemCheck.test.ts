import { beforeAll, describe, expect, it } from 'vitest';
import { editEntry, entriesOf } from '../testing/bundleEntries';
import { mulberry32 } from '../testing/random';
import { loadSeeds } from '../testing/seeds';
import { LIMITS } from './bounds';
import { readBundle } from './read';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import { TextAnnotationSchema } from './schema';
import { readStagedWhole } from './stagedTesting';
import { isPlainTextItem } from './textItemCheck';
import { writeBundle } from './write';

type Json = Record<string, unknown>;

let bytes: Uint8Array;
let items: Json[];

beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  const ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations: 400,
    annotationsPerGroup: 5,
  });
  // Notes and speakers on every kind of row: every body purpose occurs.
  ws.annotations.forEach((a, i) => {
    if (i % 3 === 0) a.note = `note ${i}`;
  });
  bytes = writeBundle(ws, { appVersion: '0.2.0', now: Date.UTC(2024, 4, 1) });
  const coll = JSON.parse(entriesOf(bytes)['annotations.jsonld']!) as {
    first: { items: Json[] };
  };
  items = coll.first.items.filter((x) => x.motivation === 'highlighting');
});

/** Every path to a value inside `v` (object keys and array indexes). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Json)[k as string], [...at, k]))];
}

const over = (n: number) => 'x'.repeat(n + 1);
/** Values that break some rule of the schema somewhere (or that are fine somewhere else). */
const REPLACEMENTS: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  2_000_001,
  Infinity,
  NaN,
  true,
  '',
  'x',
  '\uD800',
  'ok\uDC00',
  'a\nb',
  [],
  {},
  'claim',
  'quote',
  'Claim',
  'agrees',
  'conflicts',
  'TextualBody',
  'SpecificResource',
  'TextQuoteSelector',
  'TextPositionSelector',
  'linking',
  'tagging',
  'commenting',
  'identifying',
  'assessing',
  'classifying',
  'Person',
  'text/plain',
  'text/html',
  'urn:corroborate:annotation:',
  'urn:corroborate:annotation:\nx',
  'urn:corroborate:annotation:\u2028',
  'urn:corroborate:group:',
  'urn:corroborate:group:g',
  `urn:corroborate:group:${over(LIMITS.id * 4)}`,
  `urn:corroborate:article:${'a'.repeat(64)}`,
  `urn:corroborate:article:${'A'.repeat(64)}`,
  `urn:corroborate:article:${'a'.repeat(63)}`,
  '2017-02-30T00:00:00Z',
  '2017-02-31T23:59:59.5Z',
  '1989-12-31T23:59:59Z',
  '2017-13-01T00:00:00Z',
  '2017-09-28T12:00:00+02:00',
  '2017-09-28 12:00:00Z',
  over(LIMITS.tag),
  over(LIMITS.author),
  over(LIMITS.speaker),
  over(LIMITS.context),
];

function mutate(item: Json, rand: () => number): Json {
  const copy = structuredClone(item) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const steps = 1 + Math.floor(rand() * 2);
  for (let s = 0; s < steps; s++) {
    const path = all[Math.floor(rand() * all.length)]!;
    let parent: unknown = copy;
    for (const k of path.slice(0, -1)) parent = (parent as Json)?.[k as string];
    if (typeof parent !== 'object' || parent === null) continue;
    const key = path[path.length - 1]!;
    const r = rand();
    if (r < 0.15) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Json)[key as string];
    } else if (r < 0.25 && Array.isArray(parent)) {
      parent.push(structuredClone(parent[key as number]));
    } else if (r < 0.3) {
      (parent as Json)[`extra${s}`] = 'unknown key';
    } else {
      (parent as Json)[key as string] = REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
    }
  }
  return copy;
}

describe('isPlainTextItem: a fast yes only where the schema says yes', () => {
  it('accepts every text annotation a real export writes', () => {
    expect(items.length).toBe(400);
    for (const item of items) {
      expect(TextAnnotationSchema.safeParse(item).success).toBe(true);
      expect(isPlainTextItem(item)).toBe(true);
    }
  });

  it('never accepts a damaged item the schema refuses (20,000 random mutations)', () => {
    const rand = mulberry32(11);
    let fastYes = 0;
    let schemaNo = 0;
    for (let n = 0; n < 20_000; n++) {
      const m = mutate(items[n % items.length]!, rand);
      const schema = TextAnnotationSchema.safeParse(m).success;
      if (!schema) schemaNo++;
      if (isPlainTextItem(m)) {
        fastYes++;
        if (!schema) throw new Error(`fast yes, schema no: ${JSON.stringify(m).slice(0, 2000)}`);
      }
    }
    // Both verdicts occur often: the mutations reach both sides of the line.
    expect(schemaNo).toBeGreaterThan(5_000);
    expect(fastYes).toBeGreaterThan(1_000);
  });

  it('items with unknown keys read exactly as the schema reads them (which drops those keys)', async () => {
    const extra = editEntry(bytes, 'annotations.jsonld', (coll) => {
      for (const item of coll.first.items) {
        item['x-tool'] = { kept: false };
        item.target['x-note'] = 1;
        for (const b of item.body) b['x-b'] = 'y';
      }
    });
    const whole = await readBundle(extra);
    if (!whole.ok) throw new Error(whole.error.message);
    expect(await readStagedWhole(extra, 100)).toEqual(whole);
  });
});
