import type { CorpusIndex, IndexedSpan } from './corpus';
import { firstTokenAt, idfOf, norms, wordCounts } from './corpus';
import { extractFrames, framesAgree } from './frames';
import { tokenize } from './tokens';
import type { Mark, MatchQuery, RankWeights, SuggestOptions, Suggestion } from './types';

/**
 * Ranking constants, chosen on the ECB+ development set from a coarse grid and stable around
 * these values (README "Ranking"): LEAD_WEIGHT 4-8 and TOPIC_WEIGHT 5-10 give the same figures
 * within 0.01.
 *
 * LEAD_WEIGHT: news restates its main claim in the headline and lead; a candidate on line i gets
 * 1 + LEAD_WEIGHT / (1 + i), damped by how deep the query itself is (a claim from paragraph 9 is
 * not a lead, so leads get less help).
 */
const LEAD_WEIGHT = 8;
const QUERY_DEPTH_DAMPING = 0.3;
/**
 * TOPIC_WEIGHT: the same event is told with the same names, places, dates and figures across a
 * whole article; a similar, different event is not. Each article's rank is multiplied by
 * exp(TOPIC_WEIGHT · cosine(query's article, candidate article)).
 */
const TOPIC_WEIGHT = 10;

/** Each figure that agrees with a query figure lifts the rank by this share (at most two). */
const FIGURE_BONUS = 0.5;
/**
 * The rank shown as 0.5, and the cut (DEFAULT_MIN_SCORE): chosen on the ECB+ development set so
 * that articles of another topic (which state nothing in common) rarely get a suggestion while
 * most gold restatements are shown (README "Calibration"; `npm run eval -- --sweep`).
 */
const RANK_AT_HALF = 3.5;
/** The calibrated cut on `Suggestion.score`: below it a candidate is not shown. */
export const DEFAULT_MIN_SCORE = 0.5;
/** The shipped constants, as one object (the eval's cross-validation varies them). */
export const RANK_WEIGHTS: Readonly<RankWeights> = {
  lead: LEAD_WEIGHT,
  queryDepthDamping: QUERY_DEPTH_DAMPING,
  topic: TOPIC_WEIGHT,
  figureBonus: FIGURE_BONUS,
  rankAtHalf: RANK_AT_HALF,
};
const DEFAULTS: Required<Omit<SuggestOptions, 'weights'>> = {
  limit: 20,
  perArticle: 3,
  minScore: DEFAULT_MIN_SCORE,
  exhaustive: false,
};

/** Word bigrams of normalised words (stop words kept: word order is what quotes preserve). */
export function wordBigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  if (words.length === 1) out.add(words[0]!);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/** Dice coefficient of two bigram sets: 1 for the same words in the same order. */
export function bigramDice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function overlapRatio(
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return 0;
  return overlap / Math.min(a.end - a.start, b.end - b.start);
}

interface Candidate {
  span: IndexedSpan;
  /** TF-IDF cosine of the span with the query (0..1). */
  cosine: number;
  /** Cosine of the span's article with the query's article (0..1). */
  topic: number;
  /** 1 + FIGURE_BONUS per query figure the span agrees with (at most two). */
  figures: number;
  /** Ordering key: cosine × lead prior × topic factor × figures. */
  rank: number;
  score: number;
}

