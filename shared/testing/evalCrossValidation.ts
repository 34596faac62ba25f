// `npm run eval -- --cv`: the ranking constants chosen by topic cross-validation on the ECB+
// development set (shared/matching/eval/crossValidate.ts), against the shipped constants on the
// same topics. Slow (every grid point runs every query), so it is not part of the default eval.
import type { CorpusIndex } from '../matching/corpus';
import { crossValidate, sumCounts, weightGrid, type Weights } from '../matching/eval/crossValidate';
import { weightedMatcher } from '../matching/eval/ours';
import type { Counts } from '../matching/eval/protocol';
import { evaluateTopic } from '../matching/eval/protocol';
import type { EcbTopic } from '../matching/eval/types';
import { RANK_WEIGHTS } from '../matching/suggest';

/** Around the shipped constants: half, as shipped and double (damping also off). */
const AXES = {
  lead: [4, 8, 16],
  queryDepthDamping: [0, 0.3, 0.6],
  topic: [5, 10, 20],
  figureBonus: [0.25, 0.5, 1],
};
const FOLDS = 5;

const f3 = (x: number) => x.toFixed(3);
const show = (w: Weights) =>
  `lead ${w.lead}, damping ${w.queryDepthDamping}, topic ${w.topic}, figures ${w.figureBonus}`;
const figures = (c: Counts) =>
  `P@1 ${f3(c.p1 / c.pairs)}  R@3 ${f3(c.r3 / c.pairs)}  other-ev ${f3(c.otherEvent / c.queries)}`;

export function printCrossValidation(topics: EcbTopic[]): void {
  const grid = weightGrid(AXES);
  const shipped = grid.findIndex((w) =>
    (Object.keys(AXES) as (keyof typeof AXES)[]).every((k) => w[k] === RANK_WEIGHTS[k]),
  );
  if (shipped < 0) throw new Error('the grid must hold the shipped constants');
  const cache = new Map<string, CorpusIndex>();
  const counts = grid.map((weights, p) => {
    process.stderr.write(`\rgrid point ${p + 1}/${grid.length}`);
    const m = weightedMatcher(weights, cache);
    return topics.map((topic) => evaluateTopic(topic, m));
  });
  process.stderr.write('\n');
  const cv = crossValidate(counts, FOLDS);
  console.log(
    `\nTopic cross-validation of the ranking constants: ${grid.length} grid points, ${FOLDS} folds of ${topics.length} topics (chosen on 4 folds, scored on the 5th)`,
  );
  cv.folds.forEach((f, i) =>
    console.log(
      `fold ${i + 1} (${f.heldOut.length} topics): ${figures(f.counts)}  chosen: ${show(grid[f.chosen]!)}`,
    ),
  );
  const shippedAll = sumCounts(counts[shipped]!);
  console.log(
    `held out (every topic scored by constants chosen without it): ${figures(cv.heldOut)}`,
  );
  console.log(`shipped constants (in-sample):                              ${figures(shippedAll)}`);
  console.log(
    `best on all topics (in-sample):                             ${figures(cv.inSample.counts)}  (${show(grid[cv.inSample.chosen]!)})`,
  );
}
