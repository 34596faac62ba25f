import type { ArticleStructure, Block, InlineMark } from '../model/structure';
import { canonicalizeText } from '../text/canonical';

/**
 * Builds canonical text and its structure together from a stream of blocks, text runs and marks
 * (what a DOM walker, a Markdown renderer or a PDF reader produces). It applies the canonical
 * text rules per line as it goes (NFC, white space collapsed, lines trimmed, empty lines dropped)
 * and shifts marks with every character it removes, so `text` and `structure` always agree:
 * one block per line, marks in UTF-16 units of their line.
 */
export interface BuiltArticle {
  text: string;
  structure: ArticleStructure;
}

type BlockAttrs = Omit<Block, 'marks'>;

interface OpenMark {
  type: InlineMark['type'];
  href?: string;
  start: number;
  /** The block the mark was opened in; a mark never spans lines. */
  line: number;
}

const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u0085\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

export class StructureBuilder {
  private readonly lines: { attrs: BlockAttrs; text: string; marks: InlineMark[] }[] = [];
  private current: { attrs: BlockAttrs; text: string; marks: InlineMark[] } | null = null;
  private readonly open: OpenMark[] = [];
  private lineCount = 0;

  /** Starts a block; an unfinished one is finished first (blocks never nest in the output). */
  begin(attrs: BlockAttrs): void {
    this.end();
    this.current = { attrs: { ...attrs }, text: '', marks: [] };
    this.lineCount++;
    for (const m of this.open) {
      m.start = 0;
      m.line = this.lineCount;
    }
  }

  /** Appends a run of text; white space collapses (in preformatted blocks, newlines split lines). */
  text(run: string): void {
    if (!this.current) this.begin({ type: 'paragraph' });
    const cur = this.current!;
    if (cur.attrs.type === 'preformatted' && /[\n\r]/.test(run)) {
      const parts = run.split(/\r\n?|\n/);
      parts.forEach((part, i) => {
        if (i > 0) this.begin({ ...cur.attrs });
        this.append(part);
      });
      return;
    }
    this.append(run);
  }

  /** A hard line break inside a block: the rest continues as a new line of the same kind. */
  lineBreak(): void {
    if (!this.current) return;
    const attrs = { ...this.current.attrs };
    this.begin(attrs);
  }

  mark(type: InlineMark['type'], href?: string): () => void {
    const m: OpenMark = {
      type,
      ...(href ? { href } : {}),
      start: this.current?.text.length ?? 0,
      line: this.lineCount,
    };
    this.open.push(m);
    return () => {
      const i = this.open.indexOf(m);
      if (i >= 0) this.open.splice(i, 1);
      const cur = this.current;
      if (cur && m.line === this.lineCount && cur.text.length > m.start) {
        cur.marks.push({
          start: m.start,
          end: cur.text.length,
          type: m.type,
          ...(m.href ? { href: m.href } : {}),
        });
      }
    };
  }

  end(): void {
    const cur = this.current;
    if (!cur) return;
    this.current = null;
    // Marks still open continue into the next block (e.g. <b> around a <br>).
    for (const m of this.open) {
      if (m.line === this.lineCount && cur.text.length > m.start) {
        cur.marks.push({
          start: m.start,
          end: cur.text.length,
          type: m.type,
          ...(m.href ? { href: m.href } : {}),
        });
      }
    }
    const finished = finishLine(cur.text, cur.marks);
    if (finished) this.lines.push({ attrs: cur.attrs, ...finished });
  }

  /** The canonical text and its structure; falls back to plain paragraphs if they disagree. */
  finish(): BuiltArticle {
    this.end();
    const text = this.lines.map((l) => l.text).join('\n');
    const blocks: Block[] = this.lines.map(({ attrs, marks }) =>
      marks.length ? { ...attrs, marks } : { ...attrs },
    );
    if (canonicalizeText(text) !== text) {
      // Never store a structure whose text is not canonical: offsets would drift.
      const canonical = canonicalizeText(text);
      return { text: canonical, structure: plainStructure(canonical) };
    }
    return { text, structure: { blocks } };
  }

  private append(run: string): void {
    const cur = this.current!;
    let out = '';
    let prevSpace = cur.text.length === 0 || cur.text.endsWith(' ');
    for (const ch of run.normalize('NFC')) {
      const space = SPACE.test(ch) || CONTROL.test(ch);
      if (space) {
        if (!prevSpace) out += ' ';
        prevSpace = true;
      } else {
        out += ch;
        prevSpace = false;
      }
    }
    cur.text += out;
  }
}

/** Trims a line, shifting its marks; NFC across runs is re-applied and marks dropped if it moves text. */
function finishLine(
  raw: string,
  marks: InlineMark[],
): { text: string; marks: InlineMark[] } | null {
  const lead = raw.length - raw.trimStart().length;
  let text = raw.trim();
  if (text.length === 0) return null;
  let shifted = marks
    .map((m) => {
      let start = Math.max(0, m.start - lead);
      let end = Math.min(text.length, m.end - lead);
      // A mark never starts or ends on the space that joins it to its neighbours.
      while (start < end && text[start] === ' ') start++;
      while (end > start && text[end - 1] === ' ') end--;
      return { ...m, start, end };
    })
    .filter((m) => m.end > m.start);
  const nfc = text.normalize('NFC');
  if (nfc !== text) {
    text = nfc;
    shifted = [];
  }
  return { text, marks: shifted };
}

/** The structure of a text with no markup: every line a paragraph. */
export function plainStructure(canonical: string): ArticleStructure {
  const count = canonical.length === 0 ? 0 : canonical.split('\n').length;
  return { blocks: Array.from({ length: count }, () => ({ type: 'paragraph' as const })) };
}
