// Every annotation Corroborate exports, checked against the W3C Web Annotation test suite's own
// schemas (the `annotationMusts` assertions, vendored in fixtures/w3c-annotation-model with
// their licence) and against the loading rules of RecogitoJS (shared/testing/recogito.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleWorkspace, TRICKY_TEXTS } from '../bundle/sample';
import type { Workspace } from '../bundle/types';
import { groupDefaults } from '../model/defaults';
import { factcheckWorkspace } from '../testing/factcheck';
import { recogitoLoad } from '../testing/recogito';
import { loadSeeds } from '../testing/seeds';
import { exportJsonLd } from './jsonld';

const SUITE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/w3c-annotation-model');
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(SUITE, path), 'utf8')) as Record<string, unknown>;

/**
 * RFC 3986 URI (scheme, then only unreserved, reserved and %-encoded characters) and RFC 3339
 * date-time: the two formats the suite uses. Ajv ships no formats and ajv-formats is not
 * installed, so they are defined here.
 */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** draft-04 says keywords beside "$ref" are ignored; Ajv 8 applies them. */
function dropRefSiblings(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(dropRefSiblings);
  if (schema === null || typeof schema !== 'object') return schema;
  const obj = schema as Record<string, unknown>;
  if (typeof obj.$ref === 'string') return { $ref: obj.$ref };
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, dropRefSiblings(v)]));
}

interface Must {
  file: string;
  title: string;
  /** Not Ajv's type guard: a failed check must not narrow the item to `never`. */
  validate: (data: unknown) => boolean;
}

/**
 * The suite's schemas are draft-04. Ajv 8 has no draft-04 mode without the ajv-draft-04 package
 * (not installed), so: each file's draft-04 "id" is read as "$id" (relative "$ref"s resolve
 * against it), the
 * draft-04 meta-schema is not checked (validateSchema: false), and strict mode is off because
 * the suite's own keywords (assertionType, errorMessage, …) are not JSON Schema. None of the
 * assertions uses a keyword whose meaning changed after draft-04 (exclusiveMinimum/Maximum).
 * `refSiblings: 'ignore'` reads "$ref" the draft-04 way; 'apply' the stricter Ajv 8 way.
 */
function annotationMusts(refSiblings: 'apply' | 'ignore'): Must[] {
  const prep = (s: Record<string, unknown>): Record<string, unknown> & { $id: string } => {
    // draft-04 names a schema by "id"; Ajv 8 only by "$id" (its "id" keyword throws).
    const { id, ...rest } = refSiblings === 'ignore' ? (dropRefSiblings(s) as typeof s) : s;
    return { $id: String(id), ...rest };
  };
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URI.test(s));
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  for (const f of readdirSync(join(SUITE, 'definitions'))) {
    ajv.addSchema(prep(readJson(`definitions/${f}`)));
  }
  const test = readJson('annotations/annotationMusts.test') as { assertions: string[] };
  return test.assertions.map((file) => {
    const schema = readJson(file);
    return { file, title: String(schema.title), validate: ajv.compile(prep(schema)) };
  });
}

/** The seeds as a fact-checker leaves them: rated groups, notes, tags, an author, an empty group. */
function seedWorkspace(): Workspace {
  const ws = factcheckWorkspace();
  ws.groups[0] = { ...ws.groups[0]!, verdict: 'True', reasoning: 'All three outlets say 498.' };
  ws.groups[1] = {
    ...ws.groups[1]!,
    verdict: 'Half true',
    status: 'resolved',
    resolution: 'The 167 covers the whole LA area office, the 101 the city.',
  };
  ws.annotations[0] = {
    ...ws.annotations[0]!,
    note: 'Headline figure',
    tags: ['ice', 'figures'],
    author: 'Dana Editor',
  };
  ws.groups.push({
    ...groupDefaults(),
    id: 'g-empty',
    label: 'Nothing linked yet',
    labelEdited: true,
    createdAt: 9,
    updatedAt: 9,
  });
  return ws;
}

