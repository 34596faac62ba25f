import { extractNumbers } from './numbers';
import { segmentArticle } from './segments';
import { findEntities, isKeyToken, tokenize } from './tokens';
import type { ExtractedNumber, SegmentKind, Token } from './types';

/** One candidate span of an article, with what scoring needs precomputed. */
export interface IndexedSpan {
  articleId: string;
  start: number;
  end: number;
  kind: SegmentKind;
  /** Number of key terms (BM25 document length). */
  length: number;
  /** Distinct key-term stems -> term frequency. */
  terms: Map<string, number>;
  /** Figures inside the span, offsets into the article text. */
  numbers: ExtractedNumber[];
}

export interface IndexedArticle {
  id: string;
  text: string;
  tokens: Token[];
  numbers: ExtractedNumber[];
}

export interface Posting {
  spans: number[];
  tfs: number[];
}

export interface CorpusIndex {
  articles: Map<string, IndexedArticle>;
  spans: IndexedSpan[];
  /** `spans[i].length`, flat for the scoring loop. */
  spanLengths: Float64Array;
  /** stem -> the spans holding it (indices into `spans`) and its frequency in each. */
  postings: Map<string, Posting>;
  /** Figure value -> indices into `spans`; `numberValues` is the same keys, sorted. */
  numberPostings: Map<number, number[]>;
  numberValues: number[];
  /** Inverse document frequency over sentences (overlapping clauses would double-count). */
  termIdf: Map<string, number>;
  numberIdf: Map<number, number>;
  /** Idf given to a term or figure that never occurs. */
  maxIdf: number;
  avgLength: number;
}

function idf(df: number, n: number): number {
  // BM25+ style idf, never negative even for terms in every sentence.
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Stems that matching should weight more: words of capitalised names ("los", "angel"). */
export function entityStems(text: string, tokens: Token[]): Set<string> {
  const out = new Set<string>();
  const entities = findEntities(text, tokens);
  let k = 0;
  for (const t of tokens) {
    while (k < entities.length && entities[k]!.end <= t.start) k++;
    const e = entities[k];
    if (e && t.start >= e.start && t.end <= e.end && isKeyToken(t)) out.add(t.stem);
  }
  return out;
}

/**
 * Builds the matching index once for a set of articles: candidate spans (segments.ts), their key
 * terms and figures, postings, and idf statistics. Cost is linear in the corpus size.
 */
export function buildCorpusIndex(articles: { id: string; text: string }[]): CorpusIndex {
  const index: CorpusIndex = {
    articles: new Map(),
    spans: [],
    spanLengths: new Float64Array(0),
    postings: new Map(),
    numberPostings: new Map(),
    numberValues: [],
    termIdf: new Map(),
    numberIdf: new Map(),
    maxIdf: 0,
    avgLength: 1,
  };
  const termDf = new Map<string, number>();
  const numberDf = new Map<number, number>();
  let sentences = 0;
  let totalLength = 0;

  for (const article of articles) {
    const tokens = tokenize(article.text);
    const numbers = extractNumbers(article.text);
    index.articles.set(article.id, { id: article.id, text: article.text, tokens, numbers });
    let ti = 0;
    let ni = 0;
    for (const seg of segmentArticle(article.text)) {
      // Segments are sorted by start, so the token/number cursors only move forward.
      while (ti < tokens.length && tokens[ti]!.start < seg.start) ti++;
      while (ni < numbers.length && numbers[ni]!.valueStart < seg.start) ni++;
      const terms = new Map<string, number>();
      let length = 0;
      for (let k = ti; k < tokens.length && tokens[k]!.end <= seg.end; k++) {
        const t = tokens[k]!;
        if (!isKeyToken(t)) continue;
        terms.set(t.stem, (terms.get(t.stem) ?? 0) + 1);
        length++;
      }
      const spanNumbers: ExtractedNumber[] = [];
      for (let k = ni; k < numbers.length && numbers[k]!.valueEnd <= seg.end; k++) {
        spanNumbers.push(numbers[k]!);
      }
      const spanIndex = index.spans.length;
      index.spans.push({
        articleId: article.id,
        start: seg.start,
        end: seg.end,
        kind: seg.kind,
        length,
        terms,
        numbers: spanNumbers,
      });
      totalLength += length;
      for (const [stem, tf] of terms) {
        let posting = index.postings.get(stem);
        if (!posting) index.postings.set(stem, (posting = { spans: [], tfs: [] }));
        posting.spans.push(spanIndex);
        posting.tfs.push(tf);
      }
      const values = new Set(spanNumbers.map((n) => n.value));
      for (const v of values) {
        let list = index.numberPostings.get(v);
        if (!list) index.numberPostings.set(v, (list = []));
        list.push(spanIndex);
      }
      if (seg.kind === 'sentence' || seg.kind === 'window') {
        sentences++;
        for (const stem of terms.keys()) termDf.set(stem, (termDf.get(stem) ?? 0) + 1);
        for (const v of values) numberDf.set(v, (numberDf.get(v) ?? 0) + 1);
      }
    }
  }
  const n = Math.max(sentences, 1);
  for (const [stem, df] of termDf) index.termIdf.set(stem, idf(df, n));
  for (const [v, df] of numberDf) index.numberIdf.set(v, idf(df, n));
  index.maxIdf = idf(0, n);
  index.avgLength = index.spans.length ? Math.max(1, totalLength / index.spans.length) : 1;
  index.spanLengths = Float64Array.from(index.spans, (s) => s.length);
  index.numberValues = [...index.numberPostings.keys()].sort((a, b) => a - b);
  return index;
}
