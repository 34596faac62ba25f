import type { Matcher, Ranked } from './types';

/**
 * The TF-IDF cosine baseline of ../../../../shared/eval/ecbplus/baseline.py, ported line for line
 * (lower-cased words, no stemming, no stop list, smoothed idf over the topic's sentences) so the
 * eval computes it in the same run as our matcher. Sums run in the same order as the Python
 * dictionaries so the scores, and therefore the ties, come out the same.
 */
const WORD = /[\p{L}\p{N}]+(?:[.,]\p{Nd}+)*(?:['’]\p{L}+)*/gu;

export function baselineWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

interface Vec {
  v: Map<string, number>;
  norm: number;
}

export class TfIdf {
  private readonly df = new Map<string, number>();
  private readonly n: number;
  private readonly cache = new Map<string, Vec>();

  constructor(sentences: string[]) {
    for (const s of sentences) {
      for (const w of new Set(baselineWords(s))) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    }
    this.n = sentences.length;
  }

  idf(w: string): number {
    return Math.log((1 + this.n) / (1 + (this.df.get(w) ?? 0))) + 1;
  }

  vec(text: string): Vec {
    let out = this.cache.get(text);
    if (!out) {
      const counts = new Map<string, number>();
      for (const w of baselineWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const v = new Map<string, number>();
      let sq = 0;
      for (const [w, c] of counts) {
        const x = c * this.idf(w);
        v.set(w, x);
      }
      for (const x of v.values()) sq += x * x;
      out = { v, norm: Math.sqrt(sq) };
      this.cache.set(text, out);
    }
    return out;
  }

  cosine(a: Vec, b: Vec): number {
    if (!a.norm || !b.norm) return 0;
    let dot = 0;
    for (const [w, x] of a.v) dot += x * (b.v.get(w) ?? 0);
    return dot / (a.norm * b.norm);
  }
}

/** One candidate per line of every other article, scored by TF-IDF cosine, stable on ties. */
export const tfidfMatcher: Matcher = {
  name: 'TF-IDF baseline',
  cut: 0.2,
  index(articles) {
    const lines = articles.map((a) => {
      const out: { start: number; end: number; text: string }[] = [];
      let start = 0;
      for (const text of a.text.split('\n')) {
        out.push({ start, end: start + text.length, text });
        start += text.length + 1;
      }
      return { id: a.id, lines: out };
    });
    const model = new TfIdf(lines.flatMap((a) => a.lines.map((l) => l.text)));
    return (queryArticle, query) => {
      const q = model.vec(query);
      const out: Ranked[] = [];
      for (const a of lines) {
        if (a.id === queryArticle) continue;
        for (const l of a.lines) {
          out.push({
            articleId: a.id,
            start: l.start,
            end: l.end,
            score: model.cosine(q, model.vec(l.text)),
          });
        }
      }
      // Array.prototype.sort is stable: ties keep article then line order, as Python's sorted.
      return out.sort((x, y) => y.score - x.score);
    };
  },
};
