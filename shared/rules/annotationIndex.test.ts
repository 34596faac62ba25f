import { describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../bundle/sample';
import type { Annotation } from '../model/types';
import { factcheckWorkspace } from '../testing/factcheck';
import { loadSeeds } from '../testing/seeds';
import {
  buildAnnotationIndex,
  queryAnnotationIndex,
  type AnnotationListQuery,
} from './annotationIndex';

const ALL: AnnotationListQuery = {
  kind: 'all',
  tag: '',
  group: 'all',
  status: 'all',
  verdict: 'all',
  search: '',
  sort: 'position',
};

function seedsIndexed() {
  const ws = factcheckWorkspace();
  ws.annotations[0] = { ...ws.annotations[0]!, note: 'Vérifié auprès de l’ICE', tags: ['Figures'] };
  ws.annotations[4] = { ...ws.annotations[4]!, updatedAt: 10_000 };
  const groups = new Map(ws.groups.map((g) => [g.id, g]));
  groups.set('g-la', { ...groups.get('g-la')!, status: 'resolved', verdict: 'Half true' });
  return { ws, groups, index: buildAnnotationIndex(ws.annotations) };
}
const texts = (rows: Annotation[]) => rows.map((a) => a.quote.exact);

describe('annotation list index (search, filter, sort without sorting per query)', () => {
  it('search matches every word in text, note, speaker or tag, ignoring case and accents', () => {
    const { groups, index } = seedsIndexed();
    const homan = queryAnnotationIndex(index, groups, { ...ALL, search: 'MAGNET homan' });
    expect(homan).toHaveLength(3);
    expect(homan.every((a) => a.speaker === 'Tom Homan')).toBe(true);
    expect(texts(queryAnnotationIndex(index, groups, { ...ALL, search: 'verifie' }))).toEqual([
      'The operation saw 498 individuals from 42 countries arrested',
    ]);
    expect(queryAnnotationIndex(index, groups, { ...ALL, search: 'figures 498' })).toHaveLength(1);
    expect(queryAnnotationIndex(index, groups, { ...ALL, search: 'los nowhere' })).toEqual([]);
  });

  it('a word never matches across two rows (the joined text keeps rows apart)', () => {
    const { ws, groups } = seedsIndexed();
    const rows = [
      {
        ...ws.annotations[0]!,
        quote: { ...ws.annotations[0]!.quote, exact: 'arrests in los' },
        note: '',
        tags: [],
      },
      {
        ...ws.annotations[1]!,
        quote: { ...ws.annotations[1]!.quote, exact: 'angeles county' },
        note: '',
        tags: [],
      },
    ];
    const index = buildAnnotationIndex(rows);
    expect(queryAnnotationIndex(index, groups, { ...ALL, search: 'losangeles' })).toEqual([]);
    expect(queryAnnotationIndex(index, groups, { ...ALL, search: 'los' })).toEqual([rows[0]]);
    expect(queryAnnotationIndex(index, groups, { ...ALL, search: 'county' })).toEqual([rows[1]]);
  });

  it('filters by kind, tag (any case), group, the group’s status and verdict', () => {
    const { groups, index } = seedsIndexed();
    expect(queryAnnotationIndex(index, groups, { ...ALL, kind: 'quote' })).toHaveLength(3);
    expect(queryAnnotationIndex(index, groups, { ...ALL, tag: 'figures' })).toHaveLength(1);
    expect(queryAnnotationIndex(index, groups, { ...ALL, group: 'g-la' })).toHaveLength(3);
    expect(queryAnnotationIndex(index, groups, { ...ALL, status: 'resolved' })).toHaveLength(3);
    expect(queryAnnotationIndex(index, groups, { ...ALL, verdict: 'Half true' })).toHaveLength(3);
    expect(queryAnnotationIndex(index, groups, { ...ALL, verdict: 'unrated' })).toHaveLength(6);
    expect(queryAnnotationIndex(index, groups, { ...ALL, group: 'ungrouped' })).toEqual([]);
  });

  it('sorts: reading order, newest edit first, by group label with ungrouped rows last', async () => {
    const sources = loadSeeds().map((s) => ({ name: s.id, text: s.raw }));
    const ws = await sampleWorkspace(sources, { articles: 5, annotations: 400 });
    const groups = new Map(ws.groups.map((g) => [g.id, g]));
    const index = buildAnnotationIndex(ws.annotations);
    const byPos = queryAnnotationIndex(index, groups, ALL);
    expect(byPos).toHaveLength(400);
    for (let i = 1; i < byPos.length; i++) {
      expect(byPos[i - 1]!.position.start).toBeLessThanOrEqual(byPos[i]!.position.start);
    }
    const byTime = queryAnnotationIndex(index, groups, { ...ALL, sort: 'time' });
    for (let i = 1; i < byTime.length; i++) {
      expect(byTime[i - 1]!.updatedAt).toBeGreaterThanOrEqual(byTime[i]!.updatedAt);
    }
    const byGroup = queryAnnotationIndex(index, groups, { ...ALL, sort: 'group' });
    const labels = byGroup.filter((a) => a.groupId).map((a) => groups.get(a.groupId!)!.label);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    for (let i = 1; i < labels.length; i++) {
      expect(collator.compare(labels[i - 1]!, labels[i]!)).toBeLessThanOrEqual(0);
    }
    const firstUngrouped = byGroup.findIndex((a) => !a.groupId);
    expect(byGroup.slice(firstUngrouped).every((a) => !a.groupId)).toBe(true);
    expect(new Set(byGroup)).toEqual(new Set(ws.annotations));
  });
});
