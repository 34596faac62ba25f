import { diffArrays } from 'diff';
import type { CorpusIndex } from './corpus';
import { tokenize } from './tokens';
import type { Token } from './types';

/**
 * A quote reduced to what an outlet must not change: its words, in order. Curly and straight
 * quote marks, apostrophes, dashes, punctuation, case and spacing are normalised away
 * ("“Sanctuary jurisdictions …,”" and "\"sanctuary jurisdictions …\"" normalise the same).
 */
export function normalizeQuote(text: string): string {
  return quoteWords(text).join(' ');
}

/** The normalised words of a quote (see normalizeQuote). */
export function quoteWords(text: string): string[] {
  return tokenize(text.normalize('NFKC')).map(wordOf);
}

function wordOf(t: Token): string {
  return t.text.toLowerCase().replace(/[’‘`´]/g, "'");
}

export interface QuoteOccurrence {
  articleId: string;
  start: number;
  end: number;
  /** Dice similarity of the words (1 = the same words in the same order). */
  similarity: number;
  /** The article carries the quote word for word (after normalisation). */
  verbatim: boolean;
  /** Share of the searched quote's words found here (below 1 for a truncated copy). */
  coverage: number;
}

export interface FindQuoteOptions {
  /** Leave this article out (the one the quote was tagged in). */
  excludeArticleId?: string;
  /** Occurrences below this similarity are dropped (default 0.5). */
  minSimilarity?: number;
}

const SEED = 3; // words per seed n-gram
const GAP = 6; // words that may separate two seed hits of one occurrence

/** Words in common between two word lists, in order (longest common subsequence). */
function commonWords(a: string[], b: string[]): number {
  let same = 0;
  for (const part of diffArrays(a, b)) if (!part.added && !part.removed) same += part.count ?? 0;
  return same;
}

/**
 * "Find this quote in all sources": every place an article carries the quote verbatim or nearly
 * so (altered words, a truncated copy, different quote marks). Seeds on shared 3-word runs, then
 * scores each region by its in-order word overlap. Sorted by similarity, best first.
 */
export function findQuoteInSources(
  index: CorpusIndex,
  quoteText: string,
  opts: FindQuoteOptions = {},
): QuoteOccurrence[] {
  const minSimilarity = opts.minSimilarity ?? 0.5;
  const query = quoteWords(quoteText);
  if (query.length === 0) return [];
  const seeds = new Map<string, number[]>();
  const k = Math.min(SEED, query.length);
  for (let j = 0; j + k <= query.length; j++) {
    const key = query.slice(j, j + k).join(' ');
    seeds.set(key, [...(seeds.get(key) ?? []), j]);
  }
  const out: QuoteOccurrence[] = [];
  for (const article of index.articles.values()) {
    if (article.id === opts.excludeArticleId) continue;
    const words = article.tokens.map(wordOf);
    // Article word positions where a query n-gram starts, in order.
    const hits: number[] = [];
    for (let i = 0; i + k <= words.length; i++) {
      if (seeds.has(words.slice(i, i + k).join(' '))) hits.push(i);
    }
    let h = 0;
    while (h < hits.length) {
      const first = hits[h]!;
      let last = first;
      while (h + 1 < hits.length && hits[h + 1]! - last <= GAP) last = hits[++h]!;
      h++;
      const region = words.slice(first, last + k);
      const same = commonWords(query, region);
      const similarity = (2 * same) / (query.length + region.length);
      if (similarity < minSimilarity || same < Math.min(query.length, 5)) continue;
      out.push({
        articleId: article.id,
        start: article.tokens[first]!.start,
        end: article.tokens[last + k - 1]!.end,
        similarity: Math.round(similarity * 1000) / 1000,
        verbatim: same === query.length && region.length === query.length,
        coverage: Math.round((same / query.length) * 1000) / 1000,
      });
    }
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

export interface QuoteDiffPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * How a copy differs from the fullest version of a quote, as an editor names it:
 *  - changed: words replaced by others inside the quote
 *  - dropped: words left out inside the quote
 *  - added: words the copy has that the fullest version does not
 *  - cut-start / cut-end: the copy stops short of the quote's opening / closing words
 */
export type QuoteChange = 'changed' | 'dropped' | 'added' | 'cut-start' | 'cut-end';

const CHANGE_WORDS: Record<QuoteChange, string> = {
  changed: 'words changed',
  dropped: 'words dropped',
  added: 'words added',
  'cut-start': 'cut short at the start',
  'cut-end': 'cut short at the end',
};

/** "words changed", "cut short at the start", ... */
export function quoteChangeWords(change: QuoteChange): string {
  return CHANGE_WORDS[change];
}

export interface QuoteDiff {
  parts: QuoteDiffPart[];
  /** Words changed, added or removed inside the quote (not only cut at its ends). */
  altered: boolean;
  /** One copy stops short of the other at the start and/or the end. */
  truncated: boolean;
  /** What changed, in reading order, each kind once. Empty when the words are the same. */
  changes: QuoteChange[];
}

/**
 * Word-level difference from quote `a` (the reference, normally the fullest version) to quote
 * `b` after normalisation: 'removed' words are in `a` only, 'added' words in `b` only. Quote
 * marks and apostrophes (curly or straight), punctuation and case never count as changes.
 */
export function quoteDiff(a: string, b: string): QuoteDiff {
  const parts: QuoteDiffPart[] = diffArrays(quoteWords(a), quoteWords(b)).map((p) => ({
    type: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value.join(' '),
  }));
  const sameAt = parts.map((p, i) => (p.type === 'same' ? i : -1)).filter((i) => i >= 0);
  if (sameAt.length === 0) {
    const differs = parts.length > 0;
    return { parts, altered: differs, truncated: false, changes: differs ? ['changed'] : [] };
  }
  const firstSame = sameAt[0]!;
  const lastSame = sameAt[sameAt.length - 1]!;
  const changes = new Set<QuoteChange>();
  const edge = (slice: QuoteDiffPart[], cut: QuoteChange) => {
    // Words missing at an end are a cut; words the copy has beyond the reference are added.
    if (slice.some((p) => p.type === 'removed')) changes.add(cut);
    if (slice.some((p) => p.type === 'added')) changes.add('added');
  };
  edge(parts.slice(0, firstSame), 'cut-start');
  // Inside the quote: a run of removed and added words together is a change of wording.
  let i = firstSame;
  while (i <= lastSame) {
    if (parts[i]!.type === 'same') {
      i++;
      continue;
    }
    let removed = false;
    let added = false;
    while (i <= lastSame && parts[i]!.type !== 'same') {
      if (parts[i]!.type === 'removed') removed = true;
      else added = true;
      i++;
    }
    changes.add(removed && added ? 'changed' : removed ? 'dropped' : 'added');
  }
  edge(parts.slice(lastSame + 1), 'cut-end');
  const interior = parts.slice(firstSame, lastSame + 1);
  const order: QuoteChange[] = ['cut-start', 'changed', 'dropped', 'added', 'cut-end'];
  return {
    parts,
    altered: interior.some((p) => p.type !== 'same'),
    truncated: firstSame > 0 || lastSame < parts.length - 1,
    changes: order.filter((c) => changes.has(c)),
  };
}

export interface QuoteVariant {
  annotationIds: string[];
  /** The normalised words shared by these members. */
  normalized: string;
  /** Difference from the reference variant (null for the reference itself). */
  diff: QuoteDiff | null;
}

export interface QuoteIntegrity {
  /** True when the copies differ after normalisation: the group should be flagged. */
  differs: boolean;
  /**
   * Distinct wordings, the reference first: the fullest version (most words), then the one
   * most members share. Every other variant is diffed against it, so a cut copy shows as cut
   * rather than the full quote showing as "added".
   */
  variants: QuoteVariant[];
}

/** Compares the copies of one quote in a group and lists the distinct wordings. */
export function quoteIntegrity(members: { annotationId: string; text: string }[]): QuoteIntegrity {
  const byText = new Map<string, string[]>();
  for (const m of members) {
    const key = normalizeQuote(m.text);
    byText.set(key, [...(byText.get(key) ?? []), m.annotationId]);
  }
  const words = (s: string) => (s === '' ? 0 : s.split(' ').length);
  const variants = [...byText.entries()]
    .sort((a, b) => words(b[0]) - words(a[0]) || b[1].length - a[1].length)
    .map(([normalized, annotationIds]) => ({
      annotationIds,
      normalized,
      diff: null as QuoteDiff | null,
    }));
  const reference = variants[0];
  for (const v of variants.slice(1)) v.diff = quoteDiff(reference!.normalized, v.normalized);
  return { differs: variants.length > 1, variants };
}
