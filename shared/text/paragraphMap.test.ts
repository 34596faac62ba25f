import { describe, expect, it } from 'vitest';
import {
  offsetToPoint,
  paragraphSpans,
  pointToOffset,
  rangePieces,
  spansOfLines,
} from './paragraphMap';
import { paragraphsOf } from './canonical';
import { loadSeeds, seed } from '../testing/seeds';

describe('paragraph offset map', () => {
  it('round-trips every offset of every seed through (paragraph, offset) points', () => {
    for (const s of loadSeeds()) {
      const spans = paragraphSpans(s.canonical);
      const paras = paragraphsOf(s.canonical);
      expect(spans).toHaveLength(paras.length);
      spans.forEach((sp, i) => expect(s.canonical.slice(sp.start, sp.end)).toBe(paras[i]));
      for (let off = 0; off <= s.canonical.length; off++) {
        const p = offsetToPoint(spans, off);
        // Offsets on a separator map to the end of the previous paragraph (one unit less).
        const back = pointToOffset(spans, p);
        expect(
          s.canonical[off] === '\n' ? back === off : back === off || off === s.canonical.length,
        ).toBe(true);
      }
    }
  });

  it('maps a sentence selected across two paragraphs of seed 000 to one canonical range', () => {
    const text = seed('000').canonical;
    const spans = paragraphSpans(text);
    const start = pointToOffset(spans, {
      paragraph: 1,
      offset: text.slice(spans[1]!.start).indexOf('officials said.'),
    });
    const end = pointToOffset(spans, {
      paragraph: 2,
      offset: 'Immigration and Customs Enforcement'.length,
    });
    expect(text.slice(start, end)).toBe('officials said.\nImmigration and Customs Enforcement');
    expect(rangePieces(spans, start, end)).toEqual([
      {
        paragraph: 1,
        start: spans[1]!.end - spans[1]!.start - 'officials said.'.length,
        end: spans[1]!.end - spans[1]!.start,
      },
      { paragraph: 2, start: 0, end: 'Immigration and Customs Enforcement'.length },
    ]);
  });

  it('splits overlapping ranges independently (a claim inside a quote)', () => {
    const text = seed('003').canonical;
    const spans = paragraphSpans(text);
    const quoteStart = text.indexOf('"Sanctuary jurisdictions');
    const quoteEnd = text.indexOf('these communities."') + 'these communities."'.length;
    const claimStart = text.indexOf('creating a magnet');
    const claimEnd = claimStart + 'creating a magnet for illegal immigration'.length;
    const q = rangePieces(spans, quoteStart, quoteEnd);
    const c = rangePieces(spans, claimStart, claimEnd);
    expect(q).toHaveLength(1);
    expect(c).toHaveLength(1);
    expect(c[0]!.paragraph).toBe(q[0]!.paragraph);
    expect(c[0]!.start).toBeGreaterThan(q[0]!.start);
    expect(c[0]!.end).toBeLessThan(q[0]!.end);
  });

  it('clamps points outside the text', () => {
    const spans = paragraphSpans('ab\ncd');
    expect(pointToOffset(spans, { paragraph: 9, offset: 99 })).toBe(5);
    expect(pointToOffset(spans, { paragraph: -1, offset: -3 })).toBe(0);
    expect(offsetToPoint(spans, 2)).toEqual({ paragraph: 0, offset: 2 });
    expect(offsetToPoint(spans, 3)).toEqual({ paragraph: 1, offset: 0 });
    expect(paragraphSpans('')).toEqual([]);
  });
});

describe('spansOfLines', () => {
  it('gives the spans paragraphSpans finds, from the lines', () => {
    for (const text of ['', 'one', 'a\nbb\n\nccc', '\n\nx\n', 'line one\nline two\n']) {
      const lines = text.length === 0 ? [] : text.split('\n');
      expect(spansOfLines(lines)).toEqual(paragraphSpans(text));
    }
    for (const s of loadSeeds())
      expect(spansOfLines(paragraphsOf(s.canonical))).toEqual(paragraphSpans(s.canonical));
  });
});
