import { extractNumbers } from './numbers';
import { findEntities } from './tokens';
import type { Entity, ExtractedNumber } from './types';

/** A figure with what it is about: stemmed unit plus name words near it. */
export interface StatedNumber extends ExtractedNumber {
  /** Lower-cased words of the names the figure is about ("los", "angeles", "county"). */
  context: string[];
  /** Those names whole ("los angeles county"), for labels. */
  about: string[];
}

/** Name words too generic to tell two places apart. */
const GENERIC = new Set(['county', 'city', 'state', 'the', 'of']);

/**
 * The figures a text states, each with the names it is about: for "(101)" after a list item the
 * names before it ("Los Angeles, California (101)"); otherwise names after it up to the next
 * comma or figure ("167 arrests were made in and around Los Angeles"), else names before it.
 */
export function statedNumbers(text: string): StatedNumber[] {
  const numbers = extractNumbers(text);
  const entities = findEntities(text);
  const namesIn = (from: number, to: number) =>
    entities.filter((e) => e.start >= from && e.end <= to);
  return numbers.map((n, i) => {
    const prevEnd = i > 0 ? numbers[i - 1]!.end : 0;
    const nextStart = i + 1 < numbers.length ? numbers[i + 1]!.start : text.length;
    const lineStart = text.lastIndexOf('\n', n.start - 1) + 1;
    const stop = /[.;\n]\s/g;
    stop.lastIndex = prevEnd;
    let sentenceStart = Math.max(prevEnd, lineStart);
    for (let m = stop.exec(text); m && m.index < n.start; m = stop.exec(text)) {
      sentenceStart = Math.max(sentenceStart, m.index + m[0].length);
    }
    const before = namesIn(sentenceStart, n.start);
    const parenthesised = text[n.valueStart - 1] === '(';
    let context: Entity[];
    if (parenthesised) context = before;
    else {
      const rest = text.slice(n.end, nextStart);
      const cut = rest.search(/[,;.\n]/);
      const after = namesIn(n.end, n.end + (cut < 0 ? rest.length : cut));
      context = after.length > 0 ? after : before;
    }
    const words = context.flatMap((e) => e.words).filter((w) => !GENERIC.has(w));
    return { ...n, context: [...new Set(words)], about: [...new Set(context.map((e) => e.key))] };
  });
}
