import { describe, expect, it } from 'vitest';
import { canonicalizeText, paragraphsOf } from './canonical';
import { loadSeeds, seed } from '../testing/seeds';

describe('canonicalizeText', () => {
  it('keeps one paragraph per non-empty line of every seed, in order', () => {
    for (const s of loadSeeds()) {
      const expected = s.raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      expect(paragraphsOf(s.canonical)).toEqual(expected.map((l) => l.replace(/\s+/g, ' ')));
    }
  });

  it('drops the blank lines between paragraphs of seed 002', () => {
    const s = seed('002');
    expect(s.raw).toContain('\n\n');
    expect(s.canonical).not.toContain('\n\n');
    expect(paragraphsOf(s.canonical)[1]).toMatch(/^Known as Operation Safe City/);
  });

  it('normalises line ends, BOM, NFC, tabs and spacing', () => {
    expect(
      canonicalizeText('\uFEFF  Cafe\u0301 \t  au lait\r\n\r\nSecond\rThird\u2029Fourth  '),
    ).toBe('Café au lait\nSecond\nThird\nFourth');
  });

  it('is idempotent on every seed', () => {
    for (const s of loadSeeds()) expect(canonicalizeText(s.canonical)).toBe(s.canonical);
  });

  it('returns an empty string for white space only', () => {
    expect(canonicalizeText(' \n\t\n ')).toBe('');
    expect(paragraphsOf('')).toEqual([]);
  });
});
