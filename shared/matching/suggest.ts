import type { CorpusIndex, IndexedSpan } from './corpus';
import { entityStems } from './corpus';
import { extractNumbers, numberRange, numbersCompatible, unitsAlign } from './numbers';
import { isKeyToken, tokenize } from './tokens';
import type { ExtractedNumber, Mark, MatchQuery, SuggestOptions, Suggestion, Token } from './types';

// BM25 parameters; b is moderate because candidates are all sentence-sized already.
const K1 = 1.2;
const B = 0.5;
/** Query words inside a capitalised name count this much more than ordinary words. */
const ENTITY_BOOST = 1.5;
/**
 * Share of a figure's weight given to a candidate that states a different figure for the same
 * unit about the same name: "167 arrests ... Los Angeles" is a likely match for "Los Angeles
 * (101)" — a conflict the editor must see, not a miss.
 */
const DIFFERING_FIGURE_CREDIT = 0.3;
/** Candidates kept after the cheap first scoring (figures + terms). */
const SHORTLIST = 400;
const BUCKETS = 1000;
/** Only this many best candidates get the (costlier) word-order comparison and marks. */
const RERANK = 80;

const DEFAULTS: Required<SuggestOptions> = { limit: 20, perArticle: 3, minScore: 0.12 };

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

/** Index of the first token starting at or after `offset` (tokens are sorted). */
function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function spanTokens(index: CorpusIndex, span: IndexedSpan): Token[] {
  const tokens = index.articles.get(span.articleId)!.tokens;
  const out: Token[] = [];
  for (let k = firstTokenAt(tokens, span.start); k < tokens.length; k++) {
    if (tokens[k]!.end > span.end) break;
    out.push(tokens[k]!);
  }
  return out;
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
  span: number;
  matchedNumbers: ExtractedNumber[];
  /** Figures of the candidate that differ from a query figure of the same unit. */
  differingNumbers: ExtractedNumber[];
  quoteSimilarity: number;
  score: number;
}

/**
 * Ranks candidate spans of every OTHER article by how likely they state the same thing as
 * `query`. Signals: shared figures after normalisation ("nearly 500" ~ 498; weighted by rarity),
 * shared key terms (BM25 over stems, words of names boosted), and word-order overlap (for quotes
 * it dominates, so near-verbatim copies rank first).
 *
 * Result: at most `perArticle` non-overlapping suggestions per article (rankInArticle 1..n), all
 * articles merged and sorted by score descending, cut to `limit`, scores below `minScore` dropped.
 * Group by articleId for a per-article view; the array order is the overall ranking.
 *
 * Score: with T = normalised BM25 term score, F = matched figure weight / query figure weight,
 * W = word-bigram Dice with the query: base = ½T + ½F (T alone when the query states no figure);
 * claims score 0.85·base + 0.15·W; quotes max(W, 0.6·W + 0.4·base).
 */
