import { compareTextOrder, type Positioned } from '../../../shared/rules/textOrder';

/** Annotations covering a character, innermost (shortest) first: a claim inside a quote wins. */
export function annotationsAt<T extends { position: { start: number; end: number } }>(
  annotations: readonly T[],
  offset: number,
): T[] {
  return annotations
    .filter((a) => a.position.start <= offset && offset < a.position.end)
    .sort(
      (a, b) =>
        a.position.end - a.position.start - (b.position.end - b.position.start) ||
        a.position.start - b.position.start,
    );
}

/** Text order, for the per-article list and J/K navigation. */
export function inTextOrder<T extends Positioned>(annotations: readonly T[]): T[] {
  return [...annotations].sort(compareTextOrder);
}
