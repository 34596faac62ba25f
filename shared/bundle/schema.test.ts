import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { loadSeeds } from '../testing/seeds';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import { BundleSchema, bundleJsonSchema } from './schema';
import { writeBundle } from './write';

const SCHEMA_FILE = new URL('../../schema/corroborate-bundle.schema.json', import.meta.url);

describe('published JSON Schema', () => {
  it('schema/corroborate-bundle.schema.json is up to date with the zod schema (run node schema/gen-schema.mjs)', () => {
    const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(committed).toEqual(bundleJsonSchema());
  });

  it('describes every entry, with code-point offsets and both selectors', () => {
    const s = bundleJsonSchema() as { required: string[]; $defs: Record<string, unknown> };
    expect(s.required).toEqual(['manifest.json', 'articles.json', 'annotations.jsonld']);
    expect(Object.keys(s.$defs)).toEqual(
      expect.arrayContaining([
        'Manifest',
        'Article',
        'AnnotationCollection',
        'TextAnnotation',
        'GroupAnnotation',
        'TextPositionSelector',
        'TextQuoteSelector',
      ]),
    );
    expect(JSON.stringify(s.$defs.TextPositionSelector)).toMatch(/code points/);
  });

  it('a written bundle, as the object the schema describes, passes the zod schema', async () => {
    const sources = [...loadSeeds().map((x) => ({ name: x.id, text: x.raw })), ...TRICKY_TEXTS];
    const ws = await sampleWorkspace(sources, { articles: sources.length, annotations: 50 });
    const files = unzipSync(writeBundle(ws, { appVersion: '0.1.0', now: Date.UTC(2024, 0, 1) }));
    const asObject = Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, JSON.parse(strFromU8(v))]),
    );
    const r = BundleSchema.safeParse(asObject);
    expect(r.success ? 'ok' : r.error.issues).toBe('ok');
    // And parsing loses nothing: the parsed object equals what was written.
    expect(r.data).toEqual(asObject);
  });
});
