import { extractFrames, mayStateFigure, type QuantityFrame } from './frames';
import { segmentArticle } from './segments';
import { tokenize } from './tokens';
import type { SegmentKind, Token } from './types';

/** One candidate span of an article, with what scoring needs precomputed. */
export interface IndexedSpan {
  articleId: string;
  start: number;
  end: number;
  kind: SegmentKind;
  /** 0 for the article's first line (headline), 1 for the next, ...: news leads restate claims. */
  line: number;
  /** Lower-cased words as written (stop words and figures kept) -> term frequency. */
  words: Map<string, number>;
  /** The same, packed for the scoring loop: vocabulary ids and their frequencies. */
  ids: Int32Array;
  tfs: Float64Array;
  /** Quantity frames inside the span (offsets into the article text). */
  frames: QuantityFrame[];
}

export interface IndexedArticle {
  id: string;
  text: string;
  tokens: Token[];
  spans: IndexedSpan[];
  /** Word frequencies over the whole article: its topic, to tell one event from a similar one. */
  words: Map<string, number>;
  ids: Int32Array;
  tfs: Float64Array;
  /** Quantity frames of the whole text (offsets into `text`), extracted once per article. */
  frames: QuantityFrame[];
}

/**
 * The matching index over a library. Incremental: `addArticle`/`removeArticle` update it in time
 * linear in that article only; idf statistics are read from the live document frequencies at
 * query time, and derived norms are cached per `version` (see suggest.ts).
 */
export interface CorpusIndex {
  articles: Map<string, IndexedArticle>;
  /** Word -> number of sentences (spans of kind 'sentence' or 'window') holding it. */
  df: Map<string, number>;
  /** Number of sentences counted in `df`. */
  sentences: number;
  /** Word -> id for the packed arrays (ids are never reused; the vocabulary only grows). */
  vocab: Map<string, number>;
  /** Bumped on every change; caches keyed by it. */
  version: number;
  /** Derived data computed lazily for one `version` (span and article vector norms). */
  cache: {
    version: number;
    spanNorms: Map<IndexedSpan, number>;
    articleNorms: Map<string, number>;
  };
}

/** Lower-cased words of a text as the ranking compares them (tokens.ts word rule). */
export function wordCounts(
  tokens: readonly Token[],
  from = 0,
  to = Infinity,
  first = 0,
): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = first; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.start < from) continue;
    if (t.end > to) break;
    out.set(t.norm, (out.get(t.norm) ?? 0) + 1);
  }
  return out;
}

/** Index of the first token starting at or after `offset` (tokens are sorted). */
export function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const countsSentence = (kind: SegmentKind) => kind === 'sentence' || kind === 'window';

export function emptyCorpusIndex(): CorpusIndex {
  return {
    articles: new Map(),
    df: new Map(),
    vocab: new Map(),
    sentences: 0,
    version: 0,
    cache: { version: -1, spanNorms: new Map(), articleNorms: new Map() },
  };
}

/** Adds (or replaces) one article: tokens, candidate spans, word counts; df updated in place. */
export function addArticle(index: CorpusIndex, article: { id: string; text: string }): void {
  if (index.articles.has(article.id)) removeArticle(index, article.id);
  const tokens = tokenize(article.text);
  const frames = framesByLine(article.text);
  const lineStarts = [0];
  for (let i = article.text.indexOf('\n'); i >= 0; i = article.text.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  let line = 0;
  const spans: IndexedSpan[] = [];
  for (const seg of segmentArticle(article.text)) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= seg.start) line++;
    // Segments are not all sorted by start, so find the line by search when it went backwards.
    if (lineStarts[line]! > seg.start) line = lineOf(lineStarts, seg.start);
    const words = wordCounts(tokens, seg.start, seg.end, firstTokenAt(tokens, seg.start));
    if (words.size === 0) continue;
    spans.push({
      articleId: article.id,
      start: seg.start,
      end: seg.end,
      kind: seg.kind,
      line,
      words,
      ...pack(index, words),
      frames: frames.filter((f) => f.start >= seg.start && f.end <= seg.end),
    });
    if (countsSentence(seg.kind)) {
      index.sentences++;
      for (const w of words.keys()) index.df.set(w, (index.df.get(w) ?? 0) + 1);
    }
  }
  index.articles.set(article.id, {
    id: article.id,
    text: article.text,
    tokens,
    spans,
    ...packed(index, wordCounts(tokens)),
    frames,
  });
  index.version++;
}

function pack(
  index: CorpusIndex,
  words: Map<string, number>,
): { ids: Int32Array; tfs: Float64Array } {
  const ids = new Int32Array(words.size);
  const tfs = new Float64Array(words.size);
  let i = 0;
  for (const [w, tf] of words) {
    let id = index.vocab.get(w);
    if (id === undefined) index.vocab.set(w, (id = index.vocab.size));
    ids[i] = id;
    tfs[i++] = tf;
  }
  return { ids, tfs };
}

function packed(index: CorpusIndex, words: Map<string, number>) {
  return { words, ...pack(index, words) };
}

/**
 * Frames of every line that states a figure, offsets into the whole text: the tagger runs only
 * where there is something to find (most lines of news state none), which keeps indexing fast.
 */
function framesByLine(text: string): QuantityFrame[] {
  const out: QuantityFrame[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (mayStateFigure(line)) {
      for (const f of extractFrames(line))
        out.push({ ...f, start: f.start + start, end: f.end + start });
    }
    start += line.length + 1;
  }
  return out;
}

function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Removes one article and its statistics; a no-op for an unknown id. */
export function removeArticle(index: CorpusIndex, id: string): void {
  const article = index.articles.get(id);
  if (!article) return;
  for (const span of article.spans) {
    if (!countsSentence(span.kind)) continue;
    index.sentences--;
    for (const w of span.words.keys()) {
      const n = (index.df.get(w) ?? 1) - 1;
      if (n > 0) index.df.set(w, n);
      else index.df.delete(w);
    }
  }
  index.articles.delete(id);
  index.version++;
}

/** Builds the index for a set of articles (addArticle for each; linear in the corpus size). */
export function buildCorpusIndex(articles: { id: string; text: string }[]): CorpusIndex {
  const index = emptyCorpusIndex();
  for (const a of articles) addArticle(index, a);
  return index;
}

/** Smoothed idf over the library's sentences (as the TF-IDF baseline: log((1+n)/(1+df)) + 1). */
export function idfOf(index: CorpusIndex, word: string): number {
  return Math.log((1 + index.sentences) / (1 + (index.df.get(word) ?? 0))) + 1;
}

/** Span and article vector norms for the current version (recomputed once after a change). */
export function norms(index: CorpusIndex): CorpusIndex['cache'] {
  if (index.cache.version === index.version) return index.cache;
  const idf = new Map<string, number>();
  const w = (word: string) => {
    let x = idf.get(word);
    if (x === undefined) idf.set(word, (x = idfOf(index, word)));
    return x;
  };
  const norm = (counts: Map<string, number>) => {
    let sq = 0;
    for (const [word, tf] of counts) sq += (tf * w(word)) ** 2;
    return Math.sqrt(sq);
  };
  const spanNorms = new Map<IndexedSpan, number>();
  const articleNorms = new Map<string, number>();
  for (const a of index.articles.values()) {
    articleNorms.set(a.id, norm(a.words));
    for (const s of a.spans) spanNorms.set(s, norm(s.words));
  }
  index.cache = { version: index.version, spanNorms, articleNorms };
  return index.cache;
}