/** Line of the query in its own article (0 = headline), or 0 when it cannot be found. */
function queryLine(index: CorpusIndex, query: MatchQuery): number {
  const text = index.articles.get(query.articleId)?.text;
  if (!text) return 0;
  const at = query.start ?? text.indexOf(query.text);
  if (at < 0) return 0;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Ranks candidate spans of every OTHER article by how likely they state the same thing as
 * `query`: the TF-IDF cosine of the words (as the baseline) times a lead prior (headlines and
 * leads restate the event) times a same-event factor (how much the two whole articles share).
 *
 * `score` (what the editor sees, 0..1, cut at `minScore`) is the word cosine lifted by agreeing
 * quantity frames and the word-order overlap; the order is by the combined rank.
 *
 * Result: at most `perArticle` non-overlapping suggestions per article (rankInArticle 1..n), all
 * articles merged best first, cut to `limit`, candidates scoring below `minScore` dropped.
 */
export function suggestMatches(
  index: CorpusIndex,
  query: MatchQuery,
  opts: SuggestOptions = {},
): Suggestion[] {
  const { limit, perArticle, minScore } = { ...DEFAULTS, ...opts };
  const w: RankWeights = { ...RANK_WEIGHTS, ...opts.weights };
  const qTokens = tokenize(query.text);
  const qWords = wordCounts(qTokens);
  if (qWords.size === 0) return [];
  const { spanNorms, articleNorms } = norms(index);
  // Vectors hold tf·idf², so a dot product with a span needs only the span's tf.
  const qVec = new Map<string, number>();
  let qSq = 0;
  for (const [w, tf] of qWords) {
    const idf = idfOf(index, w);
    qVec.set(w, tf * idf * idf);
    qSq += (tf * idf) ** 2;
  }
  const qNorm = Math.sqrt(qSq);

  // The query's article as a topic vector (the query alone when it is not in the library).
  const own = index.articles.get(query.articleId);
  const topicWords = own?.words ?? qWords;
  const topicVec = new Map<string, number>();
  let tSq = 0;
  for (const [w, tf] of topicWords) {
    const idf = idfOf(index, w);
    topicVec.set(w, tf * idf * idf);
    tSq += (tf * idf) ** 2;
  }
  const tNorm = Math.sqrt(tSq);
  const qFrames = extractFrames(query.text);
  const qDepth = Math.pow(1 + queryLine(index, query), w.queryDepthDamping);

  // Dense weight arrays over the vocabulary: the loops below only index typed arrays.
  const qWeight = new Float64Array(index.vocab.size);
  for (const [w, x] of qVec) {
    const id = index.vocab.get(w);
    if (id !== undefined) qWeight[id] = x;
  }
  const tWeight = new Float64Array(index.vocab.size);
  for (const [w, x] of topicVec) {
    const id = index.vocab.get(w);
    if (id !== undefined) tWeight[id] = x;
  }
  const candidates: Candidate[] = [];
  for (const article of index.articles.values()) {
    if (article.id === query.articleId) continue;
    let tDot = 0;
    for (let i = 0; i < article.ids.length; i++)
      tDot += tWeight[article.ids[i]!]! * article.tfs[i]!;
    const aNorm = articleNorms.get(article.id) ?? 0;
    const topic = aNorm && tNorm ? tDot / (aNorm * tNorm) : 0;
    const topicFactor = Math.exp(w.topic * topic);
    for (const span of article.spans) {
      let dot = 0;
      const { ids, tfs } = span;
      for (let i = 0; i < ids.length; i++) dot += qWeight[ids[i]!]! * tfs[i]!;
      if (dot === 0) continue;
      const cosine = dot / (qNorm * (spanNorms.get(span) ?? 1));
      const lead = 1 + w.lead / ((1 + span.line) * qDepth);
      let agreeing = 0;
      for (const f of qFrames.length > 0 ? span.frames : []) {
        if (
          qFrames.some((q) => framesAgree(q, f) !== 'unrelated' && framesAgree(q, f) !== 'clash')
        ) {
          agreeing++;
        }
      }
      const figures = 1 + w.figureBonus * Math.min(2, agreeing);
      candidates.push({
        span,
        cosine,
        topic,
        figures,
        rank: cosine * lead * topicFactor * figures,
        score: 0,
      });
    }
  }
  candidates.sort((a, b) => b.rank - a.rank);

  // Per article: best non-overlapping spans.
  const chosenBy = new Map<string, Candidate[]>();
  const order: Candidate[] = [];
  for (const c of candidates) {
    const chosen = chosenBy.get(c.span.articleId) ?? [];
    if (chosen.length >= perArticle) continue;
    if (chosen.some((o) => overlapRatio(o.span, c.span) > 0.5)) continue;
    chosen.push(c);
    chosenBy.set(c.span.articleId, chosen);
    order.push(c);
  }
  const qBigrams = wordBigrams(qTokens.map((t) => t.norm));
  const qKeyStems = new Set(qTokens.filter((t) => t.key).map((t) => t.stem));
  // Within an article the order is the rank (lead prior included); a later pick never reads as
  // likelier than the article's first. Articles are ordered by their first pick's score. Scores
  // are cheap (no text work); suggestions are built for the best `limit` only.
  const scored: { c: Candidate; score: number; rankInArticle: number }[] = [];
  const lastScore = new Map<string, number>();
  const countIn = new Map<string, number>();
  for (const c of order) {
    const lifted = c.cosine * Math.exp(w.topic * c.topic) * c.figures;
    let score = lifted / (lifted + w.rankAtHalf);
    const prev = lastScore.get(c.span.articleId);
    if (prev !== undefined) score = Math.min(score, prev);
    lastScore.set(c.span.articleId, score);
    const n = (countIn.get(c.span.articleId) ?? 0) + 1;
    countIn.set(c.span.articleId, n);
    scored.push({ c, score, rankInArticle: n });
  }
  const out: Suggestion[] = [];
  if (query.kind === 'quote') {
    // Quotes: word order decides; computed for every pick (quote search is rarer than claims).
    for (const x of scored) {
      const s = toSuggestion(index, x.c, qFrames, qBigrams, qKeyStems, query.kind, x.score);
      s.rankInArticle = x.rankInArticle;
      if (s.score >= minScore) out.push(s);
    }
    out.sort((a, b) => b.score - a.score || a.rankInArticle - b.rankInArticle);
    out.length = Math.min(out.length, limit);
    return out;
  }
  const kept = scored
    .filter((x) => Math.round(x.score * 1000) / 1000 >= minScore)
    .sort((a, b) => b.score - a.score || a.rankInArticle - b.rankInArticle)
    .slice(0, limit);
  for (const x of kept) {
    const s = toSuggestion(index, x.c, qFrames, qBigrams, qKeyStems, query.kind, x.score);
    s.rankInArticle = x.rankInArticle;
    out.push(s);
  }
  return out;
}

function toSuggestion(
  index: CorpusIndex,
  c: Candidate,
  qFrames: ReturnType<typeof extractFrames>,
  qBigrams: Set<string>,
  qKeyStems: Set<string>,
  kind: MatchQuery['kind'],
  likely: number,
): Suggestion {
  const article = index.articles.get(c.span.articleId)!;
  const { span } = c;
  const text = article.text.slice(span.start, span.end);
  const tokens: typeof article.tokens = [];
  for (let k = firstTokenAt(article.tokens, span.start); k < article.tokens.length; k++) {
    if (article.tokens[k]!.end > span.end) break;
    tokens.push(article.tokens[k]!);
  }
  const quoteSimilarity = bigramDice(qBigrams, wordBigrams(tokens.map((t) => t.norm)));
  const frames =
    qFrames.length > 0
      ? span.frames.map((f) => ({ ...f, start: f.start - span.start, end: f.end - span.start }))
      : [];
  const agreeing: string[] = [];
  const clashing: string[] = [];
  const marks: Mark[] = [];
  for (const f of frames) {
    const verdicts = qFrames.map((q) => framesAgree(q, f));
    if (verdicts.includes('agree') || verdicts.includes('consistent')) agreeing.push(f.raw);
    else if (verdicts.includes('clash')) clashing.push(f.raw);
    else continue;
    marks.push({ start: f.start, end: f.end, kind: 'number' });
  }
  const terms: string[] = [];
  for (const t of tokens) {
    if (!t.key || !qKeyStems.has(t.stem)) continue;
    marks.push({ start: t.start - span.start, end: t.end - span.start, kind: 'term' });
    if (!terms.includes(t.text)) terms.push(t.text);
  }
  marks.sort((a, b) => a.start - b.start);
  // What the editor reads: the calibrated likelihood; for quotes word order decides.
  const score =
    kind === 'quote' ? Math.max(quoteSimilarity, 0.6 * quoteSimilarity + 0.4 * likely) : likely;
  return {
    articleId: span.articleId,
    start: span.start,
    end: span.end,
    text,
    score: Math.round(score * 1000) / 1000,
    rankInArticle: 1,
    reasons: {
      numbers: [...new Set(agreeing)],
      clashing: [...new Set(clashing)],
      terms,
      quoteSimilarity: Math.round(quoteSimilarity * 1000) / 1000,
      sameEvent: Math.round(c.topic * 1000) / 1000,
    },
    marks,
  };
}
