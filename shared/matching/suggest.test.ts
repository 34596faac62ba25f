import { describe, expect, it } from 'vitest';
import { loadSeeds, seed } from '../testing/seeds';
import { buildCorpusIndex } from './corpus';
import { suggestMatches } from './suggest';
import { keyTerms } from './tokens';

const seeds = loadSeeds();
const index = buildCorpusIndex(seeds.map((s) => ({ id: s.id, text: s.canonical })));

describe('buildCorpusIndex', () => {
  it('indexes candidate spans of every article with idf favouring rare terms', () => {
    const articles = new Set(index.spans.map((s) => s.articleId));
    expect(articles.size).toBe(5);
    const idf = (word: string) => index.termIdf.get(keyTerms(word)[0]!)!;
    expect(idf('magnet')).toBeGreaterThan(idf('ICE'));
    expect(index.numberIdf.get(167)!).toBeGreaterThan(index.numberIdf.get(498)!);
    for (const span of index.spans) {
      const text = index.articles.get(span.articleId)!.text;
      for (const n of span.numbers) {
        expect(n.valueStart).toBeGreaterThanOrEqual(span.start);
        expect(text.slice(n.start, n.end)).toBe(n.raw);
      }
    }
  });
});

describe('suggestMatches', () => {
  const query = {
    articleId: seed('002').id,
    text: '104 are previously deported criminal aliens',
    kind: 'claim' as const,
  };

  it('ranks other articles only, scores in 0..1 descending, at most perArticle each', () => {
    const out = suggestMatches(index, query, { perArticle: 2, limit: 50 });
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((s) => s.articleId !== query.articleId)).toBe(true);
    for (let i = 1; i < out.length; i++)
      expect(out[i - 1]!.score).toBeGreaterThanOrEqual(out[i]!.score);
    for (const s of out) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    for (const article of new Set(out.map((s) => s.articleId))) {
      const ranks = out.filter((s) => s.articleId === article).map((s) => s.rankInArticle);
      expect(ranks.length).toBeLessThanOrEqual(2);
      expect([...ranks].sort()).toEqual(ranks.map((_, i) => i + 1));
    }
    expect(suggestMatches(index, query, { limit: 2 })).toHaveLength(2);
  });

  it('explains itself: shared figures and terms, with marks inside the candidate text', () => {
    const top = suggestMatches(index, query)[0]!;
    expect(top.articleId).toBe(seed('000').id);
    expect(top.text).toBe(index.articles.get(top.articleId)!.text.slice(top.start, top.end));
    expect(top.reasons.numbers).toContain('104');
    expect(top.reasons.terms).toEqual(expect.arrayContaining(['previously', 'deported']));
    const marked = top.marks.map((m) => `${m.kind}:${top.text.slice(m.start, m.end)}`);
    expect(marked).toContain('number:104');
    expect(marked).toContain('term:deported');
  });

  it('matches "nearly 500" to 498 across outlets', () => {
    const out = suggestMatches(index, {
      articleId: seed('004').id,
      text: 'Federal immigration agents made nearly 500 arrests',
      kind: 'claim',
    });
    const from001 = out.find((s) => s.articleId === seed('001').id && s.rankInArticle === 1)!;
    expect(from001.reasons.numbers.some((n) => /498|almost 500/.test(n))).toBe(true);
  });

  it('copes with a figure alone, and with nothing to match on', () => {
    const out = suggestMatches(index, { articleId: seed('001').id, text: '8,400', kind: 'claim' });
    expect(out[0]!.articleId).toBe(seed('003').id);
    expect(out[0]!.reasons.numbers).toEqual(['8,400']);
    expect(suggestMatches(index, { articleId: 'x', text: '', kind: 'claim' })).toEqual([]);
    expect(suggestMatches(index, { articleId: 'x', text: 'it is the', kind: 'quote' })).toEqual([]);
  });

  it('suggests nothing for text that no article shares', () => {
    expect(
      suggestMatches(index, {
        articleId: 'x',
        text: 'Sunny weather tomorrow, forecasters say',
        kind: 'claim',
      }),
    ).toEqual([]);
  });
});
