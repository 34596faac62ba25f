import type { Annotation, ClaimGroup, GroupStatus } from '../../../shared/model/types';

/**
 * What the annotation list shows: filter by kind, tag, group, the group's status and verdict;
 * search in text, notes, speakers and tags; sort by position, time or group. Pure (rows in, rows
 * out), so 100,000 rows filter in a test without a DOM.
 */
export interface ListQuery {
  kind: 'all' | 'claim' | 'quote';
  /** '' = any tag. */
  tag: string;
  /** 'all', 'grouped', 'ungrouped' or one group's id. */
  group: string;
  status: 'all' | GroupStatus;
  /** 'all', 'unrated' or a verdict label. */
  verdict: string;
  search: string;
  sort: 'position' | 'time' | 'group';
}

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

/** Case- and accent-insensitive form for search. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterAnnotations(
  rows: readonly Annotation[],
  groups: ReadonlyMap<string, ClaimGroup>,
  q: ListQuery,
): Annotation[] {
  const words = fold(q.search).split(/\s+/).filter(Boolean);
  const tag = q.tag.trim().toLowerCase();
  const kept = rows.filter((a) => {
    if (q.kind !== 'all' && a.kind !== q.kind) return false;
    if (tag && !a.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (q.group === 'grouped' && !a.groupId) return false;
    if (q.group === 'ungrouped' && a.groupId) return false;
    if (!['all', 'grouped', 'ungrouped'].includes(q.group) && a.groupId !== q.group) return false;
    const g = a.groupId ? groups.get(a.groupId) : undefined;
    if (q.status !== 'all' && g?.status !== q.status) return false;
    if (q.verdict === 'unrated' && (!g || g.verdict !== null)) return false;
    if (q.verdict !== 'all' && q.verdict !== 'unrated' && g?.verdict !== q.verdict) return false;
    if (words.length > 0) {
      const hay = fold([a.quote.exact, a.note, a.speaker ?? '', ...a.tags].join('\n'));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
  const byPosition = (x: Annotation, y: Annotation) =>
    x.position.start - y.position.start || x.position.end - y.position.end;
  if (q.sort === 'time') return kept.sort((x, y) => y.updatedAt - x.updatedAt || byPosition(x, y));
  if (q.sort === 'group') {
    const label = (a: Annotation) => (a.groupId ? (groups.get(a.groupId)?.label ?? '') : '\uffff');
    return kept.sort((x, y) => label(x).localeCompare(label(y)) || byPosition(x, y));
  }
  return kept.sort(byPosition);
}

/** Every tag in use, most used first, for autocomplete and the tag filter. */
export function tagsInUse(rows: readonly Annotation[]): string[] {
  const count = new Map<string, number>();
  for (const a of rows) for (const t of a.tags) count.set(t, (count.get(t) ?? 0) + 1);
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
