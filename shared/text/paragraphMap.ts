/**
 * Maps between canonical offsets and (paragraph, offset-in-paragraph) points.
 *
 * The viewer renders one block per canonical paragraph, in order, each holding exactly that
 * paragraph's text. So the separator '\n' between paragraphs i and i+1 is not rendered; a point
 * "at the end of paragraph i" and "at the start of paragraph i+1" are one character apart.
 * This is our own offset map (Lexical's OffsetView is deprecated) and it is independent of how
 * the viewer splits text into nodes.
 */
export interface ParagraphSpan {
  index: number;
  start: number;
  /** Exclusive; the '\n' separator (if any) sits at `end`. */
  end: number;
}

export interface ParagraphPoint {
  paragraph: number;
  offset: number;
}

export function paragraphSpans(canonical: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  if (canonical.length === 0) return spans;
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = canonical.indexOf('\n', start);
    const end = nl === -1 ? canonical.length : nl;
    spans.push({ index: index++, start, end });
    if (nl === -1) return spans;
    start = nl + 1;
  }
}

/**
 * The same spans from the text's lines (`canonical.split('\n')`), when they are at hand: one
 * step per line instead of a second scan of every character (50 MB in a 50 MB article).
 */
export function spansOfLines(lines: readonly string[]): ParagraphSpan[] {
  const spans: ParagraphSpan[] = new Array<ParagraphSpan>(lines.length);
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const end = start + lines[i]!.length;
    spans[i] = { index: i, start, end };
    start = end + 1;
  }
  return spans;
}

/** Canonical offset of a point; the offset inside the paragraph is clamped to its length. */
export function pointToOffset(spans: readonly ParagraphSpan[], point: ParagraphPoint): number {
  if (spans.length === 0) return 0;
  const span = spans[Math.min(Math.max(point.paragraph, 0), spans.length - 1)]!;
  const length = span.end - span.start;
  return span.start + Math.min(Math.max(point.offset, 0), length);
}

/**
 * Point for a canonical offset. An offset on a separator belongs to the end of the paragraph
 * before it, so a range [start, end) never begins or ends inside a block it does not cover.
 */
export function offsetToPoint(spans: readonly ParagraphSpan[], offset: number): ParagraphPoint {
  if (spans.length === 0) return { paragraph: 0, offset: 0 };
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const span = spans[lo]!;
  return {
    paragraph: lo,
    offset: Math.min(Math.max(offset - span.start, 0), span.end - span.start),
  };
}

/**
 * Per-paragraph pieces of a canonical range, for painting: a range across paragraphs becomes
 * one piece per paragraph it touches (separators are not painted). Empty pieces are dropped.
 */
export function rangePieces(
  spans: readonly ParagraphSpan[],
  start: number,
  end: number,
): { paragraph: number; start: number; end: number }[] {
  const pieces: { paragraph: number; start: number; end: number }[] = [];
  if (end <= start) return pieces;
  const first = offsetToPoint(spans, start).paragraph;
  for (let i = first; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.start >= end) break;
    const s = Math.max(start, span.start) - span.start;
    const e = Math.min(end, span.end) - span.start;
    if (e > s) pieces.push({ paragraph: i, start: s, end: e });
  }
  return pieces;
}
