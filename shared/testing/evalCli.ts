// `npm run eval` (scripts/eval.mjs bundles this file): prints the matching figures on the ECB+
// development set and the seeds for our matcher and the TF-IDF baseline, computed in the same run,
// and conflict precision/recall on the labelled conflict set. Not a test; no timing.
import { evaluateConflictSet } from '../matching/eval/conflictEval';
import { compareNlpLibraries } from '../matching/eval/nlpChoice';
import { mayStateFigure } from '../matching/frames';
import { ourMatcher } from '../matching/eval/ours';
import type { Counts } from '../matching/eval/protocol';
import {
  addCounts,
  cutForShare,
  emptyCounts,
  evaluateTopic,
  shareAtLeast,
} from '../matching/eval/protocol';
import { evaluateSeeds, type SeedCase } from '../matching/eval/seeds';
import { tfidfMatcher } from '../matching/eval/tfidf';
import type { Matcher } from '../matching/eval/types';
import fixture from '../matching/fixtures/seed-matches.json';
import { loadEcbTopics } from './ecbplus';
import { printCrossValidation } from './evalCrossValidation';
import { loadSeeds } from './seeds';

const f3 = (x: number) => x.toFixed(3);
const rate = (a: number, b: number) => (b ? f3(a / b) : ' n/a ');

function row(label: string, c: Counts, cut: number, otherEvent = true): string {
  return [
    label.padEnd(26),
    String(c.queries).padStart(7),
    String(c.pairs).padStart(6),
    rate(c.p1, c.pairs).padStart(6),
    rate(c.r3, c.pairs).padStart(6),
    (otherEvent ? rate(c.otherEvent, c.queries) : ' n/a ').padStart(7),
    f3(cut).padStart(6),
    f3(shareAtLeast(c.goldScores, cut)).padStart(7),
    f3(shareAtLeast(c.foreignScores, cut)).padStart(7),
  ].join('  ');
}

const HEADER = [
  'system'.padEnd(26),
  'queries',
  ' pairs',
  '   P@1',
  '   R@3',
  ' other-ev',
  '  cut',
  ' shown',
  ' false-hi',
].join('  ');

function main(): void {
  const args = process.argv.slice(2);
  const perTopic = args.includes('--per-topic');
  const topics = loadEcbTopics();
  if (args.includes('--cv')) {
    printCrossValidation(topics);
    return;
  }
  const matchers: Matcher[] = [ourMatcher, tfidfMatcher];
  const totals = new Map<string, Counts>(matchers.map((m) => [m.name, emptyCounts()]));
  console.log(`ECB+ development set: ${topics.length} topics`);
  if (perTopic) console.log(`topic  ${HEADER}`);
  topics.forEach((topic, i) => {
    // Three articles of the next topic join the library: they state nothing in common.
    const foreign = topics[(i + 1) % topics.length]!.articles.slice(0, 3).map((a) => ({
      id: `foreign:${a.id}`,
      text: a.text,
    }));
    for (const m of matchers) {
      const c = evaluateTopic(topic, m, { foreign });
      totals.set(m.name, addCounts(totals.get(m.name)!, c));
      if (perTopic) console.log(`${topic.topic.padStart(5)}  ${row(m.name, c, m.cut)}`);
    }
  });
  const ours = totals.get(ourMatcher.name)!;
  if (args.includes('--sweep')) {
    for (const cut of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]) {
      console.log(
        `cut ${f3(cut)}: shown ${f3(shareAtLeast(ours.goldScores, cut))}, false-hi ${f3(shareAtLeast(ours.foreignScores, cut))}`,
      );
    }
  }
  const base = totals.get(tfidfMatcher.name)!;
  // The baseline has no calibrated cut: read it at the cut that shows as many gold pairs as ours.
  const baseCut = cutForShare(base.goldScores, shareAtLeast(ours.goldScores, ourMatcher.cut));
  console.log(HEADER);
  console.log(row(ourMatcher.name, ours, ourMatcher.cut));
  console.log(row(`${tfidfMatcher.name} (same shown)`, base, baseCut));
  console.log(
    `targets: P@1 >= ${f3(base.p1 / base.pairs + 0.1)}, R@3 >= ${f3(base.r3 / base.pairs)}, ` +
      `other-event < ${f3(base.otherEvent / base.queries / 2)}`,
  );

  const seeds = loadSeeds().map((s) => ({ id: s.id, text: s.canonical }));
  const cases = fixture.cases as SeedCase[];
  const sOurs = evaluateSeeds(seeds, cases, ourMatcher);
  const sBase = evaluateSeeds(seeds, cases, tfidfMatcher);
  const sBaseCut = cutForShare(sBase.goldScores, shareAtLeast(sOurs.goldScores, ourMatcher.cut));
  console.log(`\nSeeds (shared/matching/fixtures/seed-matches.json): ${cases.length} cases`);
  console.log(HEADER);
  console.log(row(ourMatcher.name, sOurs, ourMatcher.cut, false));
  console.log(row(`${tfidfMatcher.name} (same shown)`, sBase, sBaseCut, false));

  const conflicts = evaluateConflictSet();
  console.log(`\nConflict set (shared/matching/eval/conflict-set.json): ${conflicts.total} pairs`);
  console.log(
    `precision ${f3(conflicts.precision)}  recall ${f3(conflicts.recall)}  ` +
      `(tp ${conflicts.tp}, fp ${conflicts.fp}, fn ${conflicts.fn}, tn ${conflicts.tn})`,
  );
  for (const m of conflicts.mistakes) console.log(`  wrong: ${m}`);
  // Which NLP library types figures best: the labelled figures, and speed on 1,000 real lines.
  const lines = topics
    .flatMap((t) => t.articles.flatMap((a) => a.text.split('\n')))
    .filter((l) => mayStateFigure(l) && /\d/.test(l))
    .slice(0, 1000);
  console.log(
    `\nNLP libraries typing figures (shared/matching/eval/nlpChoice.ts): labelled figures, and ms per line on ${lines.length} ECB+ lines with digits`,
  );
  console.log(`${'library'.padEnd(31)}  correct   counts kept  false counts  ms/line`);
  for (const r of compareNlpLibraries(lines)) {
    console.log(
      `${r.library.padEnd(31)}  ${`${r.correct}/${r.figures}`.padStart(7)}  ${`${r.countsKept}/${r.counts}`.padStart(12)}  ${String(r.falseCounts).padStart(12)}  ${r.msPerLine.toFixed(2).padStart(7)}`,
    );
    if (r.mistakes.length) console.log(`  wrong: ${r.mistakes.join('; ')}`);
  }
  console.log(
    '\nshown = share of gold pairs whose gold span scores at or above the cut; false-hi = share of ' +
      'articles that state nothing in common (ECB+: 3 articles of another topic added to each ' +
      'library; seeds: articles the case does not list) that get a suggestion at or above the cut.',
  );
}

main();
