/**
 * W3C TextPositionSelector counts Unicode code points; JavaScript strings (and so every offset
 * inside Corroborate) count UTF-16 code units. The two differ by one for each astral character
 * (emoji, some CJK, mathematical letters) before the offset. Bundles store code points so that
 * other Web Annotation tools land on the same characters; the app converts on export and import.
 */

/** True when the text holds no astral characters, so both counts are equal and conversion is free. */
export function isBmpOnly(text: string): boolean {
  return !/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

/**
 * UTF-16 offset → code-point offset. An offset that falls between the two halves of a surrogate
 * pair counts the whole pair (it is rounded up to the end of that character).
 * @throws RangeError when the offset is not an integer within 0..text.length.
 */
export function utf16ToCodePoint(text: string, offset: number): number {
  checkRange(offset, text.length, 'UTF-16 offset');
  let cp = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point: skip the low half.
    if (c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(i + 1))) i++;
    cp++;
  }
  return cp;
}

/**
 * Code-point offset → UTF-16 offset.
 * @throws RangeError when cp is not an integer within 0..(number of code points in text).
 */
export function codePointToUtf16(text: string, cp: number): number {
  if (!Number.isInteger(cp) || cp < 0) throw new RangeError(`Code-point offset ${cp} is invalid.`);
  let i = 0;
  for (let n = 0; n < cp; n++) {
    if (i >= text.length) {
      throw new RangeError(`Code-point offset ${cp} is past the end of the text.`);
    }
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Number of code points in the text (what W3C offsets are bounded by). */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

export interface OffsetConverter {
  readonly codePointLength: number;
  toCodePoint(utf16: number): number;
  /** Returns -1 when the code-point offset is outside the text (callers report it). */
  toUtf16(cp: number): number;
}

/**
 * A converter for many offsets into the same text: O(n) once, then O(log k) per offset where k
 * is the number of astral characters (a bundle holds thousands of offsets per article).
 */
export function offsetConverter(text: string): OffsetConverter {
  // UTF-16 index of each astral character's high surrogate, in order.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      pairs.push(i);
      i++;
    }
  }
  const cpLength = text.length - pairs.length;
  if (pairs.length === 0) {
    return {
      codePointLength: cpLength,
      toCodePoint: (u) => (checkRange(u, text.length, 'UTF-16 offset'), u),
      toUtf16: (cp) => (Number.isInteger(cp) && cp >= 0 && cp <= cpLength ? cp : -1),
    };
  }
  return {
    codePointLength: cpLength,
    toCodePoint(u) {
      checkRange(u, text.length, 'UTF-16 offset');
      // Each pair wholly before u took two units for one code point; an offset between the
      // halves keeps its pair (rounds up), as utf16ToCodePoint does.
      return u - countBelow(pairs, u, (p) => p + 1);
    },
    toUtf16(cp) {
      if (!Number.isInteger(cp) || cp < 0 || cp > cpLength) return -1;
      // The k-th pair (0-based) starts at code point pairs[k] - k.
      return cp + countBelow(pairs, cp, (p, k) => p - k);
    },
  };
}

/** How many entries have key(entry, index) < bound (keys ascend with the index). */
function countBelow(xs: number[], bound: number, key: (x: number, k: number) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!, mid) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function checkRange(offset: number, length: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`${what} ${offset} is outside 0..${length}.`);
  }
}
