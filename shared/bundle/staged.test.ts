import { describe, expect, it } from 'vitest';
import { editEntry } from '../testing/bundleEntries';
import { loadSeeds } from '../testing/seeds';
import { readBundle } from './read';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import { stageBundle } from './staged';
import { readStagedWhole } from './stagedTesting';
import { writeBundle } from './write';

const NOW = Date.UTC(2024, 4, 1);

async function seedBundle(annotations: number) {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  const ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations,
    annotationsPerGroup: 4,
  });
  return writeBundle(ws, { appVersion: '0.2.0', now: NOW });
}

describe('the staged reader (what the import writes while it reads)', () => {
  it('reads exactly what readBundle reads, whatever the chunk size', async () => {
    const bytes = await seedBundle(300);
    const whole = await readBundle(bytes);
    if (!whole.ok) throw new Error(whole.error.message);
    expect(whole.value.annotations).toHaveLength(300);
    for (const chunk of [1, 7, 1000]) {
      const staged = await readStagedWhole(bytes, chunk);
      expect(staged).toEqual(whole);
    }
  });

  it('articles and groups are ready before any annotation is read; annotations come in bundle order', async () => {
    const bytes = await seedBundle(50);
    const staged = await stageBundle(bytes);
    if (!staged.ok) throw new Error(staged.error.message);
    const s = staged.value;
    expect(s.annotationCount).toBe(50);
    expect(s.articles.length).toBeGreaterThan(5);
    expect(s.groups.length).toBeGreaterThan(0);
    const first = s.next(10);
    const whole = await readBundle(bytes);
    if (!whole.ok) throw new Error(whole.error.message);
    expect(first).toEqual(whole.value.annotations.slice(0, 10));
    // finish() before the end is a caller bug, not a bundle problem.
    expect(() => s.finish()).toThrow(/before every annotation/);
  });

  it('an annotation broken deep in the bundle fails when its chunk is read, with readBundle’s message', async () => {
    const bytes = await seedBundle(200);
    const bad = editEntry(bytes, 'annotations.jsonld', (coll) => {
      // Item 150's offsets run backwards: only the conversion (not the schema) can tell.
      coll.first.items[150].target.selector[1].start = 9;
      coll.first.items[150].target.selector[1].end = 4;
    });
    const staged = await stageBundle(bad);
    if (!staged.ok) throw new Error('the damage is in the annotations: staging must succeed');
    expect(() => staged.value.next(100)).not.toThrow();
    expect(() => staged.value.next(100)).toThrow(/points at characters/);
    const whole = await readBundle(bad);
    expect(whole.ok).toBe(false);
    expect(await readStagedWhole(bad, 100)).toEqual(whole);
  });
});
