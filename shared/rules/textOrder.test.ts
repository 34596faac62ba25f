import { describe, expect, it } from 'vitest';
import { compareTextOrder, mergeRuns, type Positioned } from './textOrder';
import { finish } from './steps';

const row = (start: number, end: number, createdAt: number): Positioned => ({
  position: { start, end },
  createdAt,
});

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('mergeRuns', () => {
  it('merges sorted runs of any sizes into the order one sort gives', () => {
    const rnd = seeded(3);
    const runs: Positioned[][] = [];
    for (let r = 0; r < 7; r++) {
      const run: Positioned[] = [];
      const n = Math.floor(rnd() * 300);
      for (let i = 0; i < n; i++) {
        const start = Math.floor(rnd() * 50);
        run.push(row(start, start + Math.floor(rnd() * 5), Math.floor(rnd() * 1000)));
      }
      runs.push(run.sort(compareTextOrder));
    }
    const merged = finish(mergeRuns(runs, compareTextOrder, 17));
    expect(merged).toEqual(runs.flat().sort(compareTextOrder));
  });

  it('yields about every `step` rows placed, so a caller can give the frame back', () => {
    const runs = [0, 1, 2, 3].map((r) =>
      Array.from({ length: 1_000 }, (_, i) => row(i * 4 + r, i * 4 + r + 1, 0)),
    );
    const steps = mergeRuns(runs, compareTextOrder, 500);
    let yields = 0;
    let result = steps.next();
    while (!result.done) {
      yields++;
      result = steps.next();
    }
    // 4,000 rows placed twice (two levels of pairwise merges), a yield every 500.
    expect(yields).toBe(16);
    expect(result.value.map((a) => a.position.start)).toEqual(
      Array.from({ length: 4_000 }, (_, i) => i),
    );
  });

  it('keeps rows that compare equal in run order, and never hands back a caller’s array', () => {
    const a = [row(1, 2, 5)];
    const b = [row(1, 2, 5)];
    const merged = finish(mergeRuns([a, b], compareTextOrder));
    expect(merged[0]).toBe(a[0]);
    expect(merged[1]).toBe(b[0]);
    const single = finish(mergeRuns([[], a], compareTextOrder));
    expect(single).toEqual(a);
    expect(single).not.toBe(a);
    expect(finish(mergeRuns([], compareTextOrder))).toEqual([]);
  });
});
