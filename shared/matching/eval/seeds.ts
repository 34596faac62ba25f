import type { Counts } from './protocol';
import { emptyCounts, hitsSentence } from './protocol';
import type { Matcher, Ranked } from './types';

export interface SeedCase {
  id: string;
  kind: 'claim' | 'quote';
  query: { article: string; text: string };
  expected: { article: string; text: string }[];
}

/**
 * The seed fixture (../fixtures/seed-matches.json) under the same protocol: pairs are (case,
 * article with an expected span); an article the case does not list states nothing of it, so its
 * best score is a no-match score. Other-event does not apply (the seeds report one operation).
 */
export function evaluateSeeds(
  seeds: { id: string; text: string }[],
  cases: SeedCase[],
  matcher: Matcher,
): Counts {
  const r = emptyCounts();
  const search = matcher.index(seeds);
  const textOf = new Map(seeds.map((s) => [s.id, s.text]));
  const spansOf = (article: string, needle: string): [number, number][] => {
    const text = textOf.get(article)!;
    const out: [number, number][] = [];
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      out.push([i, i + needle.length]);
    }
    return out;
  };
  for (const c of cases) {
    r.queries++;
    const ranked = search(c.query.article, c.query.text);
    for (const s of seeds) {
      if (s.id === c.query.article) continue;
      const mine = ranked.filter((x) => x.articleId === s.id);
      const gold = c.expected
        .filter((e) => e.article === s.id)
        .flatMap((e) => spansOf(s.id, e.text));
      if (gold.length === 0) {
        r.foreignScores.push(mine[0]?.score ?? 0);
        continue;
      }
      const isGold = (x: Ranked) => gold.some((g) => hitsSentence(x, g));
      r.pairs++;
      if (mine[0] && isGold(mine[0])) r.p1++;
      if (mine.slice(0, 3).some(isGold)) r.r3++;
      r.goldScores.push(mine.find(isGold)?.score ?? 0);
    }
  }
  return r;
}
