import { StructureBuilder, type BuiltArticle } from './builder';

/**
 * PDF text items (as pdf.js reports them: strings with a position) → reading-order text with
 * rebuilt paragraphs and page numbers as data. Pure, so it is tested without a PDF engine.
 *
 * Reading order: per page, a vertical gutter free of text near the middle means two columns;
 * text spanning the gutter above the columns (a headline) reads first, then the left column,
 * then the right one. Lines join into a paragraph until a larger gap, a change of font size
 * or a short line ending a sentence; a hyphen at a line end joins the word again.
 */
export interface PdfItem {
  str: string;
  /** Baseline origin, PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in PDF units. */
  size: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

interface Line {
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
}

export function layoutPdf(pages: readonly PdfPage[]): BuiltArticle {
  const layout = pdfLayout(pages);
  for (const page of pages) layout.page(page);
  return layout.finish();
}

/**
 * The same, one page at a time, so a caller on the UI thread can yield between pages (a
 * 50-page report takes ~130 ms in all; one page ~3 ms).
 */
export function pdfLayout(pages: readonly PdfPage[]): {
  page(page: PdfPage): void;
  finish(): BuiltArticle;
} {
  const b = new StructureBuilder();
  const all = pages.flatMap((p) => p.items.filter((i) => i.str.trim()));
  const bodySize = median(all.map((i) => i.size)) || 10;
  return {
    page(page) {
      const items = page.items.filter((i) => i.str.trim().length > 0);
      if (items.length === 0) return;
      for (const column of readingColumns(items, page.width, bodySize)) {
        emitParagraphs(b, toLines(column), bodySize, page.number);
      }
    },
    finish: () => b.finish(),
  };
}

/** Text chars per page; a scanned PDF (images only) has none. */
export function textCharsPerPage(pages: readonly PdfPage[]): number {
  if (pages.length === 0) return 0;
  const chars = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  return chars / pages.length;
}

function readingColumns(items: PdfItem[], pageWidth: number, bodySize: number): PdfItem[][] {
  // Headlines may span both columns: look for the gutter in body text only.
  const body = items.filter((i) => i.size <= bodySize * 1.15);
  const gutter = findGutter(body.length ? body : items, pageWidth);
  if (gutter === null) return [items];
  const left: PdfItem[] = [];
  const right: PdfItem[] = [];
  const spanning: PdfItem[] = [];
  for (const i of items) {
    if (i.x + i.width <= gutter) left.push(i);
    else if (i.x >= gutter) right.push(i);
    else spanning.push(i);
  }
  const columnsTop = Math.max(...[...left, ...right].map((i) => i.y + i.size));
  const above = spanning.filter((i) => i.y >= columnsTop - 1);
  const below = spanning.filter((i) => i.y < columnsTop - 1);
  return [above, left, right, below].filter((c) => c.length > 0);
}

/** An x in the middle band of the page that no text item crosses, with text on both sides. */
function findGutter(items: PdfItem[], pageWidth: number): number | null {
  const width = pageWidth > 0 ? pageWidth : Math.max(...items.map((i) => i.x + i.width));
  const lo = width * 0.3;
  const hi = width * 0.7;
  const step = width / 200;
  let best: { x: number; crossing: number } | null = null;
  for (let x = lo; x <= hi; x += step) {
    let crossing = 0;
    for (const i of items) if (i.x < x && i.x + i.width > x) crossing += i.str.length;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best) return null;
  const total = items.reduce((n, i) => n + i.str.length, 0);
  const left = items.filter((i) => i.x + i.width <= best!.x).reduce((n, i) => n + i.str.length, 0);
  const right = items.filter((i) => i.x >= best!.x).reduce((n, i) => n + i.str.length, 0);
  // A real gutter: (almost) nothing crosses it and each side holds a fair share of the text.
  if (best.crossing > total * 0.15 || left < total * 0.2 || right < total * 0.2) return null;
  return best.x;
}

function toLines(items: PdfItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: PdfItem[]; y: number; size: number }[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, item.size) * 0.4);
    if (line) line.items.push(item);
    else lines.push({ items: [item], y: item.y, size: item.size });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const parts = [...l.items].sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const p of parts) {
        const gap = p.x - end;
        if (text && gap > p.size * 0.15 && !text.endsWith(' ') && !p.str.startsWith(' '))
          text += ' ';
        text += p.str;
        end = p.x + p.width;
      }
      return {
        x: parts[0]!.x,
        right: Math.max(...parts.map((p) => p.x + p.width)),
        y: l.y,
        size: Math.max(...parts.map((p) => p.size)),
        text: text.replace(/\s+/g, ' ').trim(),
      };
    })
    .filter((l) => l.text.length > 0);
}

function emitParagraphs(b: StructureBuilder, lines: Line[], bodySize: number, page: number) {
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y);
  const spacing = median(gaps.filter((g) => g > 0)) || bodySize * 1.2;
  const right = Math.max(...lines.map((l) => l.right));
  let text = '';
  let kind: { heading: number | null } | null = null;
  const flush = () => {
    if (!kind || !text) return;
    b.begin(
      kind.heading ? { type: 'heading', level: kind.heading, page } : { type: 'paragraph', page },
    );
    b.text(text);
    b.end();
    text = '';
    kind = null;
  };
  lines.forEach((line, i) => {
    // A page number alone on a line is furniture, not text.
    if (/^\d{1,4}$/.test(line.text) && (i === 0 || i === lines.length - 1)) return;
    const heading = line.size > bodySize * 1.6 ? 1 : line.size > bodySize * 1.15 ? 2 : null;
    const prev = lines[i - 1];
    const newParagraph =
      !kind ||
      kind.heading !== heading ||
      (prev !== undefined && prev.y - line.y > spacing * 1.4) ||
      (prev !== undefined && prev.right < right - bodySize * 3 && /[.!?:"”’]$/.test(prev.text));
    if (newParagraph) {
      flush();
      kind = { heading };
      text = line.text;
    } else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) {
      text = text.slice(0, -1) + line.text;
    } else {
      text += ` ${line.text}`;
    }
  });
  flush();
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
