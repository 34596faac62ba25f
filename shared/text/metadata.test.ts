import { describe, expect, it } from 'vitest';
import { deriveMetadata, normalizeDate, titleFromText, truncateWords } from './metadata';
import { loadSeeds, seed } from '../testing/seeds';

describe('deriveMetadata on the seed articles', () => {
  it('gives every seed a readable title from its first sentence', () => {
    const titles = loadSeeds().map((s) => deriveMetadata(s.canonical).title);
    expect(titles).toEqual([
      'The operation saw 498 individuals from 42 countries arrested for federal immigration…',
      "States and cities that have openly opposed the government's deportation initiatives of…",
      'Nearly 500 criminal illegal aliens were arrested by U.S. Immigration and Customs…',
      'ICE arrested nearly 500 people during 10 coast-to-coast raids in so-called "sanctuary…',
      'Federal immigration agents made nearly 500 arrests of individuals wanted for deportation…',
    ]);
    for (const t of titles) expect(t.length).toBeLessThanOrEqual(90);
  });

  it('reads the leading date marker of seed 002 and removes it from the text', () => {
    const d = deriveMetadata(seed('002').canonical);
    expect(d.date).toBe('2017-09-28');
    expect(d.text.startsWith('Nearly 500 criminal illegal aliens')).toBe(true);
    expect(d.text.length).toBe(seed('002').canonical.length - 'date 2017-09-28 '.length);
  });

  it('finds the outlet in the copyright line of seed 003 and nowhere else', () => {
    expect(loadSeeds().map((s) => deriveMetadata(s.canonical).source)).toEqual([
      null,
      null,
      null,
      'Newsmax',
      null,
    ]);
  });

  it('prefers container hints over the text', () => {
    const d = deriveMetadata('Body text here.', {
      title: '  A  <b>title</b> ',
      date: '2020-02-29T10:00:00Z',
      source: 'AP.',
    });
    expect(d).toMatchObject({ title: 'A <b>title</b>', date: '2020-02-29', source: 'AP' });
  });

  it('falls back to the file name, then to a placeholder', () => {
    expect(deriveMetadata('', { fileName: 'la_times-report.txt' }).title).toBe('la times report');
    expect(deriveMetadata('').title).toBe('Untitled article');
  });
});

describe('helpers', () => {
  it('validates dates', () => {
    expect(normalizeDate('2017-09-28')).toBe('2017-09-28');
    expect(normalizeDate('September 28, 2017')).toBe('2017-09-28');
    expect(normalizeDate('2017-02-30')).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
  });

  it('cuts titles at word boundaries', () => {
    expect(truncateWords('one two three four', 12)).toBe('one two…');
    expect(titleFromText('Short one. Then more.')).toBe('Short one');
    expect(titleFromText('Agents in Portland, Ore. Arrested 33. More.')).toBe(
      'Agents in Portland, Ore. Arrested 33',
    );
  });
});
