/**
 * How an article looked: one block per line of its canonical text, so every offset still counts
 * UTF-16 units of that text and annotations, selectors, matching and bundles need no second
 * coordinate system. A block only adds what kind of line it is and its inline marks.
 */

export type BlockType =
  'paragraph' | 'heading' | 'quote' | 'list-item' | 'table-cell' | 'image' | 'preformatted';

export interface InlineMark {
  /** UTF-16 offsets within the block's line (end exclusive). */
  start: number;
  end: number;
  type: 'bold' | 'italic' | 'link';
  /** Link target, kept as data: opened only on an explicit action, never navigated to. */
  href?: string;
}

export interface Block {
  type: BlockType;
  /** Heading level 1–6. */
  level?: number;
  /** List items: which list (consecutive items with one listId form a list), kind and depth. */
  list?: { ordered: boolean; depth: number; listId: number };
  /** Table cells: which table, row and column; header cells are `th`. */
  cell?: { table: number; row: number; col: number; header: boolean };
  /** Images are placeholders: the line holds the caption or alt text, nothing is loaded. */
  image?: { alt: string };
  /** PDF page the block starts on (1-based). */
  page?: number;
  marks?: InlineMark[];
}

export interface ArticleStructure {
  /** Exactly one block per line of `Article.text`, in order. */
  blocks: Block[];
}
