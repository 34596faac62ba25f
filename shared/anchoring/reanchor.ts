/**
 * Find where an annotation belongs in a text whose offsets may no longer fit it (an edited article,
 * a bundle from another tool, a migrated old bundle). Order of evidence: the stored position, then
 * the exact quote anywhere, then an approximate quote (Myers' bit-parallel search from
 * approx-string-match), each candidate scored by quote similarity, prefix/suffix context and
 * distance from the old position — the weighting Hypothesis uses for the same job.
 *
 * It never guesses silently: a best place below the minimum score ('low-score'), or two places
 * whose scores are within AMBIGUITY_MARGIN ('ambiguous'), is returned as a proposal for the editor,
 * not as a result. Offsets are UTF-16 units, like everywhere in the app.
 */
import search from 'approx-string-match';

export interface ReanchorTarget {
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
}

export interface ReanchorCandidate {
  start: number;
  end: number;
  /** Combined score in 0..1. */
  score: number;
  /** Similarity of the quote alone in 0..1 (1 = identical). */
  quoteScore: number;
}

export type ReanchorResult =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | {
      status: 'ambiguous' | 'no-match' | 'low-score';
      /** Best place found, for the editor to confirm; null when nothing resembles the quote. */
      proposal: { start: number; end: number; score: number } | null;
      /** The best few places, best first (at most MAX_CANDIDATES). */
      candidates: ReanchorCandidate[];
    };

/** A place is accepted only when at most a quarter of the quote differs... */
export const MIN_QUOTE_SCORE = 0.75;
/** ...and quote, context and position together score at least this. */
export const MIN_SCORE = 0.75;
/**
 * Two non-overlapping places closer than this are ambiguous. Larger than the whole weight of the
 * position term (2/92 ≈ 0.022), so position alone can never settle a tie between equal contexts.
 */
export const AMBIGUITY_MARGIN = 0.03;
export const MAX_CANDIDATES = 5;

// Weights as in Hypothesis' match-quote.js: the quote dominates, context breaks ties between
// repeated quotes, position only nudges.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;
const W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION;

export function reanchor(text: string, target: ReanchorTarget): ReanchorResult {
  const { position, quote } = target;
  const { exact } = quote;
  if (exact.length === 0) return { status: 'no-match', proposal: null, candidates: [] };

  const { start, end } = position;
  if (
    Number.isInteger(start) &&
    start >= 0 &&
    end <= text.length &&
    text.slice(start, end) === exact
  ) {
    return { status: 'exact', start, end, score: 1 };
  }

  const exactHits = findAll(text, exact);
  const found = exactHits.length > 0;
  const raw = found
    ? exactHits.map((s) => ({ start: s, end: s + exact.length, errors: 0 }))
    : approximateHits(text, exact);
  if (raw.length === 0) return { status: 'no-match', proposal: null, candidates: [] };

  const scored = raw
    .map((m) => scoreCandidate(text, target, m))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const best = scored[0]!;
  const candidates = scored.slice(0, MAX_CANDIDATES);
  const proposal = { start: best.start, end: best.end, score: best.score };

  if (best.quoteScore < MIN_QUOTE_SCORE || best.score < MIN_SCORE) {
    return { status: 'low-score', proposal, candidates };
  }
  const rival = scored.find((c) => c !== best && (c.end <= best.start || c.start >= best.end));
  if (rival && best.score - rival.score < AMBIGUITY_MARGIN) {
    return { status: 'ambiguous', proposal, candidates };
  }
  return { status: found ? 'moved' : 'fuzzy', ...proposal };
}

function scoreCandidate(
  text: string,
  { position, quote }: ReanchorTarget,
  m: { start: number; end: number; errors: number },
): ReanchorCandidate {
  const quoteScore = 1 - m.errors / quote.exact.length;
  const prefixScore = similarity(
    text.slice(Math.max(0, m.start - quote.prefix.length), m.start),
    quote.prefix,
  );
  const suffixScore = similarity(text.slice(m.end, m.end + quote.suffix.length), quote.suffix);
  const positionScore =
    1 - Math.min(1, Math.abs(m.start - position.start) / Math.max(1, text.length));
  const score =
    (W_QUOTE * quoteScore +
      W_PREFIX * prefixScore +
      W_SUFFIX * suffixScore +
      W_POSITION * positionScore) /
    W_TOTAL;
  return { start: m.start, end: m.end, score, quoteScore };
}

/** 1 - (edit errors / length) of `expected` found inside `window`; 1 when nothing is expected. */
function similarity(window: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, expected, expected.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((x) => x.errors)) : expected.length;
  return Math.max(0, 1 - errors / expected.length);
}

/**
 * approx-string-match reports only the matches with the lowest error count, so a second place that
 * is slightly worse on the quote but better on context would never be seen. Search once, blank out
 * what was found, and search again so the best rival is scored too.
 */
function approximateHits(
  text: string,
  exact: string,
): { start: number; end: number; errors: number }[] {
  const maxErrors = Math.floor(exact.length / 2);
  const first = bestNonOverlapping(search(text, exact, maxErrors));
  if (first.length === 0) return first;
  let masked = text;
  for (const m of first) {
    masked = masked.slice(0, m.start) + '\u0000'.repeat(m.end - m.start) + masked.slice(m.end);
  }
  const second = bestNonOverlapping(search(masked, exact, maxErrors)).filter((m) =>
    first.every((f) => m.end <= f.start || m.start >= f.end),
  );
  return [...first, ...second];
}

function findAll(text: string, needle: string): number[] {
  const hits: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) hits.push(i);
  return hits;
}

/**
 * The approximate search reports every end position within the error budget, so one real
 * occurrence shows up as a cluster of overlapping matches: keep the fewest-error one per cluster.
 */
function bestNonOverlapping<T extends { start: number; end: number; errors: number }>(
  matches: T[],
): T[] {
  const byQuality = [...matches].sort((a, b) => a.errors - b.errors || a.start - b.start);
  const kept: T[] = [];
  for (const m of byQuality) {
    if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  }
  return kept;
}

export type PlacedResult = Extract<ReanchorResult, { start: number }>;
export type UnplacedResult = Exclude<ReanchorResult, PlacedResult>;

/** True when the result is a confident place (exact, moved or fuzzy). */
export function isPlaced(r: ReanchorResult): r is PlacedResult {
  return r.status === 'exact' || r.status === 'moved' || r.status === 'fuzzy';
}