type Item = Record<string, unknown> & { id: string };
function exportedItems(ws: Workspace): Item[] {
  const coll = JSON.parse(exportJsonLd(ws, { now: Date.UTC(2024, 2, 3) })) as {
    '@context': unknown;
    first: { items: Item[] };
  };
  // Each item is checked as a stand-alone annotation, as the suite does: with the context the
  // collection gives it.
  return coll.first.items.map((item) => ({ '@context': coll['@context'], ...item }));
}

function failures(musts: Must[], items: Item[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    for (const m of musts) {
      if (!m.validate(item)) out.push(`${item.id} fails ${m.file}: ${m.title}`);
    }
  }
  return out;
}

describe('W3C annotationMusts on the exported annotations', () => {
  const strict = annotationMusts('apply');
  const draft04 = annotationMusts('ignore');

  it('loads all 14 assertions of annotationMusts.test, 3.2-targetObjectsRecognized among them', () => {
    expect(strict.map((m) => m.file)).toContain('annotations/3.2-targetObjectsRecognized.json');
    expect(strict).toHaveLength(14);
  });

  it('every annotation and claim group of the seed workspace passes every assertion', () => {
    const items = exportedItems(seedWorkspace());
    expect(items.filter((i) => i.motivation === 'linking')).toHaveLength(4);
    expect(items.filter((i) => i.motivation === 'highlighting')).toHaveLength(9);
    expect(failures(strict, items)).toEqual([]);
    expect(failures(draft04, items)).toEqual([]);
  });

  it('so does a larger sample (seeds and tricky texts: emoji, RTL, CJK), 60 annotations', async () => {
    const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
    const ws = await sampleWorkspace(sources, { articles: sources.length, annotations: 60 });
    const items = exportedItems(ws);
    expect(items.length).toBeGreaterThan(60);
    expect(failures(strict, items)).toEqual([]);
  });

  it('the checks can fail: the suite rejects the targets and bodies W3C tools do not accept', () => {
    const target3_2 = strict.find((m) => m.file.endsWith('3.2-targetObjectsRecognized.json'))!;
    const base = exportedItems(seedWorkspace()).find((i) => i.motivation === 'linking')!;
    // A SpecificResource with only a source is neither a Specific Resource (needs a selector,
    // purpose, scope, …) nor an External Web Resource (needs an id): what earlier builds exported.
    const bare = {
      ...base,
      target: [{ type: 'SpecificResource', source: 'urn:corroborate:annotation:x' }],
    };
    expect(target3_2.validate(bare)).toBe(false);
    const notUri = { ...base, target: 'not a uri' };
    expect(target3_2.validate(notUri)).toBe(false);
    const both = { ...base, bodyValue: 'x' };
    expect(failures(strict, [both])).toEqual([
      expect.stringContaining('3.2.5-notBodyBodyValue.json'),
    ]);
    const badTime = { ...base, created: '3 March 2024' };
    expect(failures(strict, [badTime])).toEqual([
      expect.stringContaining('3.3.1-annotationCreatedValidated.json'),
    ]);
  });
});

describe('RecogitoJS loading rules on the exported annotations', () => {
  it('loads the seed workspace without throwing: every claim and quote painted at its text, no group taken for a relation', () => {
    const ws = seedWorkspace();
    const items = exportedItems(ws);
    const { highlights, relations } = recogitoLoad(items);
    expect(relations).toEqual([]);
    expect(highlights).toHaveLength(ws.annotations.length);
    for (const h of highlights) {
      const a = ws.annotations.find((x) => `urn:corroborate:annotation:${x.id}` === h.id)!;
      const text = ws.articles.find((x) => x.id === a.articleId)!.text;
      // Seeds are BMP-only, so code points and UTF-16 units agree here.
      expect(text.slice(h.start, h.end)).toBe(h.quote);
      expect(h.quote).toBe(a.quote.exact);
    }
  });

  it('the port throws where Recogito throws, so the check above means something', () => {
    expect(() => recogitoLoad([{ id: 'x', type: 'Annotation' }])).toThrow(TypeError);
    expect(() => recogitoLoad([{ id: 'x', type: 'Annotation', target: [null] }])).toThrow(
      TypeError,
    );
  });
});
