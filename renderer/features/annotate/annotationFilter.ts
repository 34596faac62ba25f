import type { Annotation, ClaimGroup } from '../../../shared/model/types';
import {
  buildAnnotationIndex,
  queryAnnotationIndex,
  type AnnotationListQuery,
} from '../../../shared/rules/annotationIndex';

/**
 * What the annotation list shows: filter by kind, tag, group, the group's status and verdict;
 * search in text, notes, speakers and tags; sort by position, time or group. Pure (rows in, rows
 * out), so 100,000 rows filter in a test without a DOM. The work is shared/rules/annotationIndex.ts.
 */
export type ListQuery = AnnotationListQuery;

export const EMPTY_QUERY: ListQuery = {
  kind: 'all',
  tag: '',
  group: 'all',
  status: 'all',
  verdict: 'all',
  search: '',
  sort: 'position',
};

export function isFiltering(q: ListQuery): boolean {
  return (
    q.kind !== 'all' ||
    q.tag !== '' ||
    q.group !== 'all' ||
    q.status !== 'all' ||
    q.verdict !== 'all' ||
    q.search.trim() !== ''
  );
}

/**
 * One query over rows in one call (tests, one-off uses). The list keeps the index between
 * keystrokes instead (AnnotationList), so a search scans flat arrays, never 100,000 objects.
 */
export function filterAnnotations(
  rows: readonly Annotation[],
  groups: ReadonlyMap<string, ClaimGroup>,
  q: ListQuery,
): Annotation[] {
  return queryAnnotationIndex(buildAnnotationIndex(rows), groups, q);
}

/** Every tag in use, most used first, for autocomplete and the tag filter. */
export function tagsInUse(rows: readonly Annotation[]): string[] {
  const count = new Map<string, number>();
  for (const a of rows) for (const t of a.tags) count.set(t, (count.get(t) ?? 0) + 1);
  return tagsByUse(count);
}

/** Tags from their counts, most used first (ties by name). */
export function tagsByUse(count: ReadonlyMap<string, number>): string[] {
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t]) => t);
}

/** Tags as stored: trimmed, inner white space collapsed, no empty ones, no duplicates (any case). */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const t = raw.replace(/\s+/g, ' ').trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}
