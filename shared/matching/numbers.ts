import { stemmer } from 'stemmer';
import { eng as englishStopWords } from 'stopword';
import type { Approximation, ExtractedNumber } from './types';

/*
 * English number words are parsed with the small table below rather than `words-to-numbers`:
 * that package (last release 2017, Babel 6 runtime, no types) converts whole strings and returns
 * no offsets, while matching needs each figure's exact position and the words around it. News
 * copy only spells out small figures ("Eighteen", "Eighty-six", "four-day", "two hundred"), which
 * the table covers completely; larger figures are written in digits ("8,400", "1.5 million").
 */
const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** True for a word of the number-word table (used by the tokenizer to keep figures out of terms). */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORD_SET.has(word) || NUMBER_WORD_SET.has(word.toLowerCase());
}
const NUMBER_WORD_SET = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...Object.keys(SCALES),
]);

const WORD_ALT = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)]
  .sort((a, b) => b.length - a.length)
  .join('|');
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER_WORDS = String.raw`(?:${WORD_ALT})(?:(?:[\s-]+|\s+and\s+)(?:${WORD_ALT}))*`;
// Digits must not touch letters or other digits ("1980s", "A1", "2017-09-28" are handled apart).
// (The look-behind sits inside the digits branch: at the front it would run at every position.)
const FIGURE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(${DIGITS})(?:\s+(${Object.keys(SCALES).join('|')})\b)?|\b(${NUMBER_WORDS})\b`,
  'giu',
);
// Dates and times are not figures: their digits would read as spurious counts.
const DATE_RE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b/g;

/** Qualifiers written before a figure, longest first so "just under" wins over "under". */
const QUALIFIERS: [string, Approximation][] = [
  ['just under', 'below'],
  ['just over', 'above'],
  ['close to', 'below'],
  ['nearly', 'below'],
  ['almost', 'below'],
  ['approximately', 'around'],
  ['an estimated', 'around'],
  ['roughly', 'around'],
  ['around', 'around'],
  ['about', 'around'],
  ['some', 'around'],
  ['upwards of', 'exact'],
  ['more than', 'exact'],
  ['fewer than', 'exact'],
  ['less than', 'exact'],
  ['at least', 'exact'],
  ['at most', 'exact'],
  ['up to', 'exact'],
  ['over', 'exact'],
  ['under', 'exact'],
];
const QUALIFIER_RE = new RegExp(
  String.raw`(?:^|[^\p{L}])(${QUALIFIERS.map(([q]) => q.replace(' ', String.raw`\s+`)).join('|')})\s+$`,
  'iu',
);

/*
 * Nouns that count people in news copy: "498 individuals", "nearly 500 arrests", "500 aliens" all
 * count the same people, so they are one unit when aligning figures across outlets.
 */
const HEADCOUNT = new Set([
  'arrest', 'individu', 'peopl', 'person', 'immigr', 'alien', 'migrant', 'resid', 'apprehens',
  'detaine', 'worker', 'student', 'victim', 'adult', 'child', 'men', 'women',
]); // prettier-ignore

/** The unit a figure is compared under: people-counting nouns share the class 'people'. */
export function unitClass(unit: string | null): string | null {
  if (unit === null) return null;
  return HEADCOUNT.has(unit) ? 'people' : unit;
}

/** Whether two figures may count the same thing (an unknown unit may be anything). */
export function unitsAlign(a: string | null, b: string | null): boolean {
  const ca = unitClass(a);
  const cb = unitClass(b);
  return ca === null || cb === null || ca === cb;
}

/** Tolerance for approximations: "nearly 500" covers 475..500 (498 matches, 450 does not). */
export const APPROXIMATION_TOLERANCE = 0.05;

const STOP = new Set(englishStopWords);
// Words that may sit between a figure and the noun it counts ("107 more arrests", "317 of the total").
const SKIP_BEFORE_UNIT = new Set([
  'more',
  'other',
  'additional',
  'new',
  'total',
  'further',
  'extra',
]);
const AUXILIARIES = new Set(['are', 'were', 'was', 'is', 'had', 'have', 'has']);

function parseNumberWords(phrase: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of phrase.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word in UNITS) current += UNITS[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** Stem of the noun a figure counts, read from the words after it; null when none is found. */
function findUnit(text: string, from: number): string | null {
  const after = text.slice(from, from + 80);
  // "four-day", "two-year": the unit is glued to the figure.
  const glued = /^-(\p{L}+)/u.exec(after);
  if (glued) return stemmer(glued[1]!.toLowerCase());
  if (/^\s*(?:%|percent\b|per cent\b)/iu.test(after)) return 'percent';
  const words = after.split(/(?=[^\p{L}'’\s-])/u)[0] ?? ''; // stop at the first punctuation mark
  const list = words
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let i = 0;
  // "Eighty-six of the convictions", "181 of those arrested"
  if (list[i] === 'of') {
    i++;
    if (list[i] === 'the' || list[i] === 'those' || list[i] === 'these') i++;
  }
  if (list[i] !== undefined && AUXILIARIES.has(list[i]!)) i++; // "18 are gang members"
  while (list[i] !== undefined && SKIP_BEFORE_UNIT.has(list[i]!)) i++;
  const run: string[] = [];
  for (; i < list.length && run.length < 4; i++) {
    const w = list[i]!.replace(/['’]s$/, '');
    if (STOP.has(w) || isNumberWord(w) || !/^\p{L}[\p{L}-]*$/u.test(w)) break;
    run.push(w);
  }
  if (run.length === 0) return null;
  // The head noun of "criminal illegal aliens" / "undocumented immigrants countrywide" is the
  // plural; without a plural take the first word ("people", "operation").
  const plural = [...run].reverse().find((w) => /[^su]s$/.test(w) || /ies$/.test(w));
  return stemmer((plural ?? run[0]!).split('-').pop()!);
}

function readQualifier(text: string, start: number): { qualifier: string; at: number } | null {
  const before = text.slice(Math.max(0, start - 24), start);
  const m = QUALIFIER_RE.exec(before);
  if (!m) return null;
  const phrase = m[1]!;
  return {
    qualifier: phrase.toLowerCase().replace(/\s+/g, ' '),
    at: start - (before.length - before.lastIndexOf(phrase)),
  };
}

/**
 * Every figure stated in `text`, in order: digits ("498", "8,400", "1.5 million"), number words
 * ("Eighteen", "Eighty-six", the "four" of "four-day"), each with its qualifier and counted noun.
 * Dates, times and "1980s"-style decades are skipped.
 */
export function extractNumbers(text: string): ExtractedNumber[] {
  const blocked: [number, number][] = [];
  for (const m of text.matchAll(DATE_RE)) blocked.push([m.index, m.index + m[0].length]);
  const out: ExtractedNumber[] = [];
  for (const m of text.matchAll(FIGURE_RE)) {
    const valueStart = m.index;
    const valueEnd = valueStart + m[0].length;
    if (blocked.some(([s, e]) => valueStart < e && valueEnd > s)) continue;
    if (/^[\p{L}\p{N}]/u.test(text.slice(valueEnd, valueEnd + 1))) continue; // "1980s", "3rd"
    let value: number | null;
    if (m[1] !== undefined) {
      value = Number(m[1].replace(/,/g, ''));
      if (m[2] !== undefined) value *= SCALES[m[2].toLowerCase()]!;
    } else {
      value = parseNumberWords(m[3]!);
    }
    if (value === null || !Number.isFinite(value)) continue;
    const q = readQualifier(text, valueStart);
    const start = q ? q.at : valueStart;
    const unit = findUnit(text, valueEnd);
    // "one" is mostly a pronoun ("the one this week"); keep it only when it counts something.
    if (m[3] !== undefined && value === 1 && unit === null) continue;
    const plainYear =
      m[1] !== undefined &&
      m[2] === undefined &&
      /^\d{4}$/.test(m[1]) &&
      value >= 1800 &&
      value <= 2100;
    const isYear =
      plainYear && (unit === null || !/s$/.test(text.slice(valueEnd).split(/\s+/)[1] ?? ''));
    out.push({
      value,
      raw: text.slice(start, valueEnd),
      start,
      end: valueEnd,
      valueStart,
      valueEnd,
      qualifier: q ? q.qualifier : null,
      approximation: q ? QUALIFIERS.find(([p]) => p === q.qualifier)![1] : 'exact',
      kind: isYear ? 'year' : 'count',
      unit: isYear ? 'year' : unit,
    });
  }
  return out;
}

/** The range of values a stated figure allows (bounds such as "at least" state their figure). */
export function numberRange(n: Pick<ExtractedNumber, 'value' | 'approximation'>): [number, number] {
  const slack = Math.max(n.value * APPROXIMATION_TOLERANCE, n.approximation === 'exact' ? 0 : 1);
  switch (n.approximation) {
    case 'below':
      return [n.value - slack, n.value];
    case 'above':
      return [n.value, n.value + slack];
    case 'around':
      return [n.value - slack, n.value + slack];
    default:
      return [n.value, n.value];
  }
}

/**
 * Whether two stated figures can be the same figure: equal values, or an approximation whose
 * range holds the other ("nearly 500" ~ 498; "nearly 500" vs 450 or 498 vs 500 are different).
 * Years only compare with years.
 */
export function numbersCompatible(
  a: Pick<ExtractedNumber, 'value' | 'approximation' | 'kind'>,
  b: Pick<ExtractedNumber, 'value' | 'approximation' | 'kind'>,
): boolean {
  if (a.kind !== b.kind) return false;
  const [aLo, aHi] = numberRange(a);
  const [bLo, bHi] = numberRange(b);
  const eps = 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  return aLo <= bHi + eps && bLo <= aHi + eps;
}
