import type { Block } from '../../../shared/model/structure';
import { StructureBuilder, type BuiltArticle } from '../../../shared/structure/builder';

/**
 * A sanitised DOM tree → canonical text + structure (one block per line). Block elements start
 * lines; headings, quotes, lists, tables and preformatted text keep their kind; bold, italic and
 * links become marks. A link keeps its target only when it is an absolute http(s) or mailto
 * address: `javascript:`, `data:` and relative targets are kept as plain text.
 */

const HEADING = /^H([1-6])$/;

/** Elements that end the line before them and start a new one. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'CAPTION',
]);

interface Context {
  quote: boolean;
  pre: boolean;
  /** The list item being filled, if any. */
  list: Block['list'] | null;
  /** The table cell being filled: nested blocks stay on the cell's one line. */
  cell: Block['cell'] | null;
}

export function domToStructure(root: Node, baseUrl: string | null = null): BuiltArticle {
  const b = new StructureBuilder();
  let listIds = 0;
  let tables = 0;
  const listStack: { ordered: boolean; id: number }[] = [];

  const blockAttrs = (ctx: Context): Omit<Block, 'marks'> => {
    if (ctx.cell) return { type: 'table-cell', cell: ctx.cell };
    if (ctx.list) return { type: 'list-item', list: ctx.list };
    if (ctx.pre) return { type: 'preformatted' };
    if (ctx.quote) return { type: 'quote' };
    return { type: 'paragraph' };
  };

  // Text outside any explicit block continues the current line or starts one of the context's kind.
  let open = false;
  const begin = (attrs: Omit<Block, 'marks'>) => {
    b.begin(attrs);
    open = true;
  };
  const end = () => {
    b.end();
    open = false;
  };

  const walk = (node: Node, ctx: Context): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = child.nodeValue ?? '';
        if (!open) {
          if (!ctx.pre && data.trim() === '') continue;
          begin(blockAttrs(ctx));
        }
        b.text(data);
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (ctx.cell) {
        // Inside a cell everything stays on the cell's line.
        if (tag === 'BR' || BLOCK.has(tag)) b.text(' ');
        inline(el, tag, ctx);
        if (BLOCK.has(tag)) b.text(' ');
        continue;
      }
      if (tag === 'BR') {
        if (open) b.lineBreak();
        continue;
      }
      if (tag === 'IMG') {
        const alt = el.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
        // Decorative images (no alt text) say nothing; others become a captioned placeholder.
        if (alt) {
          end();
          begin({ type: 'image', image: { alt } });
          b.text(`[Image: ${alt}]`);
          end();
        }
        continue;
      }
      const heading = HEADING.exec(tag);
      if (heading) {
        end();
        begin({ type: 'heading', level: Number(heading[1]) });
        walk(el, ctx);
        end();
        continue;
      }
      if (tag === 'UL' || tag === 'OL') {
        end();
        if (listStack.length === 0) listIds++;
        listStack.push({ ordered: tag === 'OL', id: listIds });
        walk(el, { ...ctx, list: null });
        listStack.pop();
        end();
        continue;
      }
      if (tag === 'LI') {
        end();
        const top = listStack[listStack.length - 1];
        const list = top
          ? { ordered: top.ordered, depth: listStack.length - 1, listId: top.id }
          : { ordered: false, depth: 0, listId: ++listIds };
        const itemCtx = { ...ctx, list };
        begin(blockAttrs(itemCtx));
        walk(el, itemCtx);
        end();
        continue;
      }
      if (tag === 'TABLE') {
        end();
        table(el, ++tables, ctx);
        end();
        continue;
      }
      if (tag === 'BLOCKQUOTE') {
        end();
        walk(el, { ...ctx, quote: true });
        end();
        continue;
      }
      if (tag === 'PRE') {
        end();
        const preCtx = { ...ctx, pre: true };
        begin(blockAttrs(preCtx));
        walk(el, preCtx);
        end();
        continue;
      }
      if (BLOCK.has(tag)) {
        end();
        walk(el, ctx);
        end();
        continue;
      }
      inline(el, tag, ctx);
    }
  };

  const inline = (el: Element, tag: string, ctx: Context) => {
    const type =
      tag === 'B' || tag === 'STRONG'
        ? 'bold'
        : tag === 'I' || tag === 'EM'
          ? 'italic'
          : tag === 'A'
            ? 'link'
            : null;
    const href = type === 'link' ? safeHref(el.getAttribute('href'), baseUrl) : undefined;
    if (type === 'link' && !href) {
      walk(el, ctx);
      return;
    }
    if (!type) {
      walk(el, ctx);
      return;
    }
    if (!open && !ctx.cell) begin(blockAttrs(ctx));
    const close = b.mark(type, href ?? undefined);
    walk(el, ctx);
    close();
  };

  const table = (el: Element, tableNo: number, ctx: Context) => {
    let row = 0;
    for (const tr of Array.from(el.querySelectorAll('tr'))) {
      // Only this table's rows, not those of a table nested in a cell.
      if (tr.closest('table') !== el) continue;
      let col = 0;
      for (const cellEl of Array.from(tr.children)) {
        const t = cellEl.tagName.toUpperCase();
        if (t !== 'TD' && t !== 'TH') continue;
        const cell = { table: tableNo, row, col, header: t === 'TH' };
        const cellCtx = { ...ctx, cell };
        end();
        begin(blockAttrs(cellCtx));
        walk(cellEl, cellCtx);
        end();
        col++;
      }
      row++;
    }
  };

  walk(root, { quote: false, pre: false, list: null, cell: null });
  return b.finish();
}

/** An absolute http(s)/mailto target, or null (then the link is kept as plain text). */
export function safeHref(raw: string | null, baseUrl: string | null): string | null {
  if (!raw) return null;
  try {
    const url = baseUrl ? new URL(raw.trim(), baseUrl) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}
