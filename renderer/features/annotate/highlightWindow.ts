import type { DomTextMap } from './domOffsets';

/**
 * The canonical text near the screen: the lines from half a screen above the viewport to half
 * a screen below, found by binary search over the line elements (they are in document order, so their
 * positions only grow). A long article paints highlights for this stretch only and repaints
 * as it scrolls, so 100,000 annotations never mean 100,000 DOM Ranges at once.
 */
export function offsetsNearScreen(map: DomTextMap): { from: number; to: number } {
  const { paragraphs, spans } = map;
  if (paragraphs.length === 0) return { from: 0, to: 0 };
  const height = window.innerHeight;
  const top = -height / 2;
  const bottom = 1.5 * height;
  // A line in a section wholly outside the band is placed by its section: the browser has not
  // laid the section out (content-visibility), and asking for the line's box would make it.
  const box = (line: HTMLElement) => {
    const section = line.parentElement?.closest<HTMLElement>('.viewer-section');
    const outer = section?.getBoundingClientRect();
    return outer && (outer.bottom < top || outer.top > bottom)
      ? outer
      : line.getBoundingClientRect();
  };
  // First line whose bottom is below `top`.
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(paragraphs[mid]!).bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.min(lo, paragraphs.length - 1);
  // First line whose top is below `bottom`.
  hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(paragraphs[mid]!).top <= bottom) lo = mid + 1;
    else hi = mid;
  }
  const last = Math.max(first, Math.min(lo, paragraphs.length) - 1);
  return { from: spans[first]!.start, to: spans[last]!.end + 1 };
}