export function suggestMatches(
  index: CorpusIndex,
  query: MatchQuery,
  opts: SuggestOptions = {},
): Suggestion[] {
  const { limit, perArticle, minScore } = { ...DEFAULTS, ...opts };
  const qTokens = tokenize(query.text);
  const boosted = entityStems(query.text, qTokens);
  const qTerms = new Map<string, number>();
  for (const t of qTokens) {
    if (!isKeyToken(t)) continue;
    const w =
      (index.termIdf.get(t.stem) ?? index.maxIdf) * (boosted.has(t.stem) ? ENTITY_BOOST : 1);
    qTerms.set(t.stem, w);
  }
  const qNumbers = extractNumbers(query.text);

  // Scores accumulate in flat arrays (one slot per span): a query touches thousands of spans.
  const spanCount = index.spans.length;
  const termAcc = new Float64Array(spanCount);
  const numberAcc = new Float64Array(spanCount);
  const touched: number[] = [];
  const touch = (s: number): void => {
    if (termAcc[s] === 0 && numberAcc[s] === 0) touched.push(s);
  };
  const lengths = index.spanLengths;
  const lengthNorm = K1 * (1 - B);
  const lengthScale = (K1 * B) / index.avgLength;

  // Key terms: BM25, normalised by the score of an average-length span holding every term once.
  let termTotal = 0;
  for (const [stem, weight] of qTerms) {
    termTotal += weight;
    const posting = index.postings.get(stem);
    if (!posting) continue;
    const { spans, tfs } = posting;
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k]!;
      const tf = tfs[k]!;
      touch(s);
      termAcc[s]! += (weight * tf * (K1 + 1)) / (tf + lengthNorm + lengthScale * lengths[s]!);
    }
  }

  // Figures: each query figure counts once per span, weighted by how rare the figure is.
  const matched = new Map<number, { numbers: ExtractedNumber[]; query: Set<number> }>();
  let numberTotal = 0;
  const numberWeights = qNumbers.map(
    (qn) => (index.numberIdf.get(qn.value) ?? index.maxIdf) * (qn.kind === 'year' ? 0.5 : 1),
  );
  for (const [qi, qn] of qNumbers.entries()) {
    const weight = numberWeights[qi]!;
    numberTotal += weight;
    const [lo, hi] = numberRange({ value: qn.value, approximation: 'around' });
    const values =
      qn.approximation === 'exact' ? [qn.value] : valuesBetween(index.numberValues, lo, hi);
    // An exact query figure may still match an approximate candidate ("498" vs "nearly 500").
    if (qn.approximation === 'exact') {
      values.push(...valuesBetween(index.numberValues, qn.value, qn.value * 1.06 + 1));
    }
    for (const v of values) {
      for (const s of index.numberPostings.get(v) ?? []) {
        const span = index.spans[s]!;
        if (matched.get(s)?.query.has(qi)) continue;
        const hit = span.numbers.find((n) => numbersCompatible(qn, n));
        if (!hit) continue;
        touch(s);
        const sameUnit = qn.unit === null || hit.unit === null || qn.unit === hit.unit;
        numberAcc[s]! += weight * (sameUnit ? 1 : 0.8);
        const m = matched.get(s) ?? { numbers: [], query: new Set<number>() };
        m.numbers.push(hit);
        m.query.add(qi);
        matched.set(s, m);
      }
    }
  }

  const hasNumbers = numberTotal > 0;
  if (!hasNumbers && termTotal === 0) return []; // nothing to match on (empty or stop words only)
  const combine = (terms: number, numbers: number): number => {
    const t = termTotal > 0 ? Math.min(1, terms / termTotal) : 0;
    return hasNumbers ? 0.5 * t + 0.5 * Math.min(1, numbers / numberTotal) : t;
  };
  // Shortlist by the cheap score before building candidate objects: a common query word touches
  // most spans of a large corpus, but only the best few hundred can make the final ranking.
  const own = query.articleId;
  const pool = touched.filter((s) => index.spans[s]!.articleId !== own);
  const provisional = new Float64Array(spanCount);
  for (const s of pool) provisional[s] = combine(termAcc[s]!, numberAcc[s]!);
  // The cut-off comes from a histogram of the scores (all in 0..1): linear, unlike sorting them all.
  let cutoff = -1;
  if (pool.length > SHORTLIST) {
    const buckets = new Uint32Array(BUCKETS + 1);
    for (const s of pool) buckets[Math.floor(provisional[s]! * BUCKETS)]!++;
    let kept = 0;
    let b = BUCKETS;
    while (b > 0 && kept + buckets[b]! < SHORTLIST) kept += buckets[b--]!;
    cutoff = b / BUCKETS;
  }
  const shortlist = pool
    .filter((s) => provisional[s]! >= cutoff)
    .sort((a, b) => provisional[b]! - provisional[a]!)
    .slice(0, SHORTLIST);

  const boostedStems = [...boosted];
  const list: Candidate[] = [];
  for (const s of shortlist) {
    const span = index.spans[s]!;
    const m = matched.get(s);
    const differingNumbers: ExtractedNumber[] = [];
    let numberScore = numberAcc[s]!;
    if (hasNumbers && boostedStems.some((stem) => span.terms.has(stem))) {
      for (const [qi, qn] of qNumbers.entries()) {
        if (m?.query.has(qi)) continue;
        const other = span.numbers.find((n) => n.kind === qn.kind && unitsAlign(qn.unit, n.unit));
        if (!other) continue;
        numberScore += DIFFERING_FIGURE_CREDIT * numberWeights[qi]!;
        differingNumbers.push(other);
      }
    }
    list.push({
      span: s,
      matchedNumbers: m?.numbers ?? [],
      differingNumbers,
      quoteSimilarity: 0,
      score: combine(termAcc[s]!, numberScore),
    });
  }
  list.sort((a, b) => b.score - a.score);

  // Word order for the best candidates only.
  const qBigrams = wordBigrams(qTokens.map((t) => t.norm));
  const top = list.slice(0, RERANK);
  for (const c of top) {
    const words = spanTokens(index, index.spans[c.span]!).map((t) => t.norm);
    c.quoteSimilarity = bigramDice(qBigrams, wordBigrams(words));
    c.score =
      query.kind === 'quote'
        ? Math.max(c.quoteSimilarity, 0.6 * c.quoteSimilarity + 0.4 * c.score)
        : 0.85 * c.score + 0.15 * c.quoteSimilarity;
  }
  top.sort((a, b) => b.score - a.score);

  // Per article: best non-overlapping spans.
  const perArticleChosen = new Map<string, Candidate[]>();
  for (const c of top) {
    if (c.score < minScore) break;
    const span = index.spans[c.span]!;
    const chosen = perArticleChosen.get(span.articleId) ?? [];
    if (chosen.length >= perArticle) continue;
    if (chosen.some((o) => overlapRatio(index.spans[o.span]!, span) > 0.5)) continue;
    chosen.push(c);
    perArticleChosen.set(span.articleId, chosen);
  }
  const out: Suggestion[] = [];
  for (const chosen of perArticleChosen.values()) {
    chosen.forEach((c, i) => out.push(toSuggestion(index, c, i + 1, qTerms)));
  }
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, limit);
}

