import { describe, expect, it } from 'vitest';
import { loadSeeds, seed } from '../testing/seeds';
import { buildCorpusIndex } from './corpus';
import {
  findQuoteInSources,
  normalizeQuote,
  quoteChangeWords,
  quoteDiff,
  quoteIntegrity,
} from './quotes';

const seeds = loadSeeds();
const index = buildCorpusIndex(seeds.map((s) => ({ id: s.id, text: s.canonical })));
const MAGNET_002 =
  '“Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration,”';
const MAGNET_003 =
  '"Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration,"';
const MAGNET_000 =
  '“are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration.';

describe('normalizeQuote', () => {
  it('ignores quote marks, apostrophe style, punctuation and case', () => {
    expect(seed('002').canonical).toContain(MAGNET_002);
    expect(seed('003').canonical).toContain(MAGNET_003);
    expect(normalizeQuote(MAGNET_002)).toBe(normalizeQuote(MAGNET_003));
    expect(normalizeQuote('“ICE’s goal,” he said')).toBe(normalizeQuote("ice's GOAL he said."));
    expect(normalizeQuote(MAGNET_000)).not.toBe(normalizeQuote(MAGNET_002));
  });
});

describe('findQuoteInSources', () => {
  it('finds a verbatim quote in every article carrying it, with exact offsets', () => {
    const quote =
      'As a result, ICE is forced to dedicate more resources to conduct at-large arrests in these communities.';
    const found = findQuoteInSources(index, quote);
    expect(found.map((f) => f.articleId.slice(0, 3)).sort()).toEqual(['000', '002', '003']);
    for (const f of found) {
      expect(f.verbatim).toBe(true);
      const text = index.articles.get(f.articleId)!.text.slice(f.start, f.end);
      expect(normalizeQuote(text)).toBe(normalizeQuote(quote));
    }
  });

  it('finds an altered copy as near, not verbatim', () => {
    const altered = MAGNET_002.replace('magnet', 'haven');
    const found = findQuoteInSources(index, altered);
    expect(found.length).toBe(4); // 002, 003, 004 nearly whole; 000 truncated
    expect(found.every((f) => !f.verbatim)).toBe(true);
    expect(found[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('returns nothing for a quote no article carries', () => {
    expect(
      findQuoteInSources(index, 'We will never comment on operational matters at all'),
    ).toEqual([]);
  });
});

describe('quoteDiff', () => {
  it('shows a truncated copy (000 drops the opening words)', () => {
    const d = quoteDiff(MAGNET_002, MAGNET_000);
    expect(d.truncated).toBe(true);
    expect(d.altered).toBe(false);
    expect(d.parts[0]).toEqual({
      type: 'removed',
      text: 'sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons',
    });
  });

  it('shows altered words', () => {
    const d = quoteDiff(MAGNET_002, MAGNET_003.replace('magnet', 'haven'));
    expect(d.altered).toBe(true);
    expect(d.truncated).toBe(false);
    expect(d.parts.filter((p) => p.type !== 'same')).toEqual([
      { type: 'removed', text: 'magnet' },
      { type: 'added', text: 'haven' },
    ]);
  });

  it('sees no change between curly- and straight-quoted copies', () => {
    const d = quoteDiff(MAGNET_002, MAGNET_003);
    expect(d).toMatchObject({ altered: false, truncated: false });
    expect(d.parts.every((p) => p.type === 'same')).toBe(true);
  });
});

describe('quoteIntegrity', () => {
  it('passes a group whose copies differ only in quote marks', () => {
    const r = quoteIntegrity([
      { annotationId: 'a', text: MAGNET_002 },
      { annotationId: 'b', text: MAGNET_003 },
    ]);
    expect(r.differs).toBe(false);
    expect(r.variants).toHaveLength(1);
  });

  it('flags a group with a truncated copy and diffs it from the majority wording', () => {
    const r = quoteIntegrity([
      { annotationId: 'a', text: MAGNET_002 },
      { annotationId: 'b', text: MAGNET_000 },
      { annotationId: 'c', text: MAGNET_003 },
    ]);
    expect(r.differs).toBe(true);
    expect(r.variants.map((v) => v.annotationIds)).toEqual([['a', 'c'], ['b']]);
    expect(r.variants[1]!.diff!.truncated).toBe(true);
  });

  it('diffs against the fullest version, even when the cut copy is in the majority', () => {
    const r = quoteIntegrity([
      { annotationId: 'short1', text: MAGNET_000 },
      { annotationId: 'full', text: MAGNET_002 },
      { annotationId: 'short2', text: MAGNET_000 },
    ]);
    expect(r.variants.map((v) => v.annotationIds)).toEqual([['full'], ['short1', 'short2']]);
    expect(r.variants[1]!.diff!.changes).toEqual(['cut-start']);
  });
});

describe('quote change labels', () => {
  const GOAL_002 =
    '“ICE’s goal is to build cooperative, respectful relationships with our law enforcement partners';
  const GOAL_003 =
    '"ICE\'s goal is to build cooperative, respectful relationships with our law enforcement partners';

  it('never counts curly or straight quote marks and apostrophes', () => {
    expect(seed('002').canonical).toContain(GOAL_002);
    expect(seed('003').canonical).toContain(GOAL_003);
    expect(quoteDiff(GOAL_002, GOAL_003).changes).toEqual([]);
    expect(quoteDiff('‘It’s over,’ he said', "'It's over,' he said").changes).toEqual([]);
  });

  it('names each kind of change', () => {
    const cases: [string, string[]][] = [
      [MAGNET_002.replace('magnet', 'haven'), ['words changed']],
      [MAGNET_002.replace(' criminal aliens', ''), ['words dropped']],
      [MAGNET_002.replace('shielding', 'shielding violent'), ['words added']],
      [MAGNET_000, ['cut short at the start']],
      [
        MAGNET_002.replace(' and creating a magnet for illegal immigration', ''),
        ['cut short at the end'],
      ],
    ];
    for (const [copy, words] of cases) {
      expect(quoteDiff(MAGNET_002, copy).changes.map(quoteChangeWords)).toEqual(words);
    }
  });
});
