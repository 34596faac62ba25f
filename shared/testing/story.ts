// Test-only story fixtures: a seed article keyed by its sha256, annotations on its sentences.
import { createHash } from 'node:crypto';
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { seed } from './seeds';

export function seedArticle(prefix = '000'): Article {
  const s = seed(prefix);
  const sha = createHash('sha256').update(s.canonical).digest('hex');
  return {
    id: sha,
    sha256: sha,
    title: s.canonical.split('\n')[0]!.slice(0, 80),
    source: null,
    authors: [],
    url: null,
    language: 'en',
    date: null,
    text: s.canonical,
    structure: null,
    origin: { kind: 'seed', name: s.id, format: 'txt' },
    createdAt: 1000,
    updatedAt: 1000,
    deletedAt: null,
  };
}

/** An annotation on the n-th sentence-ish span of the article. */
export function annotationOn(article: Article, id: string, n: number, author: string): Annotation {
  const sentences = [...article.text.matchAll(/[^.\n]{20,}[.]/g)];
  const m = sentences[n % sentences.length]!;
  const start = m.index!;
  const exact = m[0];
  return {
    id,
    articleId: article.id,
    kind: 'claim',
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    speaker: null,
    note: '',
    groupId: null,
    stance: null,
    tags: [],
    author,
    createdAt: 2000 + n,
    updatedAt: 2000 + n,
    deletedAt: null,
  };
}

export function group(id: string, label: string): ClaimGroup {
  return {
    id,
    label,
    labelEdited: false,
    verdict: null,
    reasoning: '',
    status: 'open',
    resolution: '',
    createdAt: 3000,
    updatedAt: 3000,
    deletedAt: null,
  };
}
