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
 * Two lists already in `compare` order → one, in one pass. Paged reads sort each small page and
 * merge it in, so no single step sorts 100,000 rows on the main thread.
 */
export function mergeSorted<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => number,
): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
