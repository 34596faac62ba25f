import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type TextFormatType,
} from 'lexical';
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createLinkNode, LinkNode } from '@lexical/link';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table';
import type { ArticleStructure, Block, InlineMark } from '../../../shared/model/structure';
import { paragraphsOf } from '../../../shared/text/canonical';
import { SectionNode } from './sectionNode';

/** The rich-text nodes the viewer renders; registered with the read-only editor. */
export const VIEWER_NODES = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  SectionNode,
];

/**
 * Builds the read-only document from the canonical text and its structure and returns, for each
 * line, the key of the element that holds exactly that line's text (a paragraph, heading, quote,
 * list item or the paragraph inside a table cell). The offset map uses those elements, so every
 * offset still counts UTF-16 units of the canonical text however deeply a line is nested.
 */
export function $buildDocument(text: string, structure: ArticleStructure | null): string[] {
  $getRoot().clear();
  const keys: string[] = [];
  $appendLines(documentPlan(text, structure), 0, Infinity, keys);
  return keys;
}

/** The lines of an article and the block each one renders as. */
export interface DocumentPlan {
  lines: string[];
  blocks: Block[];
}

export function documentPlan(text: string, structure: ArticleStructure | null): DocumentPlan {
  const lines = paragraphsOf(text);
  return { lines, blocks: structure?.blocks ?? lines.map(() => ({ type: 'paragraph' })) };
}

/**
 * Appends lines from `from` (up to `to`) to the root until about `budget` characters are in (a
 * list or table is never cut), pushing each line's key; returns the next line to append. A long
 * article's sections are filled this way (sectionWindow.ts), each with its own lines.
 */
export function $appendLines(
  plan: DocumentPlan,
  from: number,
  budget: number,
  keys: string[],
  root: ElementNode = $getRoot(),
  to = plan.lines.length,
): number {
  const { lines, blocks } = plan;
  let i = from;
  let chars = 0;
  while (i < to && chars < budget) {
    const start = i;
    const block = blocks[i]!;
    if (block.type === 'list-item' && block.list) {
      i = $appendList(root, lines, blocks, i, keys);
    } else if (block.type === 'table-cell' && block.cell) {
      i = $appendTable(root, lines, blocks, i, keys);
    } else {
      const node = lineNode(block);
      $fillLine(node, lines[i]!, block);
      root.append(node);
      keys.push(node.getKey());
      i++;
    }
    for (let k = start; k < i; k++) chars += lines[k]!.length + 1;
  }
  return i;
}

function lineNode(block: Block): ElementNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(Math.max(block.level ?? 2, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
      return $createHeadingNode(`h${level}`);
    }
    case 'quote':
      return $createQuoteNode();
    default:
      return $createParagraphNode();
  }
}

/** One line's text, split at mark edges into formatted text nodes and links. */
export function $fillLine(parent: ElementNode, line: string, block: Block): void {
  const marks = block.marks ?? [];
  if (block.type === 'image' || marks.length === 0) {
    const t = $createTextNode(line);
    if (block.type === 'image') t.toggleFormat('italic');
    parent.append(t);
    return;
  }
  const cuts = new Set([0, line.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const edges = [...cuts].filter((c) => c >= 0 && c <= line.length).sort((a, b) => a - b);
  let link: { node: ElementNode; mark: InlineMark } | null = null;
  for (let k = 0; k < edges.length - 1; k++) {
    const s = edges[k]!;
    const e = edges[k + 1]!;
    if (e <= s) continue;
    const covering = marks.filter((m) => m.start <= s && m.end >= e);
    const t = $createTextNode(line.slice(s, e));
    for (const m of covering)
      if (m.type === 'bold' || m.type === 'italic') t.toggleFormat(m.type as TextFormatType);
    const linkMark = covering.find((m) => m.type === 'link' && m.href);
    if (linkMark) {
      if (!link || link.mark !== linkMark) {
        link = {
          node: $createLinkNode(linkMark.href, { rel: 'noopener noreferrer', target: null }),
          mark: linkMark,
        };
        parent.append(link.node);
      }
      link.node.append(t);
    } else {
      link = null;
      parent.append(t);
    }
  }
}

/** Consecutive list items of one list (nested by depth) → ListNodes; returns the next line. */
function $appendList(
  root: ElementNode,
  lines: string[],
  blocks: Block[],
  start: number,
  keys: string[],
): number {
  const listId = blocks[start]!.list!.listId;
  const top = $createListNode(blocks[start]!.list!.ordered ? 'number' : 'bullet');
  root.append(top);
  const stack: ListNode[] = [top];
  let i = start;
  while (
    i < lines.length &&
    blocks[i]!.type === 'list-item' &&
    blocks[i]!.list?.listId === listId
  ) {
    const { depth, ordered } = blocks[i]!.list!;
    while (stack.length - 1 > depth) stack.pop();
    while (stack.length - 1 < depth) {
      // Lexical nests a list inside its own list item.
      const nested = $createListNode(ordered ? 'number' : 'bullet');
      stack[stack.length - 1]!.append($createListItemNode().append(nested));
      stack.push(nested);
    }
    const item = $createListItemNode();
    $fillLine(item, lines[i]!, blocks[i]!);
    stack[stack.length - 1]!.append(item);
    keys.push(item.getKey());
    i++;
  }
  return i;
}

/** Consecutive cells of one table → a TableNode (rows padded to one width); returns the next line. */
function $appendTable(
  root: ElementNode,
  lines: string[],
  blocks: Block[],
  start: number,
  keys: string[],
): number {
  const tableNo = blocks[start]!.cell!.table;
  let end = start;
  while (end < lines.length && blocks[end]!.cell?.table === tableNo) end++;
  const cells = blocks.slice(start, end);
  const rows = new Map<number, number[]>();
  cells.forEach((b, k) => {
    const list = rows.get(b.cell!.row) ?? [];
    list.push(start + k);
    rows.set(b.cell!.row, list);
  });
  const width = Math.max(...[...rows.values()].map((r) => r.length));
  const table = $createTableNode();
  // Lines must stay in canonical order: rows and cells are emitted in the order they were read.
  const lineKeys: string[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const tr = $createTableRowNode();
    const members = rows.get(row)!;
    for (const index of members) {
      const block = blocks[index]!;
      const p = $createParagraphNode();
      $fillLine(p, lines[index]!, block);
      tr.append(
        $createTableCellNode(
          block.cell!.header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS,
        ).append(p),
      );
      lineKeys[index - start] = p.getKey();
    }
    for (let pad = members.length; pad < width; pad++)
      tr.append($createTableCellNode().append($createParagraphNode()));
    table.append(tr);
  }
  root.append(table);
  keys.push(...lineKeys);
  return end;
}
