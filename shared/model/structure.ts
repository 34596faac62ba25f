/**
 * How an article looked: one block per line of the canonical text (Article.text), in order.
 * Offsets in `marks` count UTF-16 units of that block's line, so the structure never changes
 * what an annotation offset means: the canonical text stays the one string offsets count.
 */
export type BlockType =
  'paragraph' | 'heading' | 'quote' | 'list-item' | 'table-cell' | 'image' | 'preformatted';

export interface BlockMark {
  start: number;
  end: number;
  type: 'bold' | 'italic' | 'link';
  /** Only for links: an http(s) or mailto address, opened only on an explicit action. */
  href?: string;
}

export interface Block {
  type: BlockType;
  /** Headings: 1–6. */
  level?: number;
  /** List items: consecutive items with the same listId form one list; depth 0 is top level. */
  list?: { ordered: boolean; depth: number; listId: number };
  /** Table cells: consecutive cells with the same table number form one table. */
  cell?: { table: number; row: number; col: number; header: boolean };
  /** Images: shown as a captioned placeholder, never loaded. */
  image?: { alt: string };
  /** PDF: the 1-based page the block starts on. */
  page?: number;
  marks?: BlockMark[];
}

export interface ArticleStructure {
  blocks: Block[];
}
