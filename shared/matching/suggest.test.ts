import { describe, expect, it } from 'vitest';
import { loadSeeds, seed } from '../testing/seeds';
import { addArticle, buildCorpusIndex, idfOf, removeArticle } from './corpus';
import { suggestMatches } from './suggest';

const seeds = loadSeeds();
const index = buildCorpusIndex(seeds.map((s) => ({ id: s.id, text: s.canonical })));

describe('buildCorpusIndex', () => {
  it('indexes candidate spans of every article with idf favouring rare words', () => {
    const articles = new Set([...index.articles.values()].filter((a) => a.spans.length > 0));
    expect(articles.size).toBe(5);
    expect(idfOf(index, 'magnet')).toBeGreaterThan(idfOf(index, 'ice'));
    expect(idfOf(index, '167')).toBeGreaterThan(idfOf(index, 'arrested'));
    for (const a of index.articles.values()) {
      for (const span of a.spans) {
        for (const f of span.frames) expect(a.text.slice(f.start, f.end)).toBe(f.raw);
      }
    }
  });

  it('updates incrementally: adding then removing an article leaves the same statistics', () => {
    const inc = buildCorpusIndex(seeds.slice(0, 4).map((s) => ({ id: s.id, text: s.canonical })));
    const last = seeds[4]!;
    addArticle(inc, { id: last.id, text: last.canonical });
    expect(inc.sentences).toBe(index.sentences);
    expect([...inc.df].sort()).toEqual([...index.df].sort());
    const q = {
      articleId: seeds[0]!.id,
      text: '104 are previously deported criminal aliens',
      kind: 'claim' as const,
    };
    expect(suggestMatches(inc, q)).toEqual(suggestMatches(index, q));
    removeArticle(inc, last.id);
    expect(inc.articles.has(last.id)).toBe(false);
    expect(suggestMatches(inc, q).some((s) => s.articleId === last.id)).toBe(false);
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
