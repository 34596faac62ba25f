import { describe, expect, it } from 'vitest';
import { seed } from '../testing/seeds';
import {
  codePointLength,
  codePointToUtf16,
  isBmpOnly,
  offsetConverter,
  utf16ToCodePoint,
} from './codepoints';

// Astral characters: emoji (incl. a ZWJ sequence with skin tone), a CJK Extension B ideograph,
// a mathematical bold letter and a musical symbol; plus BMP-only accents for contrast.
const TEXT = 'ICE 🚨 said 👩🏽‍⚖️ judges in 𠜎 cities. 𝐁old claim 𝄞 — café.';

describe('code points ⇄ UTF-16', () => {
  it('matches Array.from (which iterates by code point) at every boundary', () => {
    const cps = Array.from(TEXT);
    let u = 0;
    for (let cp = 0; cp <= cps.length; cp++) {
      expect(codePointToUtf16(TEXT, cp)).toBe(u);
      expect(utf16ToCodePoint(TEXT, u)).toBe(cp);
      u += cps[cp]?.length ?? 0;
    }
    expect(codePointLength(TEXT)).toBe(cps.length);
    // 🚨 👩 🏽 𠜎 𝐁 𝄞 are astral (⚖ and the ZWJ are not): the two counts really differ.
    expect(TEXT.length - cps.length).toBe(6);
  });

  it('gives the span of an emoji-bearing quote in W3C code points', () => {
    const start = TEXT.indexOf('said');
    const end = TEXT.indexOf(' judges');
    const cpStart = utf16ToCodePoint(TEXT, start);
    const cpEnd = utf16ToCodePoint(TEXT, end);
    expect(Array.from(TEXT).slice(cpStart, cpEnd).join('')).toBe('said 👩🏽‍⚖️');
    expect(cpStart).toBe(start - 1); // one astral character (🚨) precedes it
    expect(TEXT.slice(codePointToUtf16(TEXT, cpStart), codePointToUtf16(TEXT, cpEnd))).toBe(
      TEXT.slice(start, end),
    );
  });

  it('rounds an offset inside a surrogate pair up to the end of that character', () => {
    const inside = TEXT.indexOf('🚨') + 1;
    expect(utf16ToCodePoint(TEXT, inside)).toBe(utf16ToCodePoint(TEXT, inside + 1));
    expect(offsetConverter(TEXT).toCodePoint(inside)).toBe(utf16ToCodePoint(TEXT, inside));
  });

  it('refuses offsets outside the text', () => {
    expect(() => utf16ToCodePoint(TEXT, TEXT.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(TEXT, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, codePointLength(TEXT) + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, 1.5)).toThrow(RangeError);
    const conv = offsetConverter(TEXT);
    expect(conv.toUtf16(conv.codePointLength + 1)).toBe(-1);
    expect(conv.toUtf16(-1)).toBe(-1);
  });

  it('the indexed converter agrees with the plain functions everywhere', () => {
    const conv = offsetConverter(TEXT);
    for (let u = 0; u <= TEXT.length; u++) {
      expect(conv.toCodePoint(u)).toBe(utf16ToCodePoint(TEXT, u));
    }
    for (let cp = 0; cp <= conv.codePointLength; cp++) {
      expect(conv.toUtf16(cp)).toBe(codePointToUtf16(TEXT, cp));
    }
  });

  it('is the identity on a seed article, whose curly quotes and dashes are all in the BMP', () => {
    const text = seed('000').canonical;
    expect(isBmpOnly(text)).toBe(true);
    const conv = offsetConverter(text);
    const at = text.indexOf('“Safe City”');
    expect(conv.toCodePoint(at)).toBe(at);
    expect(conv.codePointLength).toBe(text.length);
    expect(isBmpOnly(`${text} 🚨`)).toBe(false);
  });

  it('counts a lone surrogate as one code point, like the string iterator', () => {
    const broken = 'a\uD83Db\uDE00c';
    expect(codePointLength(broken)).toBe(Array.from(broken).length);
    expect(offsetConverter(broken).codePointLength).toBe(5);
  });
});