/** Sorted `values` within [lo, hi]. */
function valuesBetween(values: number[], lo: number, hi: number): number[] {
  let a = 0;
  let b = values.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (values[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let i = a; i < values.length && values[i]! <= hi; i++) out.push(values[i]!);
  return out;
}

function toSuggestion(
  index: CorpusIndex,
  c: Candidate,
  rankInArticle: number,
  qTerms: Map<string, number>,
): Suggestion {
  const span = index.spans[c.span]!;
  const text = index.articles.get(span.articleId)!.text.slice(span.start, span.end);
  const marks: Mark[] = [];
  const terms: string[] = [];
  for (const n of [...c.matchedNumbers, ...c.differingNumbers]) {
    marks.push({ start: n.start - span.start, end: n.end - span.start, kind: 'number' });
  }
  for (const t of spanTokens(index, span)) {
    if (!isKeyToken(t) || !qTerms.has(t.stem)) continue;
    marks.push({ start: t.start - span.start, end: t.end - span.start, kind: 'term' });
    if (!terms.includes(t.text)) terms.push(t.text);
  }
  marks.sort((a, b) => a.start - b.start);
  return {
    articleId: span.articleId,
    start: span.start,
    end: span.end,
    text,
    score: Math.round(Math.min(1, c.score) * 1000) / 1000,
    rankInArticle,
    reasons: {
      numbers: [...new Set(c.matchedNumbers.map((n) => n.raw))],
      terms,
      quoteSimilarity: Math.round(c.quoteSimilarity * 1000) / 1000,
    },
    marks,
  };
}
