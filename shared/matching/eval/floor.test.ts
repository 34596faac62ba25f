import { describe, expect, it } from 'vitest';
import { ecbplusAvailable, loadEcbTopics } from '../../testing/ecbplus';
import { ourMatcher } from './ours';
import { addCounts, emptyCounts, evaluateTopic } from './protocol';
import { tfidfMatcher } from './tfidf';

/*
 * A floor on the ECB+ development-set figures, well below what `npm run eval` prints (full set:
 * P@1 0.752, R@3 0.944, other-event 0.036), so it catches regressions, not noise. For speed it
 * scores every third query of every topic (about 520 of 1,560); no timing is asserted.
 */
describe.runIf(ecbplusAvailable())('ECB+ development-set floor (every third query)', () => {
  it('ranks better than the TF-IDF baseline and rarely picks the other event', () => {
    let ours = emptyCounts();
    let base = emptyCounts();
    for (const topic of loadEcbTopics()) {
      ours = addCounts(ours, evaluateTopic(topic, ourMatcher, { every: 3 }));
      base = addCounts(base, evaluateTopic(topic, tfidfMatcher, { every: 3 }));
    }
    const p1 = ours.p1 / ours.pairs;
    const r3 = ours.r3 / ours.pairs;
    const otherEvent = ours.otherEvent / ours.queries;
    console.log(
      `ECB+ subset: ${ours.queries} queries, ${ours.pairs} pairs; P@1 ${p1.toFixed(3)} ` +
        `(TF-IDF ${(base.p1 / base.pairs).toFixed(3)}), R@3 ${r3.toFixed(3)}, other-event ${otherEvent.toFixed(3)}`,
    );
    expect(ours.queries).toBeGreaterThan(400);
    expect(p1).toBeGreaterThanOrEqual(0.7);
    expect(p1).toBeGreaterThanOrEqual(base.p1 / base.pairs + 0.05);
    expect(r3).toBeGreaterThanOrEqual(0.9);
    expect(otherEvent).toBeLessThanOrEqual(0.06);
  }, 120_000);
});
