import type { EcbTopic, Matcher, Ranked } from './types';

/** Counts of one topic (or summed), as baseline.py's Counter plus the calibration figures. */
export interface Counts {
  queries: number;
  pairs: number;
  p1: number;
  r3: number;
  /** Queries whose single top suggestion (all other articles) is from the other subtopic. */
  otherEvent: number;
  /** Per (query, gold article) pair: the score of its best-ranked gold span (0 if none). */
  goldScores: number[];
  /** Per (query, article of another topic) pair: its best score (states nothing in common). */
  foreignScores: number[];
}

export const emptyCounts = (): Counts => ({
  queries: 0,
  pairs: 0,
  p1: 0,
  r3: 0,
  otherEvent: 0,
  goldScores: [],
  foreignScores: [],
});

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    queries: a.queries + b.queries,
    pairs: a.pairs + b.pairs,
    p1: a.p1 + b.p1,
    r3: a.r3 + b.r3,
    otherEvent: a.otherEvent + b.otherEvent,
    goldScores: [...a.goldScores, ...b.goldScores],
    foreignScores: [...a.foreignScores, ...b.foreignScores],
  };
}

/** Share of `scores` at or above `cut`. */
export const shareAtLeast = (scores: number[], cut: number): number =>
  scores.length ? scores.filter((s) => s >= cut).length / scores.length : 0;

/** The highest cut that still shows `share` of the gold pairs (to compare at equal recall). */
export function cutForShare(goldScores: number[], share: number): number {
  const sorted = [...goldScores].sort((a, b) => b - a);
  const k = Math.max(0, Math.ceil(share * sorted.length) - 1);
  return sorted[k] ?? 0;
}

/** A span hits a sentence when they overlap by at least half of the shorter of the two. */
export function hitsSentence(
  span: { start: number; end: number },
  sentence: readonly [number, number],
): boolean {
  const overlap = Math.min(span.end, sentence[1]) - Math.max(span.start, sentence[0]);
  const shorter = Math.min(span.end - span.start, sentence[1] - sentence[0]);
  return overlap > 0 && overlap >= shorter / 2;
}

/** Queries of the suggested protocol: annotated sentences -> their event instances. */
export function queryEvents(topic: EcbTopic): Map<string, Set<string>> {
  const annotated = new Set(topic.articles.flatMap((a) => a.annotated.map((s) => `${a.id}#${s}`)));
  const events = new Map<string, Set<string>>();
  for (const inst of topic.instances) {
    if (inst.kind !== 'event') continue;
    for (const m of inst.mentions) {
      const key = `${m.article}#${m.sentence}`;
      if (!annotated.has(key)) continue;
      let set = events.get(key);
      if (!set) events.set(key, (set = new Set()));
      set.add(inst.id);
    }
  }
  return events;
}

const splitKey = (key: string): [string, number] => {
  const i = key.lastIndexOf('#');
  return [key.slice(0, i), Number(key.slice(i + 1))];
};

export interface EvaluateOptions {
  /** Articles of another topic added to the library to measure false highs (may be empty). */
  foreign?: { id: string; text: string }[];
  /** Only every n-th query (1 = all); the floor unit test uses a subset. */
  every?: number;
}

/**
 * The suggested protocol of the ECB+ README, for any matcher: per topic one library of all its
 * articles (both subtopics); queries are annotated sentences sharing an event instance with an
 * annotated sentence of another article of the same subtopic; per (query, other article) pair the
 * gold is that article's annotated sentences sharing an instance. P@1: the article's top span hits
 * gold; R@3: one of its top three does; other-event: the overall top span is from the other
 * subtopic. Calibration: the best gold score per pair, and the best score in each article of
 * another topic added to the library (it states nothing in common), to read off at any cut.
 */
export function evaluateTopic(
  topic: EcbTopic,
  matcher: Matcher,
  opts: EvaluateOptions = {},
): Counts {
  const r = emptyCounts();
  const arts = new Map(topic.articles.map((a) => [a.id, a]));
  const events = queryEvents(topic);
  const library = topic.articles.map((a) => ({ id: a.id, text: a.text }));
  const search = matcher.index(library);
  const foreign = opts.foreign ?? [];
  const foreignSearch = foreign.length > 0 ? matcher.index([...library, ...foreign]) : null;
  const foreignIds = new Set(foreign.map((a) => a.id));
  const keys = [...events.keys()].sort((a, b) => {
    const [aa, as] = splitKey(a);
    const [ba, bs] = splitKey(b);
    return aa < ba ? -1 : aa > ba ? 1 : as - bs;
  });
  let n = 0;
  for (const key of keys) {
    const [qa, qs] = splitKey(key);
    const qEvents = events.get(key)!;
    const sub = arts.get(qa)!.subtopic;
    const gold = new Map<string, Set<number>>();
    for (const [other, e] of events) {
      const [a, s] = splitKey(other);
      if (a === qa || arts.get(a)!.subtopic !== sub) continue;
      if (![...e].some((id) => qEvents.has(id))) continue;
      let set = gold.get(a);
      if (!set) gold.set(a, (set = new Set()));
      set.add(s);
    }
    if (gold.size === 0) continue;
    if (n++ % (opts.every ?? 1) !== 0) continue;
    const qArticle = arts.get(qa)!;
    const [qStart, qEnd] = qArticle.sentences[qs]!;
    const query = qArticle.text.slice(qStart, qEnd);
    r.queries++;
    const ranked = search(qa, query);
    const byArticle = new Map<string, Ranked[]>();
    for (const c of ranked) {
      let list = byArticle.get(c.articleId);
      if (!list) byArticle.set(c.articleId, (list = []));
      list.push(c);
    }
    for (const [a, g] of gold) {
      const sentences = arts.get(a)!.sentences;
      const isGold = (c: Ranked) => [...g].some((s) => hitsSentence(c, sentences[s]!));
      const top = byArticle.get(a) ?? [];
      r.pairs++;
      if (top[0] && isGold(top[0])) r.p1++;
      if (top.slice(0, 3).some(isGold)) r.r3++;
      r.goldScores.push(top.find(isGold)?.score ?? 0);
    }
    const best = ranked[0];
    if (best && arts.get(best.articleId)!.subtopic !== sub) r.otherEvent++;
    if (foreignSearch) {
      const best = new Map<string, number>();
      for (const c of foreignSearch(qa, query)) {
        if (foreignIds.has(c.articleId) && !best.has(c.articleId)) best.set(c.articleId, c.score);
      }
      for (const a of foreign) r.foreignScores.push(best.get(a.id) ?? 0);
    }
  }
  return r;
}
