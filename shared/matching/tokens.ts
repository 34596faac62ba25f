import { stemmer } from 'stemmer';
import { eng as englishStopWords } from 'stopword';
import { isNumberWord } from './numbers';
import type { Entity, Token } from './types';

const STOP = new Set(englishStopWords);

// Initialisms ("U.S.", "D.C.", "L.A.") stay one token; words keep inner apostrophes ("ICE’s").
const WORD_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

export function isStopWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** Lower-case, straighten apostrophes, drop a possessive "'s" ("ICE’s" -> "ice"). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: most words carry no apostrophe (tokenising is the bulk of building an index).
  if (!lower.includes("'") && !lower.includes('’')) return lower;
  return lower.replace(/’/g, "'").replace(/'s$/, '');
}

// Stemming dominates tokenising; news vocabulary is small, so stems are memoised (bounded).
const stemCache = new Map<string, string>();

export function stemWord(norm: string): string {
  let stem = stemCache.get(norm);
  if (stem === undefined) {
    stem = norm.includes('.') || /^\p{N}+$/u.test(norm) ? norm : stemmer(norm);
    if (stemCache.size > 100_000) stemCache.clear();
    stemCache.set(norm, stem);
  }
  return stem;
}

/** Every word of `text` with offsets, normalised form, stem and stop-word flag. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const norm = normalizeWord(m[0]);
    // A possessive or curly apostrophe changes `norm`; the word as written may be a stop word.
    const stop = STOP.has(norm) || (norm.length !== m[0].length && STOP.has(m[0].toLowerCase()));
    out.push({
      text: m[0],
      norm,
      stem: stemWord(norm),
      stop,
      key: !stop && norm.length > 1 && !/^\p{N}/u.test(norm) && !isNumberWord(norm),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Whether a token carries meaning for term matching (see Token.key). */
export function isKeyToken(t: Token): boolean {
  return t.key;
}

/** Stems of the key tokens of `text` (with repeats, in order). */
export function keyTerms(text: string): string[] {
  return tokenize(text)
    .filter(isKeyToken)
    .map((t) => t.stem);
}

// "and" is not a connector: it joins list items far more often than it sits inside a name.
const CONNECTORS = new Set(['of', 'for', 'de', 'the']);

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

function isAllCaps(t: Token): boolean {
  return t.text.length > 1 && /^[\p{Lu}.]+(?:['’]s)?$/u.test(t.text);
}

/** True when `offset` starts a sentence: only quotes/brackets/space since the text start or a stop. */
function startsSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"“‘'(«]/u.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/**
 * Capitalised phrases that look like names: "Los Angeles", "Tom Homan", "ICE", "Department of
 * Homeland Security". A lone capitalised word opening a sentence ("Nearly", "Federal") is skipped
 * unless it is an acronym or directly followed by "," or "(" as in list lines ("Denver (63)").
 */
export function findEntities(text: string, tokens: Token[] = tokenize(text)): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    const capital = isCapitalised(first) && (!first.stop || isAllCaps(first));
    if (!capital) {
      i++;
      continue;
    }
    let j = i;
    // Extend over further capitalised words, allowing "of"/"and" between two capitalised words.
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      const gap = text.slice(tokens[j]!.end, next.start);
      if (!/^[ \t]+$/.test(gap)) break; // names never run across punctuation or lines
      if (isCapitalised(next)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (
        CONNECTORS.has(next.norm) &&
        after &&
        isCapitalised(after) &&
        /^[ \t]+$/.test(text.slice(next.end, after.start))
      ) {
        j += 2;
        continue;
      }
      break;
    }
    const phrase = tokens.slice(i, j + 1);
    const single = phrase.length === 1;
    const keep =
      !single ||
      isAllCaps(first) ||
      !startsSentence(text, first.start) ||
      /^\s*[,(]/.test(text.slice(first.end, first.end + 2));
    if (keep) {
      // A leading stop word ("The Times") is not part of the name's key.
      const words = phrase.map((t) => t.norm).filter((w, k) => k > 0 || !STOP.has(w));
      if (words.length > 0) {
        out.push({
          text: text.slice(first.start, phrase[phrase.length - 1]!.end),
          key: words.join(' '),
          words,
          start: first.start,
          end: phrase[phrase.length - 1]!.end,
        });
      }
    }
    i = j + 1;
  }
  return out;
}
