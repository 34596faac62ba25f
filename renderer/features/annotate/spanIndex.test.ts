import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../../shared/testing/seeds';
import { mulberry32 } from '../../../shared/testing/random';
import { buildSpanIndex, spansOverlapping } from './spanIndex';

interface Row {
  id: string;
  position: { start: number; end: number };
}

/** Every sentence of a seed as one annotation, plus a paragraph-long one and a whole-text one. */
function sentenceRows(text: string): Row[] {
  const rows: Row[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]?/g)) {
    rows.push({ id: `s${m.index}`, position: { start: m.index, end: m.index + m[0].length } });
  }
  const firstBreak = text.indexOf('\n');
  rows.push({ id: 'paragraph', position: { start: 0, end: firstBreak } });
  rows.push({ id: 'whole', position: { start: 0, end: text.length } });
  return rows;
}

const naive = (rows: Row[], from: number, to: number) =>
  rows
    .filter((r) => r.position.start < to && r.position.end > from)
    .map((r) => r.id)
    .sort();

describe('spansOverlapping', () => {
  it('finds exactly the annotations a window of each seed article touches', () => {
    const rnd = mulberry32(5);
    for (const seed of loadSeeds()) {
      const text = seed.canonical;
      const rows = sentenceRows(text);
      // Unsorted input (the last two rows start at 0) is sorted; input in reading order is used
      // as it comes. Both must answer alike.
      const index = buildSpanIndex(rows);
      const inOrder = buildSpanIndex([...rows].sort((a, b) => a.position.start - b.position.start));
      for (let k = 0; k < 200; k++) {
        const from = Math.floor(rnd() * text.length);
        const to = from + Math.floor(rnd() * 800);
        for (const ix of [index, inOrder]) {
          expect(
            spansOverlapping(ix, from, to)
              .map((r) => r.id)
              .sort(),
          ).toEqual(naive(rows, from, to));
        }
      }
    }
  });

  it('returns rows in text order, skips touching-but-not-overlapping rows and empty windows', () => {
    const text = loadSeeds()[0]!.canonical;
    const rows = sentenceRows(text).filter((r) => r.id !== 'whole' && r.id !== 'paragraph');
    const index = buildSpanIndex([...rows].reverse());
    const second = rows[1]!;
    // A window that starts where the first sentence ends does not include it.
    const found = spansOverlapping(index, rows[0]!.position.end, second.position.end);
    expect(found.map((r) => r.id)).toEqual([second.id]);
    expect(spansOverlapping(index, 50, 50)).toEqual([]);
    const all = spansOverlapping(index, 0, text.length).map((r) => r.position.start);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all).toHaveLength(rows.length);
  });
});
