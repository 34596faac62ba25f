import type { Article } from '../model/types';

/**
 * Outlet short names: what an editor calls a source ("LA Times", "Newsmax"), not the site's
 * marketing title ("Los Angeles Times - California, national and world news").
 */

/** Well-known outlets whose site name or domain differs from what editors call them. */
const KNOWN: Record<string, string> = {
  'latimes.com': 'LA Times',
  'los angeles times': 'LA Times',
  'nytimes.com': 'New York Times',
  'the new york times': 'New York Times',
  'washingtonpost.com': 'Washington Post',
  'the washington post': 'Washington Post',
  'wsj.com': 'WSJ',
  'the wall street journal': 'WSJ',
  'theguardian.com': 'The Guardian',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'bbc news': 'BBC',
  'cnn.com': 'CNN',
  'foxnews.com': 'Fox News',
  'newsmax.com': 'Newsmax',
  'reuters.com': 'Reuters',
  'apnews.com': 'AP',
  'associated press': 'AP',
  'the associated press': 'AP',
  'npr.org': 'NPR',
  'usatoday.com': 'USA Today',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'aljazeera.com': 'Al Jazeera',
  'politico.com': 'Politico',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
};

const MAX_OUTLET_CHARS = 40;

/** A short display name from a site name, publisher or copyright holder; null when unusable. */
export function outletShortName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.replace(/\s+/g, ' ').trim();
  const known = KNOWN[s.toLowerCase()] ?? KNOWN[s.toLowerCase().replace(/^www\./, '')];
  if (known) return known;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s)) return outletFromHost(s);
  // "Los Angeles Times - Breaking news" / "Newsmax | Politics": the outlet comes first.
  s = s.split(/\s+[-–—|:·]\s+/)[0]!.trim();
  s = s
    .replace(/,?\s+(?:inc|llc|ltd|plc|corp|co|gmbh|s\.a)\.?$/i, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  const again = KNOWN[s.toLowerCase()];
  if (again) return again;
  if (s.length === 0 || s.length > MAX_OUTLET_CHARS) return null;
  return s;
}

/** "www.example-news.co.uk" → "Example News"; known domains by name. */
export function outletFromHost(host: string): string | null {
  const h = host.toLowerCase().replace(/^www\d?\./, '');
  for (const [domain, name] of Object.entries(KNOWN)) {
    if (domain.includes('.') && (h === domain || h.endsWith(`.${domain}`))) return name;
  }
  const parts = h.split('.');
  // Drop the public suffix: one label (".com") or two for country second levels (".co.uk").
  const suffix = parts.length > 2 && parts[parts.length - 2]!.length <= 3 ? 2 : 1;
  const label = parts[parts.length - 1 - suffix];
  if (!label) return null;
  return label
    .split('-')
    .filter(Boolean)
    .map((w) => (w.length <= 3 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * The name to show wherever a source is named (library, column and matrix headers, group
 * members, exports): the outlet, else the site of its address, else null (callers fall back
 * to the title).
 */
export function outletName(
  article: Pick<Article, 'source'> & { url?: string | null },
): string | null {
  if (article.source?.trim()) return article.source.trim();
  if (article.url) {
    try {
      return outletFromHost(new URL(article.url).hostname);
    } catch {
      return null;
    }
  }
  return null;
}
