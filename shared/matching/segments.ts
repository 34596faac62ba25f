import type { Segment, Span } from './types';

/** Abbreviations whose period does not end a sentence ("Portland, Ore.", "Gov. Brown"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sr', 'jr', 'gov', 'sen', 'rep', 'gen', 'col', 'lt', 'sgt', 'capt',
  'prof', 'rev', 'hon', 'no', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'dept', 'univ', 'ave', 'mt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]); // prettier-ignore

/** Long sentences also yield clauses; clauses longer than this are cut into word windows. */
const CLAUSE_MIN_SENTENCE_WORDS = 14;
const WINDOW_WORDS = 20;
const WINDOW_STRIDE = 10;
const MAX_CLAUSE_WORDS = 40;
const MIN_SPAN_WORDS = 3;

function countWords(s: string): number {
  return s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Shrink [start, end) past surrounding whitespace. */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Each line (paragraph) of the text as a span, empty lines skipped. */
export function splitLines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const span = trimSpan(text, start, start + line.length);
    if (span.end > span.start) out.push(span);
    start += line.length + 1;
  }
  return out;
}

/**
 * Sentences of the text: a sentence ends at . ! ? (plus closing quotes/brackets) followed by space
 * and a capital, digit or opening quote, or at a line end. Periods of abbreviations and initialisms
 * ("D.C.", "U.S.", "Ore.") do not end a sentence unless a new line follows.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const line of splitLines(text)) {
    let from = line.start;
    const re = /[.!?]+["”’')\]]*(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;
    re.lastIndex = line.start;
    const body = text.slice(0, line.end);
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (m[0].startsWith('.') && m[0].length === 1) {
        const word =
          /([\p{L}.]+)$/u.exec(text.slice(Math.max(from, m.index - 24), m.index))?.[1] ?? '';
        const bare = word.replace(/\.$/, '');
        if (ABBREVIATIONS.has(bare.toLowerCase()) || /^(?:\p{L}\.)+\p{L}?$/u.test(word + '.')) {
          continue;
        }
      }
      const span = trimSpan(text, from, m.index + m[0].length);
      if (span.end > span.start) out.push(span);
      from = m.index + m[0].length;
    }
    const last = trimSpan(text, from, line.end);
    if (last.end > last.start) out.push(last);
  }
  return out;
}

// Where a long sentence may be cut into clauses: ; : dashes, and commas before a conjunction.
const CLAUSE_BREAK_RE =
  /[;:]\s+|\s+[—–]\s+|,\s+(?=(?:while|but|and|which|who|whereas|although|though|as well as|according to|despite)\b)/gu;

/** Clauses of one sentence span (only when it is long enough to need them). */
export function splitClauses(text: string, sentence: Span): Span[] {
  const s = text.slice(sentence.start, sentence.end);
  if (countWords(s) < CLAUSE_MIN_SENTENCE_WORDS) return [];
  const out: Span[] = [];
  let from = 0;
  for (const m of s.matchAll(CLAUSE_BREAK_RE)) {
    out.push(trimSpan(text, sentence.start + from, sentence.start + m.index));
    from = m.index + m[0].length;
  }
  out.push(trimSpan(text, sentence.start + from, sentence.end));
  return out.length > 1 ? out : [];
}

/** Overlapping word windows over a long run of text without punctuation (tables, lists). */
function wordWindows(text: string, span: Span): Span[] {
  const words = [...text.slice(span.start, span.end).matchAll(/\S+/g)];
  const out: Span[] = [];
  for (let i = 0; i < words.length; i += WINDOW_STRIDE) {
    const last = words[Math.min(i + WINDOW_WORDS, words.length) - 1]!;
    out.push({
      start: span.start + words[i]!.index,
      end: span.start + last.index + last[0].length,
    });
    if (i + WINDOW_WORDS >= words.length) break;
  }
  return out;
}

const OPEN = new Set(['“', '"']);
const CLOSE = new Set(['”', '"']);

/**
 * Quoted passages: text between quote marks, per line. An opening mark left unclosed at the line
 * end runs to the line end (the newspaper convention for multi-paragraph quotes). Two passages of
 * one line separated by a short attribution ("…,” Homan said. “As a result…”) also yield one span
 * covering both, so a quote that spans sentences can be matched whole.
 */
export function findQuotedPassages(text: string): Span[] {
  const out: Span[] = [];
  for (const line of splitLines(text)) {
    const parts: Span[] = [];
    let open = -1;
    for (let i = line.start; i < line.end; i++) {
      const c = text[i]!;
      if (open < 0 && OPEN.has(c)) open = i + 1;
      else if (open >= 0 && CLOSE.has(c)) {
        parts.push(trimSpan(text, open, i));
        open = -1;
      }
    }
    if (open >= 0) parts.push(trimSpan(text, open, line.end));
    const long = parts.filter((p) => countWords(text.slice(p.start, p.end)) >= 4);
    out.push(...long);
    for (let k = 0; k + 1 < long.length; k++) {
      const gap = text.slice(long[k]!.end, long[k + 1]!.start);
      if (gap.length <= 48) out.push({ start: long[k]!.start, end: long[k + 1]!.end });
    }
  }
  return out;
}

/**
 * Candidate spans of an article for matching: every sentence, the clauses of long sentences,
 * word windows over very long unpunctuated runs, and quoted passages. Sorted by start; duplicates
 * removed.
 */
export function segmentArticle(text: string): Segment[] {
  const out: Segment[] = [];
  for (const sentence of splitSentences(text)) {
    const words = countWords(text.slice(sentence.start, sentence.end));
    if (
      words > MAX_CLAUSE_WORDS * 2 &&
      !/[.,;:]\s/.test(text.slice(sentence.start, sentence.end))
    ) {
      // A table flattened into one line: sentence-sized windows are the only useful candidates.
      for (const w of wordWindows(text, sentence)) out.push({ ...w, kind: 'window' });
      continue;
    }
    out.push({ ...sentence, kind: 'sentence' });
    for (const clause of splitClauses(text, sentence)) {
      const n = countWords(text.slice(clause.start, clause.end));
      if (n < MIN_SPAN_WORDS) continue;
      if (n > MAX_CLAUSE_WORDS) {
        for (const w of wordWindows(text, clause)) out.push({ ...w, kind: 'window' });
      } else out.push({ ...clause, kind: 'clause' });
    }
  }
  for (const q of findQuotedPassages(text)) out.push({ ...q, kind: 'quote' });
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
