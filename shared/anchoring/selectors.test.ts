import { describe, expect, it } from 'vitest';
import {
  buildQuoteSelector,
  makeSelectors,
  QUOTE_CONTEXT_CHARS,
  SelectorRangeError,
  selectorsMatch,
  trimRange,
} from './selectors';
import { seed } from '../testing/seeds';

describe('selectors', () => {
  const text = seed('000').canonical;

  it('builds W3C quote selectors with prefix and suffix context', () => {
    const exact = 'The operation saw 498 individuals from 42 countries arrested';
    // The lead sentence appears twice in seed 000; the second copy's context tells them apart.
    const second = text.indexOf(exact, 1);
    expect(second).toBeGreaterThan(0);
    const first = buildQuoteSelector(text, 0, exact.length);
    const again = buildQuoteSelector(text, second, second + exact.length);
    expect(first.exact).toBe(exact);
    expect(again.exact).toBe(exact);
    expect(first.prefix).toBe('');
    expect(again.prefix).toHaveLength(QUOTE_CONTEXT_CHARS);
    expect(again.prefix).toBe(text.slice(second - QUOTE_CONTEXT_CHARS, second));
    expect(again.suffix).toBe(
      text.slice(second + exact.length, second + exact.length + QUOTE_CONTEXT_CHARS),
    );
  });

  it('refuses offsets outside the text', () => {
    expect(() => makeSelectors(text, -1, 4)).toThrow(SelectorRangeError);
    expect(() => makeSelectors(text, 5, text.length + 1)).toThrow(/outside the text/);
    expect(() => makeSelectors(text, 5, 5)).toThrow(SelectorRangeError);
  });

  it('never splits a surrogate pair in the context', () => {
    const t = 'ab😀cd';
    const q = buildQuoteSelector(t, 4, 5, 1);
    expect(q.prefix).toBe('😀');
  });

  it('trims white space taken by the mouse', () => {
    expect(trimRange(' hello \n', 0, 8)).toEqual({ start: 1, end: 6 });
    expect(trimRange('  \n ', 0, 4)).toBeNull();
    expect(trimRange('abc', 3, 0)).toEqual({ start: 0, end: 3 });
  });

  it('detects when stored selectors no longer match the text', () => {
    const s = makeSelectors(text, 4, 13);
    expect(selectorsMatch(text, s.position, s.quote)).toBe(true);
    expect(selectorsMatch('X' + text, s.position, s.quote)).toBe(false);
  });
});
