import type { TextPositionSelector, TextQuoteSelector } from '../model/types';

/** Characters of context kept on each side; enough to tell repeated sentences apart (seed 000 repeats its lead). */
export const QUOTE_CONTEXT_CHARS = 32;

export class SelectorRangeError extends Error {
  constructor(start: number, end: number, length: number) {
    super(`Range ${start}–${end} is outside the text (length ${length}).`);
    this.name = 'SelectorRangeError';
  }
}

export function isValidRange(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    start < end
  );
}

export function buildPositionSelector(
  text: string,
  start: number,
  end: number,
): TextPositionSelector {
  if (!isValidRange(text, start, end)) throw new SelectorRangeError(start, end, text.length);
  return { type: 'TextPositionSelector', start, end };
}

export function buildQuoteSelector(
  text: string,
  start: number,
  end: number,
  context = QUOTE_CONTEXT_CHARS,
): TextQuoteSelector {
  if (!isValidRange(text, start, end)) throw new SelectorRangeError(start, end, text.length);
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(safeStart(text, start - context), start),
    suffix: text.slice(end, safeEnd(text, end + context)),
  };
}

export function makeSelectors(
  text: string,
  start: number,
  end: number,
): { position: TextPositionSelector; quote: TextQuoteSelector } {
  return {
    position: buildPositionSelector(text, start, end),
    quote: buildQuoteSelector(text, start, end),
  };
}

/**
 * Trim a selection to its visible words: editors' mouse selections often take a leading or
 * trailing space or newline. Returns null when nothing but white space was selected.
 */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** Do the stored selectors still describe this text? (The position's slice equals the quote.) */
export function selectorsMatch(
  text: string,
  position: TextPositionSelector,
  quote: TextQuoteSelector,
): boolean {
  return (
    isValidRange(text, position.start, position.end) &&
    text.slice(position.start, position.end) === quote.exact
  );
}

// Never cut a surrogate pair in half when taking context.
function safeStart(text: string, i: number): number {
  if (i <= 0) return 0;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}
function safeEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}
