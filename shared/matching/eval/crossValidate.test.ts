import { describe, expect, it } from 'vitest';
import { crossValidate, topicFolds, weightGrid } from './crossValidate';
import type { Counts } from './protocol';
import { emptyCounts } from './protocol';

/** One topic's counts: `p1` of 10 pairs right at rank 1. */
const topic = (p1: number): Counts => ({ ...emptyCounts(), queries: 10, pairs: 10, p1, r3: p1 });

describe('topic cross-validation of the ranking constants', () => {
  it('makes every combination of the axes', () => {
    const grid = weightGrid({ lead: [4, 8], topic: [5, 10, 20] });
    expect(grid).toHaveLength(6);
    expect(grid).toContainEqual({ lead: 8, topic: 20 });
    expect(new Set(grid.map((w) => JSON.stringify(w))).size).toBe(6);
  });

  it('puts every topic in exactly one fold', () => {
    const folds = topicFolds(37, 5);
    expect(folds).toHaveLength(5);
    expect(folds.flat().sort((a, b) => a - b)).toEqual([...Array(37).keys()]);
    expect(Math.max(...folds.map((f) => f.length)) - Math.min(...folds.map((f) => f.length))).toBe(
      1,
    );
  });

  it('scores each fold with the point chosen without it', () => {
    // Point 0 is best on topics 0-3 and poor on topic 4; point 1 is the reverse. With a fold per
    // topic, topic 4 is scored by point 0 (chosen on 0-3) and so gets point 0's poor count,
    // although point 1 is best on it: the held-out figure cannot peek at its own topic.
    const counts = [
      [topic(9), topic(9), topic(9), topic(9), topic(1)],
      [topic(5), topic(5), topic(5), topic(5), topic(10)],
    ];
    const cv = crossValidate(counts, 5);
    expect(cv.folds.map((f) => f.chosen)).toEqual([0, 0, 0, 0, 0]);
    expect(cv.folds[4]!.counts.p1).toBe(1);
    expect(cv.heldOut.p1).toBe(9 * 4 + 1);
    expect(cv.heldOut.pairs).toBe(50);
    expect(cv.inSample.chosen).toBe(0);
  });

  it('lets a fold choose differently when its training topics disagree', () => {
    // Topic 0 is the only one where point 1 wins big; held out, the rest choose point 0 for it,
    // while the other folds (which see topic 0 in training) choose point 1.
    const counts = [
      [topic(2), topic(6), topic(6), topic(6)],
      [topic(10), topic(5), topic(5), topic(5)],
    ];
    const cv = crossValidate(counts, 4);
    expect(cv.folds.map((f) => f.chosen)).toEqual([0, 1, 1, 1]);
    expect(cv.heldOut.p1).toBe(2 + 5 + 5 + 5);
    expect(cv.inSample.chosen).toBe(1);
    expect(cv.inSample.counts.p1).toBe(25);
  });
});
