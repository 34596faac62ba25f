import type { ArticleStructure } from '../model/structure';

/**
 * Why a structure does not fit its canonical text, or null when it does: exactly one block per
 * line and every mark inside its line. Checked before a structure is stored or rendered, so a
 * bad structure can only ever fall back to plain paragraphs, never shift an offset.
 */
export function structureProblem(text: string, structure: ArticleStructure): string | null {
  const lines = text.length === 0 ? [] : text.split('\n');
  if (structure.blocks.length !== lines.length)
    return `the structure has ${structure.blocks.length} blocks for ${lines.length} lines`;
  for (let i = 0; i < lines.length; i++) {
    const block = structure.blocks[i]!;
    for (const m of block.marks ?? []) {
      if (!(m.start >= 0 && m.end > m.start && m.end <= lines[i]!.length))
        return `block ${i + 1} has a mark outside its line`;
    }
    if (block.type === 'heading' && !(block.level && block.level >= 1 && block.level <= 6))
      return `block ${i + 1} is a heading without a level 1–6`;
  }
  return null;
}

/** The structure to render: the stored one when it fits, else plain paragraphs. */
export function usableStructure(
  text: string,
  structure: ArticleStructure | null | undefined,
): ArticleStructure | null {
  return structure && structureProblem(text, structure) === null ? structure : null;
}

/** Removes the first `count` lines (e.g. a leading "date 2017-09-28" marker line). */
export function dropLeadingBlocks(structure: ArticleStructure, count: number): ArticleStructure {
  return { blocks: structure.blocks.slice(count) };
}
