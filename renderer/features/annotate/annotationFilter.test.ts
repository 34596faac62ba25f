import { describe, expect, it } from 'vitest';
import { factcheckWorkspace } from '../../../shared/testing/factcheck';
import type { Annotation } from '../../../shared/model/types';
import {
  EMPTY_QUERY,
  filterAnnotations,
  normalizeTags,
  tagsInUse,
  type ListQuery,
} from './annotationFilter';

const ws = factcheckWorkspace();
const groups = new Map(
  ws.groups.map((g) => [
    g.id,
    g.id === 'g-la' ? { ...g, verdict: 'Half true', status: 'resolved' as const } : g,
  ]),
);
const rows: Annotation[] = ws.annotations.map((a, i) => ({
  ...a,
  tags: i % 2 === 0 ? ['figures', 'ICE'] : ['quotes'],
  note: i === 3 ? 'Check the Times’ original story' : '',
}));
const q = (patch: Partial<ListQuery>) => ({ ...EMPTY_QUERY, ...patch });
const ids = (list: Annotation[]) => list.map((a) => a.id);

describe('filterAnnotations on the seed workspace', () => {
  it('filters by kind, tag (any case), group, status and verdict', () => {
    expect(filterAnnotations(rows, groups, q({ kind: 'quote' }))).toHaveLength(3);
    expect(ids(filterAnnotations(rows, groups, q({ tag: 'ice' })))).toEqual(
      ids(rows.filter((_, i) => i % 2 === 0).sort((a, b) => a.position.start - b.position.start)),
    );
    expect(filterAnnotations(rows, groups, q({ group: 'g-la' }))).toHaveLength(3);
    expect(filterAnnotations(rows, groups, q({ status: 'resolved' }))).toHaveLength(3);
    expect(filterAnnotations(rows, groups, q({ verdict: 'Half true' }))).toHaveLength(3);
    expect(filterAnnotations(rows, groups, q({ verdict: 'unrated' }))).toHaveLength(6);
  });

  it('searches text, notes and speakers, ignoring case and accents', () => {
    expect(ids(filterAnnotations(rows, groups, q({ search: 'TIMES’ original' })))).toEqual([
      rows[3]!.id,
    ]);
    expect(filterAnnotations(rows, groups, q({ search: 'homan' }))).toHaveLength(3);
    expect(filterAnnotations(rows, groups, q({ search: 'los angeles 167' }))).toHaveLength(1);
  });

  it('sorts by time (newest first) and by group label', () => {
    const byTime = filterAnnotations(rows, groups, q({ sort: 'time' }));
    expect(byTime[0]!.updatedAt).toBe(Math.max(...rows.map((a) => a.updatedAt)));
    const byGroup = filterAnnotations(rows, groups, q({ sort: 'group' }));
    expect(byGroup.map((a) => a.groupId)).toEqual([
      'g-498',
      'g-498',
      'g-498',
      'g-la',
      'g-la',
      'g-la',
      'g-quote',
      'g-quote',
      'g-quote',
    ]);
  });

  it('lists tags by use and normalises new ones', () => {
    expect(tagsInUse(rows)).toEqual(['figures', 'ICE', 'quotes']);
    expect(normalizeTags([' to  check ', 'To check', '', 'ICE'])).toEqual(['to check', 'ICE']);
  });
});
