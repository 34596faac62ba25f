import { describe, expect, it } from 'vitest';
import { seed } from '../testing/seeds';
import { findEntities, isKeyToken, keyTerms, tokenize } from './tokens';

describe('tokenize', () => {
  it('gives offsets, normalised forms, stems and stop-word flags', () => {
    const text = 'ICE’s goal is to build cooperative relationships in the U.S.';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.norm)).toEqual([
      'ice', 'goal', 'is', 'to', 'build', 'cooperative', 'relationships', 'in', 'the', 'u.s.',
    ]); // prettier-ignore
    expect(tokens.find((t) => t.norm === 'relationships')!.stem).toBe('relationship');
    expect(tokens.filter((t) => t.stop).map((t) => t.norm)).toEqual(['is', 'to', 'in', 'the']);
  });

  it('keeps figures and stop words out of key terms, and stems the rest', () => {
    expect(keyTerms('Eighteen of the 498 arrests; they were arrested')).toEqual([
      'arrest',
      'arrest',
    ]);
    const four = tokenize('four-day operation').find((t) => t.norm === 'four')!;
    expect(isKeyToken(four)).toBe(false);
  });
});

describe('findEntities', () => {
  it('finds names, acronyms and multi-word places in a seed article', () => {
    const keys = findEntities(seed('003').canonical).map((e) => e.key);
    for (const k of [
      'ice',
      'tom homan',
      'los angeles',
      'philadelphia',
      'santa clara county',
      'nbc news',
    ]) {
      expect(keys, k).toContain(k);
    }
  });

  it('skips capitalised sentence openers but keeps list items and acronyms', () => {
    expect(findEntities('Nearly 500 people were arrested.').map((e) => e.key)).toEqual([]);
    expect(findEntities('Denver, Colorado (63)').map((e) => e.key)).toEqual(['denver', 'colorado']);
    expect(findEntities('ICE arrested nearly 500 people').map((e) => e.key)).toEqual(['ice']);
    expect(findEntities('The Times said so').map((e) => e.key)).toEqual(['times']);
  });

  it('never runs a name across a line break', () => {
    const text = 'Happened 17 Years Ago\nICE Acting Director Tom Homan said';
    for (const e of findEntities(text)) expect(text.slice(e.start, e.end)).not.toContain('\n');
  });
});
