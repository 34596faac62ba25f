import { describe, expect, it } from 'vitest';
import { seed } from '../testing/seeds';
import { extractNumbers, numbersCompatible } from './numbers';
import type { ExtractedNumber } from './types';

const one = (text: string): ExtractedNumber => {
  const found = extractNumbers(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('extractNumbers', () => {
  it('reads digits with thousands separators, the qualifier and the counted noun', () => {
    const text = 'an even bigger operation that was to target over 8,400 undocumented immigrants';
    const n = one(text);
    expect(n).toMatchObject({
      value: 8400,
      qualifier: 'over',
      approximation: 'exact',
      unit: 'immigr',
    });
    expect(n.raw).toBe('over 8,400');
    expect(text.slice(n.start, n.end)).toBe(n.raw);
    expect(text.slice(n.valueStart, n.valueEnd)).toBe('8,400');
  });

  it('reads number words, hyphenated compounds and figures glued to their unit', () => {
    expect(one('Eighty-six of the convictions were for driving')).toMatchObject({
      value: 86,
      unit: 'convict',
    });
    expect(one('Eighteen individuals arrested in the operation')).toMatchObject({
      value: 18,
      unit: 'individu',
    });
    expect(one('its four-day “Safe City” operation')).toMatchObject({ value: 4, unit: 'dai' });
    expect(one('two hundred and five people')).toMatchObject({ value: 205, unit: 'peopl' });
    expect(one('some 1.5 million people')).toMatchObject({
      value: 1_500_000,
      approximation: 'around',
    });
  });

  it('records approximations and bounds', () => {
    expect(one('Nearly 500 people across the United States')).toMatchObject({
      value: 500,
      qualifier: 'nearly',
      approximation: 'below',
      raw: 'Nearly 500',
    });
    expect(one('arrested almost 500 undocumented immigrants').approximation).toBe('below');
    expect(one('about 300 cases').approximation).toBe('around');
    expect(one('At least 101 arrests were made')).toMatchObject({
      value: 101,
      qualifier: 'at least',
      approximation: 'exact',
      unit: 'arrest',
    });
  });

  it('skips dates, decades and the pronoun "one"; marks years', () => {
    expect(
      extractNumbers('date 2017-09-28 Nearly 500 criminal illegal aliens').map((n) => n.value),
    ).toEqual([500]);
    expect(extractNumbers('around since the 1980s when Berkeley')).toEqual([]);
    expect(extractNumbers('huge raids like the one this week')).toEqual([]);
    expect(one('released from Ventura County custody in 2015 despite')).toMatchObject({
      kind: 'year',
      value: 2015,
    });
  });

  it('finds every figure of a seed article with exact offsets', () => {
    const text = seed('003').canonical;
    const found = extractNumbers(text);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.raw);
    const values = found.map((n) => n.value);
    for (const v of [500, 10, 167, 107, 28, 30, 63, 45, 33, 27, 14, 50, 8400, 2025]) {
      expect(values, String(v)).toContain(v);
    }
    expect(found.find((n) => n.value === 167)!.unit).toBe('arrest');
    expect(found.find((n) => n.value === 2025)!.kind).toBe('year');
  });
});

describe('numbersCompatible', () => {
  const n = (text: string) => one(text);
  it('treats an approximation within 5% as the same figure', () => {
    expect(numbersCompatible(n('nearly 500'), n('498'))).toBe(true);
    expect(numbersCompatible(n('498'), n('almost 500'))).toBe(true);
    expect(numbersCompatible(n('nearly 500'), n('almost 500'))).toBe(true);
    expect(numbersCompatible(n('about 500'), n('520'))).toBe(true);
  });
  it('keeps different stated figures apart', () => {
    expect(numbersCompatible(n('498'), n('500'))).toBe(false);
    expect(numbersCompatible(n('nearly 500'), n('450'))).toBe(false);
    expect(numbersCompatible(n('nearly 500'), n('505'))).toBe(false);
    expect(numbersCompatible(n('about 500'), n('530'))).toBe(false);
    expect(numbersCompatible(n('at least 101'), n('167'))).toBe(false);
    expect(numbersCompatible(n('at least 101'), n('101'))).toBe(true);
    expect(numbersCompatible(n('in 2015 despite'), n('2015 arrests'))).toBe(false);
  });
});
