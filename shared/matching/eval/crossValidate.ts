/**
 * Topic cross-validation of the ranking constants (`npm run eval -- --cv`). The shipped
 * constants were chosen on the whole development set, so their figures there are in-sample and
 * flatter what unseen news will give. Here the topics are split into folds; for each fold the
 * constants are chosen on the other folds only and scored on the held-out one. The sum over
 * folds is what choosing constants this way gives on topics it never saw.
 * Pure: counts in, choice and figures out (evalCli.ts runs the matcher).
 */
import type { RankWeights } from '../types';
import type { Counts } from './protocol';
import { addCounts, emptyCounts } from './protocol';

export type Weights = Partial<RankWeights>;

/** Every combination of the listed values (the cartesian product of the axes). */
export function weightGrid(axes: { [K in keyof RankWeights]?: number[] }): Weights[] {
  let points: Weights[] = [{}];
  for (const [key, values] of Object.entries(axes) as [keyof RankWeights, number[]][]) {
    points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return points;
}

/** Topic indices per fold: topic i goes to fold i mod k (topics are in ECB+ order). */
export function topicFolds(topics: number, k: number): number[][] {
  const folds: number[][] = Array.from({ length: Math.min(k, topics) }, () => []);
  for (let i = 0; i < topics; i++) folds[i % folds.length]!.push(i);
  return folds;
}

const rate = (a: number, b: number) => (b ? a / b : 0);

/** Better on P@1, then R@3, then fewer other-event tops; earlier points win exact ties. */
function better(a: Counts, b: Counts): boolean {
  const d1 = rate(a.p1, a.pairs) - rate(b.p1, b.pairs);
  if (Math.abs(d1) > 1e-12) return d1 > 0;
  const d3 = rate(a.r3, a.pairs) - rate(b.r3, b.pairs);
  if (Math.abs(d3) > 1e-12) return d3 > 0;
  return rate(a.otherEvent, a.queries) < rate(b.otherEvent, b.queries);
}

/** Counts of several topics added up. */
export const sumCounts = (list: Counts[]) => list.reduce(addCounts, emptyCounts());

export interface FoldResult {
  /** Indices of the held-out topics. */
  heldOut: number[];
  /** Index into the grid of the point chosen on the other folds. */
  chosen: number;
  /** The chosen point's counts on the held-out topics. */
  counts: Counts;
}

export interface CrossValidation {
  folds: FoldResult[];
  /** Held-out counts summed over the folds: every topic scored once, never by its own choice. */
  heldOut: Counts;
  /** The point chosen on all topics (in-sample), for comparison. */
  inSample: { chosen: number; counts: Counts };
}

/**
 * `counts[p][t]`: the counts of grid point p on topic t. For each fold, picks the point that is
 * best on the other folds' topics and reports it on the fold's own topics.
 */
export function crossValidate(counts: Counts[][], k: number): CrossValidation {
  const topics = counts[0]?.length ?? 0;
  const bestOn = (ids: number[]) => {
    let chosen = 0;
    let best: Counts | undefined;
    counts.forEach((perTopic, p) => {
      const c = sumCounts(ids.map((t) => perTopic[t]!));
      if (!best || better(c, best)) {
        best = c;
        chosen = p;
      }
    });
    return chosen;
  };
  const folds = topicFolds(topics, k).map((heldOut): FoldResult => {
    const held = new Set(heldOut);
    const training = [...Array(topics).keys()].filter((t) => !held.has(t));
    const chosen = bestOn(training);
    return { heldOut, chosen, counts: sumCounts(heldOut.map((t) => counts[chosen]![t]!)) };
  });
  const all = [...Array(topics).keys()];
  const inSampleChoice = bestOn(all);
  return {
    folds,
    heldOut: sumCounts(folds.map((f) => f.counts)),
    inSample: {
      chosen: inSampleChoice,
      counts: sumCounts(all.map((t) => counts[inSampleChoice]![t]!)),
    },
  };
}
