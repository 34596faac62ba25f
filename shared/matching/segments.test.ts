import { describe, expect, it } from 'vitest';
import { loadSeeds, seed } from '../testing/seeds';
import { findQuotedPassages, segmentArticle, splitSentences } from './segments';

const texts = (text: string, spans: { start: number; end: number }[]) =>
  spans.map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not split at abbreviations and initialisms', () => {
    const text =
      'Areas included New York; Washington, D.C.; Portland, Ore.; Philadelphia. Returning to the U.S. after deportation is a felony. Washington, D.C. (14) Next one.';
    expect(texts(text, splitSentences(text))).toEqual([
      'Areas included New York; Washington, D.C.; Portland, Ore.; Philadelphia.',
      'Returning to the U.S. after deportation is a felony.',
      'Washington, D.C. (14) Next one.',
    ]);
  });

  it('splits after a closing quote and at line ends', () => {
    const text = '“It’s the first,” he said. “More will follow.”\nNew line here';
    expect(texts(text, splitSentences(text))).toEqual([
      '“It’s the first,” he said.',
      '“More will follow.”',
      'New line here',
    ]);
  });
});

describe('segmentArticle', () => {
  it('yields trimmed spans inside one line of every seed', () => {
    for (const s of loadSeeds()) {
      const segments = segmentArticle(s.canonical);
      expect(segments.length).toBeGreaterThan(10);
      for (const g of segments) {
        const t = s.canonical.slice(g.start, g.end);
        expect(t.length, s.id).toBeGreaterThan(0);
        expect(t.trim()).toBe(t);
        expect(t).not.toContain('\n');
      }
    }
  });

  it('cuts long sentences into clauses (003: Los Angeles vs Philadelphia)', () => {
    const text = seed('003').canonical;
    const clauses = texts(
      text,
      segmentArticle(text).filter((g) => g.kind === 'clause'),
    );
    expect(clauses).toContain('The Times said 167 arrests were made in and around Los Angeles');
    expect(clauses).toContain(
      'while 107 more arrests were made in Philadelphia, an ICE statement said.',
    );
  });

  it('cuts the flattened conviction chart (002) into word windows', () => {
    const text = seed('002').canonical;
    const windows = texts(
      text,
      segmentArticle(text).filter((g) => g.kind === 'window'),
    );
    expect(windows.length).toBeGreaterThan(10);
    expect(windows.some((w) => w.includes('Driving under influence 86'))).toBe(true);
  });
});

describe('findQuotedPassages', () => {
  it('joins a quote split by an attribution ("…,” Homan said. “As a result…”)', () => {
    const text = seed('002').canonical;
    const quotes = texts(text, findQuotedPassages(text));
    const joined = quotes.find(
      (q) => q.startsWith('Sanctuary jurisdictions') && q.endsWith('communities.'),
    );
    expect(joined).toBeDefined();
    expect(joined).toContain('Homan said. “As a result');
  });

  it('runs an unclosed quote to the end of its paragraph (000)', () => {
    const text = seed('000').canonical;
    expect(texts(text, findQuotedPassages(text))).toContain(
      'are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration.',
    );
  });
});
