/**
 * Reads an article's title, date and source from its canonical text, for files that carry none.
 * Heuristics are deliberately conservative: a wrong source name is worse than none.
 */

export interface MetadataHints {
  /** From the container format: HTML <title>/<h1>, a Markdown '# ' heading. */
  title?: string | null;
  /** From HTML meta (article:published_time, og:site_name, ...). */
  date?: string | null;
  source?: string | null;
  /** File name; last resort for a title. */
  fileName?: string | null;
}

export interface DerivedArticle {
  title: string;
  source: string | null;
  date: string | null;
  /** The canonical text with a leading metadata marker (e.g. "date 2017-09-28") removed. */
  text: string;
}

export const MAX_TITLE_CHARS = 90;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A leading "date 2017-09-28" / "Date: September 28, 2017" marker at the very start of the text. */
const LEADING_DATE =
  /^date\s*:?\s*(\d{4}-\d{2}-\d{2}|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4})\b\s*/i;

const COPYRIGHT =
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)\.?\s*(?:all rights reserved\.?)?$/i;

export function deriveMetadata(canonical: string, hints: MetadataHints = {}): DerivedArticle {
  let text = canonical;
  let date = normalizeDate(hints.date ?? null);
  const dateMatch = LEADING_DATE.exec(text);
  if (dateMatch) {
    date ??= normalizeDate(dateMatch[1]!);
    text = text.slice(dateMatch[0].length);
  }
  const title =
    cleanTitle(hints.title) ??
    titleFromText(text) ??
    titleFromFileName(hints.fileName) ??
    'Untitled article';
  const source = cleanSource(hints.source) ?? sourceFromText(text);
  return { title, source, date, text };
}

/** First sentence of the first paragraph, cut at a word boundary. */
export function titleFromText(text: string): string | null {
  const first = text.split('\n', 1)[0]?.trim();
  if (!first) return null;
  return truncateWords(firstSentence(first).replace(/[.]$/, ''), MAX_TITLE_CHARS);
}

/** Abbreviations whose period does not end a sentence ("U.S.", "Mr.", "Ore."). */
const ABBREVIATION =
  /\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Ore|Ill|Calif|Mass|Wash|Inc|Co|Corp|No|vs)\.$/;

function firstSentence(paragraph: string): string {
  const end = /[.!?]["”’']?(?=\s+["“‘']?[A-Z0-9])/g;
  for (let m = end.exec(paragraph); m; m = end.exec(paragraph)) {
    const upto = paragraph.slice(0, m.index + 1);
    if (!ABBREVIATION.test(upto)) return paragraph.slice(0, m.index + m[0].length);
  }
  return paragraph;
}

/** An outlet named in a copyright line ("© 2025 Newsmax. All rights reserved."). */
export function sourceFromText(text: string): string | null {
  const lines = text.split('\n');
  // Copyright lines close articles; look at the last few paragraphs only.
  for (const line of lines.slice(-4).reverse()) {
    const m = COPYRIGHT.exec(line.trim());
    if (m) return cleanSource(m[1]);
  }
  return null;
}

export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return validDate(+iso[1]!, +iso[2]!, +iso[3]!);
  const long = /^([a-z]+)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (long) {
    const month = MONTHS.indexOf(long[1]!.toLowerCase()) + 1;
    if (month > 0) return validDate(+long[3]!, month, +long[2]!);
  }
  return null;
}

function validDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cleanTitle(raw: string | null | undefined): string | null {
  const t = raw?.replace(/\s+/g, ' ').trim();
  return t ? truncateWords(t, MAX_TITLE_CHARS) : null;
}

function cleanSource(raw: string | null | undefined): string | null {
  const s = raw
    ?.replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .trim();
  return s && s.length <= 60 ? s : null;
}

function titleFromFileName(name: string | null | undefined): string | null {
  const base = name
    ?.replace(/\.[a-z0-9]+$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base ? truncateWords(base, MAX_TITLE_CHARS) : null;
}

export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
