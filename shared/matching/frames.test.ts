import { describe, expect, it } from 'vitest';
import { loadEcbTopics } from '../testing/ecbplus';
import { seed } from '../testing/seeds';
import { extractFrames, framesAgree, type QuantityFrame } from './frames';

const brief = (f: QuantityFrame) => [f.raw, f.type, f.event ?? f.head ?? f.unit, f.interval];
const framesOf = (text: string) => extractFrames(text).map(brief);

/** A sentence quoted from a seed, asserted present so the tests use real copy. */
function fromSeed(prefix: string, text: string): string {
  expect(seed(prefix).canonical).toContain(text);
  return text;
}

describe('extractFrames on the issue’s sentences', () => {
  it('reads the figure after a verb and what it counts (killing 10, injuring 80)', () => {
    expect(
      framesOf('The blast ripped through the market, killing 10 people and injuring 80.'),
    ).toEqual([
      ['10', 'count', 'killed', [10, 10]],
      ['80', 'count', 'injured', [80, 80]],
    ]);
  });

  it('reads number words, passive verbs, "about" and hurt = injured', () => {
    const [ten, fifty] = extractFrames(
      'Ten people are killed and about 50 hurt in the market blast.',
    );
    expect(brief(ten!)).toEqual(['Ten', 'count', 'killed', [10, 10]]);
    expect(fifty!.raw).toBe('about 50');
    expect(fifty!.event).toBe('injured');
    expect(fifty!.interval[0]).toBeCloseTo(45);
    expect(fifty!.interval[1]).toBeCloseTo(55);
  });

  it('a death toll counts the killed', () => {
    expect(framesOf('The tsunami left a death toll of 170,000 around the Indian Ocean.')).toEqual([
      ['170,000', 'count', 'killed', [170000, 170000]],
    ]);
  });

  it('dates and distances are their own types and never a head count', () => {
    const dated = extractFrames('On July 2, 2013, two people died.');
    expect(dated.map((f) => f.type)).toEqual(['date', 'count']);
    const far = extractFrames(
      'The quake was centred about 320 kilometres (200 miles) from the capital; more than 200 were injured.',
    );
    expect(far.map((f) => [f.raw, f.type, f.unit ?? f.event])).toEqual([
      ['about 320', 'measure', 'kilometer'],
      ['200', 'measure', 'mile'],
      ['more than 200', 'count', 'injured'],
    ]);
    expect(framesAgree(far[1]!, far[2]!)).toBe('unrelated');
    expect(far[2]!.interval).toEqual([200, Infinity]);
  });
});

describe('extractFrames on the seeds', () => {
  it('498 people and "nearly 500" arrests agree; "at least 101" is a lower bound', () => {
    const [total] = extractFrames(
      fromSeed('000', 'The operation saw 498 individuals from 42 countries arrested'),
    );
    const [nearly] = extractFrames(
      fromSeed('003', 'ICE arrested nearly 500 people during 10 coast-to-coast raids'),
    );
    expect(brief(total!)).toEqual(['498', 'count', 'people', [498, 498]]);
    expect(brief(nearly!)).toEqual(['nearly 500', 'count', 'arrested', [450, 500]]);
    expect(framesAgree(total!, nearly!)).toBe('agree');
    const [atLeast] = extractFrames(
      fromSeed('004', 'At least 101 arrests were made in Los Angeles County'),
    );
    const [times] = extractFrames(fromSeed('003', 'The Times said 167 arrests were made'));
    expect(atLeast!.interval).toEqual([101, Infinity]);
    expect(framesAgree(atLeast!, times!)).toBe('consistent');
  });
});

describe('extractFrames on ECB+ sentences', () => {
  const topic38 = loadEcbTopics().find((t) => t.topic === '38')!;
  const line = (article: string, n: number) =>
    topic38.articles.find((a) => a.id === article)!.text.split('\n')[n]!;

  it('a magnitude is a measure, a depth in miles another, the time a time', () => {
    const first = line('38_1ecb', 0);
    expect(first).toContain('magnitude of 4.4');
    expect(
      extractFrames(first)
        .filter((f) => f.type !== 'time')
        .map(brief),
    ).toEqual([['4.4', 'measure', 'magnitude', [4.4, 4.4]]]);
    const second = extractFrames(line('38_1ecb', 1));
    expect(second.map((f) => [f.raw, f.type, f.unit])).toEqual([
      ['about 9:30 a.m.', 'time', null],
      ['2.7', 'measure', 'mile'],
    ]);
  });
});
