import type { DomTextMap } from './domOffsets';

/**
 * The canonical text near the screen: the lines from one screen above the viewport to one
 * below, found by binary search over the line elements (they are in document order, so their
 * positions only grow). A long article paints highlights for this stretch only and repaints
 * as it scrolls, so 100,000 annotations never mean 100,000 DOM Ranges at once.
 */
export function offsetsNearScreen(map: DomTextMap): { from: number; to: number } {
  const { paragraphs, spans } = map;
  if (paragraphs.length === 0) return { from: 0, to: 0 };
  const height = window.innerHeight;
  const top = -height;
  const bottom = 2 * height;
  // First line whose bottom is below `top`.
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.min(lo, paragraphs.length - 1);
  // First line whose top is below `bottom`.
  hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.getBoundingClientRect().top <= bottom) lo = mid + 1;
    else hi = mid;
  }
  const last = Math.max(first, Math.min(lo, paragraphs.length) - 1);
  return { from: spans[first]!.start, to: spans[last]!.end + 1 };
}
