/** Plain data types of the matching module (pure, structured-clone safe). */

/** A character range; `start`/`end` are UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How a figure is qualified in the text:
 *  - exact: "498", "at least 101", "more than 8,400" (a bound still states a figure; editors compare
 *    stated figures, so bounds do NOT widen the match)
 *  - below: "nearly/almost/just under 500" — slightly less than the figure
 *  - around: "about/around/roughly/some 500" — either side of the figure
 *  - above: "just over 500" — slightly more than the figure
 */
export type Approximation = 'exact' | 'below' | 'around' | 'above';

export interface ExtractedNumber extends Span {
  /** Numeric value (scales applied: "1.5 million" -> 1500000). */
  value: number;
  /** The text from `start` to `end`, qualifier included ("nearly 500"). */
  raw: string;
  /** Offsets of the figure alone, without the qualifier. */
  valueStart: number;
  valueEnd: number;
  /** Lower-cased qualifier as written ("nearly", "at least") or null. */
  qualifier: string | null;
  approximation: Approximation;
  /** 'year' for calendar years ("in 2015"); 'count' otherwise. Years only compare with years. */
  kind: 'count' | 'year';
  /** Stemmed noun the figure counts ("arrests" -> "arrest"), or null when none follows. */
  unit: string | null;
}

export interface Token extends Span {
  /** As written. */
  text: string;
  /** Lower-cased, curly apostrophes straightened, possessive 's dropped. */
  norm: string;
  /** Porter stem of `norm` (abbreviations such as "u.s." are kept whole). */
  stem: string;
  stop: boolean;
  /**
   * Carries meaning for term matching: not a stop word, not a figure (figures are compared by
   * value, see numbers.ts), longer than one letter.
   */
  key: boolean;
}

export interface Entity extends Span {
  text: string;
  /** Lower-cased words joined by one space ("los angeles"). */
  key: string;
  /** Lower-cased words of the phrase. */
  words: string[];
}

export type SegmentKind = 'sentence' | 'clause' | 'quote' | 'window';

export interface Segment extends Span {
  kind: SegmentKind;
}

export type QueryKind = 'claim' | 'quote';

export interface MatchQuery {
  articleId: string;
  text: string;
  kind: QueryKind;
  /** Offset of the query in its article, when known (else found by search). */
  start?: number;
}

export interface SuggestOptions {
  /** Most suggestions returned overall (default 20). */
  limit?: number;
  /** Most suggestions per other article (default 3). */
  perArticle?: number;
  /** Suggestions scoring below this are dropped (default 0.12). */
  minScore?: number;
  /**
   * Rank every candidate fully instead of a shortlist (the eval needs each article's own top
   * three; the app only shows the overall best, default false).
   */
  exhaustive?: boolean;
  /**
   * Ranking constants other than the shipped ones (`RANK_WEIGHTS`). Only the eval's topic
   * cross-validation sets them, to choose constants on some topics and score them on others.
   */
  weights?: Partial<RankWeights>;
}

/** The ranking constants of `suggestMatches` (suggest.ts says what each one does). */
export interface RankWeights {
  lead: number;
  queryDepthDamping: number;
  topic: number;
  figureBonus: number;
  rankAtHalf: number;
}

export interface Mark extends Span {
  kind: 'number' | 'term';
}

export interface Suggestion extends Span {
  articleId: string;
  text: string;
  /** 0..1, comparable across articles for one query. */
  score: number;
  /** 1 for the best suggestion within its article, 2 for the next, ... */
  rankInArticle: number;
  reasons: {
    /** Figures of the candidate that match the query's figures, as written ("nearly 500"). */
    numbers: string[];
    /** Candidate figures of the same measure as a query figure but incompatible ("about 50"). */
    clashing: string[];
    /** 0..1: how much the candidate's whole article shares with the query's (same event). */
    sameEvent: number;
    /** Query terms (words as written in the candidate) that the candidate shares. */
    terms: string[];
    /** 0..1 word-bigram overlap with the query (1 = same words in the same order). */
    quoteSimilarity: number;
  };
  /**
   * Offsets relative to `text` (the candidate), so the UI can highlight why it matched. 'number'
   * marks cover matching figures and also a differing figure for the same unit and name ("167"
   * for a "Los Angeles (101)" query), which the editor should see.
   */
  marks: Mark[];
}
