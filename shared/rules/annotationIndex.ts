import type { Annotation, ClaimGroup, GroupStatus } from '../model/types';

/**
 * The annotation list's filter, search and sort over an index built once per set of rows, so a
 * keystroke in the search box only scans flat arrays (issue 9: 100,000 annotations took
 * 200–700 ms per keystroke). Same query and same answer as
 * renderer/features/annotate/annotationFilter.ts `filterAnnotations` (a one-off build + query);
 * the list keeps one index per set of rows and builds it only once a filter or sort is used.
 *
 * What the index holds, and why:
 * - each row's search text folded once (lower case, accents stripped), aligned by row number,
 *   and all of them joined in one string: a search word is found with indexOf jumps through
 *   that string (skipping to the next row after a hit) instead of one `includes` per row;
 * - each row's tags lower-cased once;
 * - the row numbers in reading order and in "last edit" order, sorted once: a filtered result
 *   keeps that order by scanning it, so no query sorts;
 * - "by group" buckets the reading order by the rank of the group label (labels change, so the
 *   few labels are ranked per query; the rows are never compared pairwise).
 * Pure (rows in, rows out): it can run in a Worker as is.
 */
export interface AnnotationListQuery {
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

export interface AnnotationIndex {
  readonly rows: readonly Annotation[];
  readonly hay: readonly string[];
  /** Every row's folded text joined by NUL, and where each row starts in it (plus the end). */
  readonly text: string;
  readonly offsets: Uint32Array;
  readonly tags: readonly (readonly string[])[];
  /** Kind (1 = quote) and group per row, in flat arrays: a filter never touches the row objects. */
  readonly quote: Uint8Array;
  readonly groupIds: readonly (string | null)[];
  readonly byPosition: Uint32Array;
  readonly byTime: Uint32Array;
}

/** Case- and accent-insensitive form for search (plain ASCII skips the Unicode work). */
export function foldForSearch(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const NO_TAGS: readonly string[] = [];

export function buildAnnotationIndex(rows: readonly Annotation[]): AnnotationIndex {
  const n = rows.length;
  const hay = new Array<string>(n);
  const tags = new Array<readonly string[]>(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const updated = new Float64Array(n);
  const created = new Float64Array(n);
  const quote = new Uint8Array(n);
  const groupIds = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const a = rows[i]!;
    quote[i] = a.kind === 'quote' ? 1 : 0;
    groupIds[i] = a.groupId;
    hay[i] = foldForSearch(`${a.quote.exact}\n${a.note}\n${a.speaker ?? ''}\n${a.tags.join('\n')}`);
    tags[i] = a.tags.length === 0 ? NO_TAGS : a.tags.map((t) => t.toLowerCase());
    start[i] = a.position.start;
    end[i] = a.position.end;
    updated[i] = a.updatedAt;
    created[i] = a.createdAt;
  }
  // Reading order as everywhere else (textOrder.ts): start, then the longer span first, then age.
  const byPosition = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => start[x]! - start[y]! || end[y]! - end[x]! || created[x]! - created[y]!,
  );
  // Newest edit first; ties in reading order (the stable sort keeps byPosition's order).
  const rank = new Uint32Array(n);
  byPosition.forEach((row, r) => (rank[row] = r));
  const byTime = Uint32Array.from(byPosition).sort(
    (x, y) => updated[y]! - updated[x]! || rank[x]! - rank[y]!,
  );
  const text = hay.join('\u0000');
  const offsets = new Uint32Array(n + 1);
  for (let i = 0, at = 0; i < n; i++) {
    offsets[i] = at;
    at += hay[i]!.length + 1;
  }
  offsets[n] = text.length + 1;
  return { rows, hay, text, offsets, tags, quote, groupIds, byPosition, byTime };
}

/** Row numbers whose folded text holds `word`: 1 in the returned mask. */
function rowsWith(index: AnnotationIndex, word: string): Uint8Array {
  const { text, offsets } = index;
  const n = index.rows.length;
  const mask = new Uint8Array(n);
  let from = 0;
  let row = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) break;
    // Rows are visited left to right, so the owning row is found by walking forward (amortised
    // O(rows) over the whole scan); a long jump falls back to binary search.
    if (offsets[row + 1]! <= at) {
      if (offsets[Math.min(row + 8, n)]! <= at) {
        let lo = row;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (offsets[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
        row = lo;
      } else while (offsets[row + 1]! <= at) row++;
    }
    mask[row] = 1;
    from = offsets[row + 1]!;
    if (from >= text.length) break;
  }
  return mask;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Each group's place in label order (labels the collator calls equal share a place), and the
 * place of the empty label (a group missing from the map sorts as ''). Ranked once per map:
 * comparing thousands of labels with Intl.Collator is the costly part of the group sort.
 */
const rankCache = new WeakMap<
  ReadonlyMap<string, ClaimGroup>,
  { byId: Map<string, number>; empty: number }
>();
function labelRanks(groups: ReadonlyMap<string, ClaimGroup>) {
  let ranks = rankCache.get(groups);
  if (ranks) return ranks;
  const entries = [...groups.values()].map((g) => ({ id: g.id as string | null, label: g.label }));
  entries.push({ id: null, label: '' });
  entries.sort((x, y) => collator.compare(x.label, y.label));
  const byId = new Map<string, number>();
  let empty = 0;
  let rank = 0;
  entries.forEach((e, i) => {
    if (i > 0 && collator.compare(entries[i - 1]!.label, e.label) !== 0) rank++;
    if (e.id === null) empty = rank;
    else byId.set(e.id, rank);
  });
  ranks = { byId, empty };
  rankCache.set(groups, ranks);
  return ranks;
}

export function queryAnnotationIndex(
  index: AnnotationIndex,
  groups: ReadonlyMap<string, ClaimGroup>,
  q: AnnotationListQuery,
): Annotation[] {
  const { rows, hay, tags, quote, groupIds } = index;
  const words = foldForSearch(q.search).split(/\s+/).filter(Boolean);
  const tag = q.tag.trim().toLowerCase();
  const kind = q.kind === 'all' ? -1 : q.kind === 'quote' ? 1 : 0;
  const anyGroup = q.group === 'all';
  const oneGroup = anyGroup || q.group === 'grouped' || q.group === 'ungrouped' ? null : q.group;
  const needGroup = q.status !== 'all' || q.verdict !== 'all';
  // A word cannot hold NUL (it is white space-free text typed by the editor), so no hit spans
  // two rows. The first word is found by jumps through the joined text; the rest are checked
  // only on the rows that hold the first.
  const found = words.length > 0 ? rowsWith(index, words[0]!) : null;
  const rest = words.slice(1);
  const keep = (i: number): boolean => {
    if (kind >= 0 && quote[i] !== kind) return false;
    if (tag && !tags[i]!.includes(tag)) return false;
    const groupId = groupIds[i]!;
    if (!anyGroup) {
      if (oneGroup !== null) {
        if (groupId !== oneGroup) return false;
      } else if ((q.group === 'grouped') !== !!groupId) return false;
    }
    if (needGroup) {
      const g = groupId ? groups.get(groupId) : undefined;
      if (q.status !== 'all' && g?.status !== q.status) return false;
      if (q.verdict === 'unrated' && (!g || g.verdict !== null)) return false;
      if (q.verdict !== 'all' && q.verdict !== 'unrated' && g?.verdict !== q.verdict) return false;
    }
    if (found !== null) {
      if (found[i] === 0) return false;
      const h = hay[i]!;
      for (const w of rest) if (!h.includes(w)) return false;
    }
    return true;
  };

  if (q.sort === 'group') {
    // Groups ordered by label (ties: the group whose first kept row comes first), then rows of
    // each group in reading order, then ungrouped rows: a bucket per group, no pairwise sort
    // of rows.
    const n = rows.length;
    const kept = new Uint8Array(n);
    const ids = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (!keep(i)) continue;
      kept[i] = 1;
      const g = groupIds[i];
      if (g) ids.add(g);
    }
    const ranks = labelRanks(groups);
    const rankOfId = (id: string) => ranks.byId.get(id) ?? ranks.empty;
    const labels = [...ids].sort((x, y) => rankOfId(x) - rankOfId(y));
    const bucketOf = new Map(labels.map((id, i) => [id, i]));
    const buckets: Annotation[][] = Array.from({ length: labels.length + 1 }, () => []);
    for (const row of index.byPosition) {
      if (kept[row] === 0) continue;
      const g = groupIds[row];
      buckets[g ? bucketOf.get(g)! : labels.length]!.push(rows[row]!);
    }
    return buckets.flat();
  }
  const order = q.sort === 'time' ? index.byTime : index.byPosition;
  const out: Annotation[] = [];
  for (const row of order) if (keep(row)) out.push(rows[row]!);
  return out;
}
