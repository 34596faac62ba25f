import { normalizeDate } from './metadata';

/**
 * Source identity from what a page declares about itself: schema.org NewsArticle JSON-LD,
 * bylines. Pure functions over strings; the DOM reading lives in the renderer.
 */
export interface SourceFacts {
  title: string | null;
  /** Publisher / site name as written (shortened later by outletShortName). */
  publisher: string | null;
  authors: string[];
  date: string | null;
  url: string | null;
  language: string | null;
}

export const EMPTY_FACTS: SourceFacts = {
  title: null,
  publisher: null,
  authors: [],
  date: null,
  url: null,
  language: null,
};

const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BlogPosting',
  'Report',
]);

/** Facts from the page's `<script type="application/ld+json">` blocks (bad JSON is skipped). */
export function factsFromJsonLd(scripts: readonly string[]): SourceFacts {
  for (const raw of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const node = findArticle(data);
    if (!node) continue;
    return {
      title: str(node['headline']) ?? str(node['name']),
      publisher: nameOf(node['publisher']),
      authors: namesOf(node['author']),
      date: normalizeDate(str(node['datePublished']) ?? str(node['dateCreated'])),
      url: httpUrl(str(node['url']) ?? idOf(node['mainEntityOfPage'])),
      language: language(str(node['inLanguage'])),
    };
  }
  return EMPTY_FACTS;
}

type Obj = Record<string, unknown>;

function findArticle(data: unknown, depth = 0): Obj | null {
  if (depth > 4 || !data || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = findArticle(d, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = data as Obj;
  const types = ([] as unknown[]).concat(obj['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t))) return obj;
  return findArticle(obj['@graph'], depth + 1);
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || null;
  return null;
}

function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') return str((v as Obj)['name']);
  return null;
}

function namesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v == null ? [] : [v];
  return unique(list.map(nameOf).filter((n): n is string => !!n));
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return str((v as Obj)['@id']) ?? str((v as Obj)['url']);
  return null;
}

/** An absolute http(s) address, or null. */
export function httpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A BCP 47 tag in its usual case ("en", "en-GB"), or null. */
export function language(raw: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?\b/i.exec(raw?.trim() ?? '');
  if (!m) return null;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}

/**
 * Authors from a byline: "By Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe"].
 * Returns [] for text that is not a byline, so a first paragraph is never mistaken for one.
 */
export function authorsFromByline(raw: string | null | undefined): string[] {
  const s = raw?.replace(/\s+/g, ' ').trim() ?? '';
  if (!s || s.length > 160) return [];
  const body = s
    .replace(/^by\s+/i, '')
    .replace(/\s*\|.*$/, '')
    .replace(/\s+(?:updated|published|posted)\b.*$/i, '');
  const names = body
    .split(/\s*(?:,|\band\b|&|;)\s*/i)
    .map((n) => n.trim())
    .filter((n) => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(n));
  // The last comma part is often the outlet or a title ("Reuters", "Staff Writer"): a name
  // has at least two words, which the pattern already requires.
  return unique(names);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
