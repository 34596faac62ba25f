/**
 * Reading order of annotations: by start, the longer one first where two start together (a
 * quote before the claim inside it), then the older one. The list, J/K and paged reads agree.
 */
export interface Positioned {
  position: { start: number; end: number };
  createdAt: number;
}

export function compareTextOrder(a: Positioned, b: Positioned): number {
  return (
    a.position.start - b.position.start ||
    b.position.end - a.position.end ||
    a.createdAt - b.createdAt
  );
}

/**
 * Sorted runs (e.g. pages read one by one) → one sorted list, as a generator that yields after
 * about every `step` rows placed, so a caller on the main thread can give the frame back between
 * slices (one merge of 100,000 rows is a ~40 ms task; merging each page into the growing result
 * was 50 such tasks). Runs are merged pairwise, so every row is moved log2(runs) times.
 * Drive it to the end (`finish`) where yielding is not allowed, e.g. inside a transaction.
 */
export function* mergeRuns<T>(
  runs: readonly (readonly T[])[],
  compare: (x: T, y: T) => number,
  step = 10_000,
): Generator<void, T[]> {
  let level: (readonly T[])[] = runs.filter((r) => r.length > 0);
  if (level.length <= 1) return [...(level[0] ?? [])];
  let sinceYield = 0;
  while (level.length > 1) {
    const next: (readonly T[])[] = [];
    for (let r = 0; r < level.length; r += 2) {
      const a = level[r]!;
      const b = level[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out = new Array<T>(a.length + b.length);
      let i = 0;
      let j = 0;
      for (let k = 0; k < out.length; k++) {
        // On a tie the row of the earlier run goes first (a stable merge).
        out[k] = j >= b.length || (i < a.length && compare(b[j]!, a[i]!) >= 0) ? a[i++]! : b[j++]!;
        if (++sinceYield >= step) {
          sinceYield = 0;
          yield;
        }
      }
      next.push(out);
    }
    level = next;
  }
  // Two or more runs: the last level is an array made here, never one of the caller's.
  return level[0] as T[];
}
