import { finish } from '../../../shared/rules/steps';

/**
 * Which annotations touch a stretch of text, found without scanning them all: a long article
 * paints only what is near the screen (highlightWindow.ts), and with 100,000 annotations a scan
 * per scroll frame, or a DOM Range per annotation, would block the main thread.
 *
 * Rows are sorted by start once; `reach[i]` is the furthest end among rows 0..i, which never
 * decreases, so both ends of the candidate run are binary searches.
 */
export interface SpanIndex<T> {
  rows: readonly T[];
  starts: Float64Array;
  ends: Float64Array;
  reach: Float64Array;
}

export function buildSpanIndex<T extends { position: { start: number; end: number } }>(
  rows: readonly T[],
): SpanIndex<T> {
  // The viewer's rows already come in reading order (start first): sorting 100,000 objects again
  // with a comparator was the largest part of this build, so only unsorted input is sorted.
  const sorted = byStart(rows)
    ? rows
    : [...rows].sort((a, b) => a.position.start - b.position.start);
  return finish(spanIndexSteps(sorted, Infinity));
}

/**
 * The index of rows already sorted by start, as a generator that yields every `step` rows: the
 * reading view builds it in frame-sized slices (prepareAnnotations.ts), not in its render.
 */
export function* spanIndexSteps<T extends { position: { start: number; end: number } }>(
  sorted: readonly T[],
  step: number,
): Generator<void, SpanIndex<T>> {
  const n = sorted.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const reach = new Float64Array(n);
  let furthest = -Infinity;
  for (let i = 0; i < n; i++) {
    const { start, end } = sorted[i]!.position;
    starts[i] = start;
    ends[i] = end;
    furthest = Math.max(furthest, end);
    reach[i] = furthest;
    if (i % step === step - 1) yield;
  }
  return { rows: sorted, starts, ends, reach };
}

// Indexes built ahead of the render, by the rows they index (an article's rows are one array
// per read, so a new read never finds a stale index).
const built = new WeakMap<readonly object[], SpanIndex<unknown>>();

export function rememberSpanIndex<T>(rows: readonly T[], index: SpanIndex<T>): void {
  built.set(rows as readonly object[], index);
}

/** The index of these rows: the one built ahead if there is one, else built now. */
export function spanIndexFor<T extends { position: { start: number; end: number } }>(
  rows: readonly T[],
): SpanIndex<T> {
  return (built.get(rows) as SpanIndex<T> | undefined) ?? buildSpanIndex(rows);
}

function byStart(rows: readonly { position: { start: number } }[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.position.start < rows[i - 1]!.position.start) return false;
  }
  return true;
}

/** First index whose value is > x (values non-decreasing). */
function firstAbove(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose value is >= x (values non-decreasing). */
function firstAtLeast(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Rows whose [start, end) overlaps [from, to), in start order. */
export function spansOverlapping<T>(index: SpanIndex<T>, from: number, to: number): T[] {
  const out: T[] = [];
  if (to <= from) return out;
  // Rows before `lo` all end at or before `from`; rows from `hi` on start at or after `to`.
  const lo = firstAbove(index.reach, from);
  const hi = firstAtLeast(index.starts, to);
  for (let i = lo; i < hi; i++) if (index.ends[i]! > from) out.push(index.rows[i]!);
  return out;
}
