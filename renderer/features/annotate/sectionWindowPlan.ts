import type { Block } from '../../../shared/model/structure';

/**
 * The pure half of a long article's windowed document (sectionWindow.ts): how the article is cut
 * into sections, how tall a section that is not in the document is drawn, and which sections to
 * fill or empty as the view moves. Only the sections near the screen are in the Lexical document,
 * because Lexical copies its node map at every update: ~200,000 nodes for 50 MB, 40-75 ms each.
 */

/** One section: lines [from, to) of the article, and their characters (newlines included). */
export interface SectionSpan {
  from: number;
  to: number;
  chars: number;
}

/**
 * The end of the block run starting at line `i`: a whole list (its items share a listId) or a
 * whole table (its cells share a table number) is one run; any other line is a run by itself.
 * Must group exactly as buildDocument's $appendLines does, which never cuts a list or table.
 */
export function runEnd(blocks: readonly Block[], i: number): number {
  const first = blocks[i]!;
  let end = i + 1;
  if (first.type === 'list-item' && first.list) {
    const listId = first.list.listId;
    while (
      end < blocks.length &&
      blocks[end]!.type === 'list-item' &&
      blocks[end]!.list?.listId === listId
    )
      end++;
  } else if (first.type === 'table-cell' && first.cell) {
    const table = first.cell.table;
    while (end < blocks.length && blocks[end]!.cell?.table === table) end++;
  }
  return end;
}

/**
 * Cuts the lines into consecutive sections of at least `sectionChars` characters (the last may
 * be shorter), never inside a list or table. Every line is in exactly one section.
 */
export function planSections(
  plan: { lines: readonly string[]; blocks: readonly Block[] },
  sectionChars: number,
): SectionSpan[] {
  const { lines, blocks } = plan;
  const out: SectionSpan[] = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < lines.length;) {
    const end = runEnd(blocks, i);
    for (; i < end; i++) chars += lines[i]!.length + 1;
    if (chars >= sectionChars) {
      out.push({ from, to: i, chars });
      from = i;
      chars = 0;
    }
  }
  if (from < lines.length) out.push({ from, to: lines.length, chars });
  return out;
}

/** The section holding line `line` (binary search; sections are in line order). */
export function sectionOfLine(sections: readonly SectionSpan[], line: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.from <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Pixels per character before any section has been measured: 16 px type, ~80 characters per
 * 26 px row, plus paragraph margins. Corrected from the first measured section on.
 */
export const DEFAULT_PX_PER_CHAR = 0.33;

/**
 * Pixels per character of the sections measured so far (their rendered heights over their
 * characters), or null before any; stubs never measured are drawn at chars × this.
 */
export function calibratedPxPerChar(
  sections: readonly SectionSpan[],
  measured: ReadonlyMap<number, number>,
): number | null {
  let px = 0;
  let chars = 0;
  for (const [i, height] of measured) {
    const s = sections[i];
    if (!s || height <= 0) continue;
    px += height;
    chars += s.chars;
  }
  return chars > 0 ? px / chars : null;
}

/**
 * The tallest a windowed document may be drawn, in px: Chromium scrolls no further than about
 * 2^24 px (16,777,216), and 50 MB of text is ~20 million px tall. Stubs are drawn shorter, all
 * by one scale, so the whole article stays reachable; a filled section has its real height.
 */
export const MAX_DOCUMENT_PX = 15_000_000;

/**
 * What stubs are drawn at: `scale` (≤ 1) keeps the document under MAX_DOCUMENT_PX, and
 * `pxPerChar` is the calibrated ratio (DEFAULT_PX_PER_CHAR before any measure) times it.
 */
export function stubMetrics(
  sections: readonly SectionSpan[],
  measured: ReadonlyMap<number, number>,
): { pxPerChar: number; scale: number } {
  const ratio = calibratedPxPerChar(sections, measured) ?? DEFAULT_PX_PER_CHAR;
  let chars = 0;
  for (const s of sections) chars += s.chars;
  const scale = Math.min(1, MAX_DOCUMENT_PX / Math.max(1, ratio * chars));
  return { pxPerChar: ratio * scale, scale };
}

/** The CSS custom properties, set on the document's root, that hold stubMetrics. */
export const PX_PER_CHAR_VAR = '--cb-section-px-per-char';
export const SCALE_VAR = '--cb-section-scale';

/**
 * The CSS height of a stub: its measured height when it has been filled before, else its
 * characters times the calibrated ratio; both at the scale. CSS variables, so new metrics move
 * every stub at once without a Lexical update.
 */
export function stubHeight(chars: number, measuredPx: number | null): string {
  return measuredPx != null
    ? `calc(var(${SCALE_VAR}, 1) * ${Math.round(measuredPx)}px)`
    : `calc(var(${PX_PER_CHAR_VAR}, ${DEFAULT_PX_PER_CHAR}px) * ${chars})`;
}

export interface WindowState {
  /** Sections within the observer's margin around the screen. */
  near: ReadonlySet<number>;
  /** Sections that must stay filled wherever they are (the text selection, a jump's target). */
  pinned: ReadonlySet<number>;
  /** Sections whose lines are in the document now. */
  filled: ReadonlySet<number>;
}

/**
 * One step of the window: every filled section neither near nor pinned is emptied, and up to
 * `maxFill` of the wanted sections not yet filled are filled, pinned ones first, then those
 * nearest the middle of the near band (where the screen is), so a fast scroll shows what is on
 * screen before what is around it. `more` says whether a further step has sections to fill.
 */
export function windowStep(
  state: WindowState,
  maxFill: number,
): { fill: number[]; empty: number[]; more: boolean } {
  const { near, pinned, filled } = state;
  const empty = [...filled].filter((i) => !near.has(i) && !pinned.has(i)).sort((a, b) => a - b);
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of near) {
    lo = Math.min(lo, i);
    hi = Math.max(hi, i);
  }
  const middle = (lo + hi) / 2;
  const wantedPinned = [...pinned].filter((i) => !filled.has(i)).sort((a, b) => a - b);
  const wantedNear = [...near]
    .filter((i) => !filled.has(i) && !pinned.has(i))
    .sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b);
  const wanted = [...wantedPinned, ...wantedNear];
  return { fill: wanted.slice(0, maxFill), empty, more: wanted.length > maxFill };
}
