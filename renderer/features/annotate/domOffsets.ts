import {
  offsetToPoint,
  pointToOffset,
  type ParagraphSpan,
} from '../../../shared/text/paragraphMap';

/**
 * DOM ↔ canonical offsets for a rendered article. Each canonical line is rendered by one element
 * holding exactly that line's text (in however many text and link nodes the editor chose): a
 * paragraph, heading, quote, list item or the paragraph in a table cell, at any depth. Counting
 * characters with Range.toString() inside that element makes the map independent of how the
 * text is split into nodes and of the lists and tables around it.
 */
export interface DomTextMap {
  root: HTMLElement;
  spans: readonly ParagraphSpan[];
  /**
   * The element of each line, in canonical order. A line of a long article's section that is
   * not in the document (sectionWindow.ts) has its section's empty stub instead.
   */
  paragraphs: HTMLElement[];
  /** Line element → line index; a stub → the first line of its section. */
  index: Map<Node, number>;
  /** The stub elements among `paragraphs` (no text: a point in one is its section's start). */
  stubs?: ReadonlySet<HTMLElement>;
}

/**
 * `lines`: the element of each line (the viewer knows them from the document it built); when
 * omitted, the root's children are the lines (plain paragraphs). `stubs`: the elements standing
 * for lines not in the document, each for a run of consecutive lines.
 */
export function createDomTextMap(
  root: HTMLElement,
  spans: readonly ParagraphSpan[],
  lines?: readonly (HTMLElement | null)[],
  stubs?: ReadonlySet<HTMLElement>,
): DomTextMap | null {
  const paragraphs = (lines ?? Array.from(root.children)) as HTMLElement[];
  if (paragraphs.length !== spans.length) return null;
  const index = new Map<Node, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p) return null;
    if (stubs?.has(p)) {
      // A stub stands for a run of lines: it maps to the first.
      if (!index.has(p)) index.set(p, i);
      continue;
    }
    if (!root.contains(p)) return null;
    index.set(p, i);
  }
  for (const stub of stubs ?? []) if (!root.contains(stub)) return null;
  return { root, spans, paragraphs, index, stubs };
}

/** The line element containing a node (or the node itself), else null. */
function lineOf(map: DomTextMap, node: Node): number | null {
  for (let n: Node | null = node; n && n !== map.root; n = n.parentNode) {
    const i = map.index.get(n);
    if (i !== undefined) return i;
  }
  return null;
}

/**
 * A point between lines (in a list, table or the root itself): the start of the first line
 * after it, or the article's end. Binary search over the lines in document order.
 */
function offsetBetweenLines(map: DomTextMap, node: Node, offset: number): number {
  const { spans, paragraphs } = map;
  const textLength = spans.length ? spans[spans.length - 1]!.end : 0;
  const probe = document.createRange();
  probe.setStart(node, offset);
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // Is line `mid` entirely before the point?
    const line = document.createRange();
    line.selectNodeContents(paragraphs[mid]!);
    if (line.compareBoundaryPoints(Range.START_TO_END, probe) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < paragraphs.length ? spans[lo]!.start : textLength;
}

/** Canonical offset of a DOM point, clamped to the article; null when the map is unusable. */
export function domPointToOffset(map: DomTextMap, node: Node, offset: number): number {
  const { root, spans, paragraphs } = map;
  const textLength = spans.length ? spans[spans.length - 1]!.end : 0;
  if (!root.contains(node)) {
    // A selection that starts or ends outside the viewer clamps to the article's edge.
    const before = root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING;
    return before ? 0 : textLength;
  }
  const index = lineOf(map, node);
  if (index === null) return offsetBetweenLines(map, node, offset);
  const block = paragraphs[index]!;
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return pointToOffset(spans, { paragraph: index, offset: range.toString().length });
}

/** The DOM text position of a canonical offset. */
export function offsetToDomPoint(map: DomTextMap, offset: number): { node: Node; offset: number } {
  const point = offsetToPoint(map.spans, offset);
  const block = map.paragraphs[point.paragraph]!;
  // A line not in the document: its section's start, the nearest point there is.
  if (map.stubs?.has(block)) return { node: block, offset: 0 };
  let remaining = point.offset;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (remaining <= len) return { node: n, offset: remaining };
    remaining -= len;
    last = n;
  }
  return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 };
}

/** Whether [start, end] lies wholly in one stub (nothing of it is in the document to paint). */
export function offsetsHidden(map: DomTextMap, start: number, end: number): boolean {
  if (!map.stubs) return false;
  const first = map.paragraphs[offsetToPoint(map.spans, start).paragraph]!;
  return map.stubs.has(first) && map.paragraphs[offsetToPoint(map.spans, end).paragraph] === first;
}

export function rangeForOffsets(map: DomTextMap, start: number, end: number): Range {
  const range = document.createRange();
  const s = offsetToDomPoint(map, start);
  const e = offsetToDomPoint(map, end);
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

/**
 * The same stretch as a StaticRange, for painting. A live Range is updated by the browser on
 * every change to the document, and each one makes every DOM change slower: with 1,000
 * highlights alive, building the rest of a 50 MB article paid for all of them at each step.
 * Painted ranges need no updating: the text never changes under them, and they are repainted
 * whenever the viewer's DOM map changes.
 */
export function staticRangeForOffsets(map: DomTextMap, start: number, end: number): StaticRange {
  const s = offsetToDomPoint(map, start);
  const e = offsetToDomPoint(map, end);
  return new StaticRange({
    startContainer: s.node,
    startOffset: s.offset,
    endContainer: e.node,
    endOffset: e.offset,
  });
}

/** The canonical range of the current DOM selection inside this viewer, or null. */
export function selectionOffsets(
  map: DomTextMap,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(map.root)) return null;
  const start = domPointToOffset(map, range.startContainer, range.startOffset);
  const end = domPointToOffset(map, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/**
 * The character under a screen point, or null when the point is not on text. Used for clicks
 * on highlights: CSS highlights have no elements to receive events, so we hit-test ourselves.
 */
export function offsetAtPoint(map: DomTextMap, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !map.root.contains(caret.node)) return null;
  const offset = domPointToOffset(map, caret.node, caret.offset);
  // The caret sits between two characters; take the one whose box holds the point.
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0) continue;
    const range = rangeForOffsets(map, candidate, candidate + 1);
    for (const rect of range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
        return candidate;
    }
  }
  return null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
