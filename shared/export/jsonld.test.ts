import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { loadSeeds } from '../testing/seeds';
import { sampleWorkspace } from '../bundle/sample';
import { writeBundle } from '../bundle/write';
import { exportJsonLd } from './jsonld';

describe('exportJsonLd', () => {
  it('is exactly the bundle’s annotations.jsonld: a W3C AnnotationCollection', async () => {
    const ws = await sampleWorkspace(
      loadSeeds().map((s) => ({ name: s.id, text: s.raw })),
      { articles: 5, annotations: 30 },
    );
    const now = Date.UTC(2024, 2, 3);
    const text = exportJsonLd(ws, { now });
    const entry = strFromU8(
      unzipSync(writeBundle(ws, { appVersion: '0.1.0', now }))['annotations.jsonld']!,
    );
    expect(text).toBe(entry);
    const coll = JSON.parse(text);
    expect(coll['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { corroborate: 'urn:corroborate:vocab:' },
    ]);
    expect(coll.type).toBe('AnnotationCollection');
    expect(coll.first.items).toHaveLength(30 + ws.groups.length);
    expect(coll.first.items[0]).toMatchObject({ type: 'Annotation', motivation: 'highlighting' });
  });
});
