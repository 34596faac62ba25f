import type { Article } from '../../../shared/model/types';

export interface SearchHit {
  article: Article;
  /** Text around the first match in the body, when the title did not match. */
  snippet: string | null;
}

/** Case- and accent-insensitive search over titles, sources and text; every word must match. */
export function searchArticles(articles: readonly Article[], query: string): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return articles.map((article) => ({ article, snippet: null }));
  const hits: SearchHit[] = [];
  for (const article of articles) {
    const head = fold(`${article.title} ${article.source ?? ''}`);
    const body = fold(article.text);
    if (!words.every((w) => head.includes(w) || body.includes(w))) continue;
    const inBody = words.find((w) => !head.includes(w));
    hits.push({
      article,
      snippet: inBody ? snippetAround(article.text, body.indexOf(inBody), inBody.length) : null,
    });
  }
  return hits;
}

// Folding keeps string length for the Latin text we match (NFD + strip marks would not), so
// indexes found in the folded text are valid in the original.
function fold(s: string): string {
  return s.toLocaleLowerCase();
}

function snippetAround(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + length + 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\n/g, ' ')}${end < text.length ? '…' : ''}`;
}
