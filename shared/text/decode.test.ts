import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, formatFromName, looksBinary, MAX_ARTICLE_BYTES } from './decode';
import { loadSeeds } from '../testing/seeds';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeArticleBytes', () => {
  it('accepts every seed as UTF-8 text', () => {
    for (const s of loadSeeds()) {
      const r = decodeArticleBytes(`${s.id}.txt`, utf8(s.raw));
      expect(r).toEqual({ ok: true, text: s.raw, format: 'txt' });
    }
  });

  it('refuses empty, white-space, binary, invalid UTF-8, oversized and unknown files with a reason', () => {
    expect(decodeArticleBytes('a.txt', new Uint8Array())).toEqual({
      ok: false,
      reason: 'the file is empty',
    });
    expect(decodeArticleBytes('a.txt', utf8(' \n\t '))).toMatchObject({
      ok: false,
      reason: /white space/,
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decodeArticleBytes('photo.txt', png)).toMatchObject({ ok: false, reason: /binary/ });
    expect(
      decodeArticleBytes('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
    ).toMatchObject({
      ok: false,
      reason: /not valid UTF-8/,
    });
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(decodeArticleBytes('big.txt', big)).toMatchObject({
      ok: false,
      reason: /over the 5 MB limit/,
    });
    expect(decodeArticleBytes('doc.pdf', utf8('hello'))).toMatchObject({
      ok: false,
      reason: /only \.txt/,
    });
  });

  it('knows formats by extension', () => {
    expect(['a.TXT', 'b.md', 'c.markdown', 'd.htm', 'e.html', 'f.doc'].map(formatFromName)).toEqual(
      ['txt', 'md', 'md', 'html', 'html', null],
    );
    expect(looksBinary(utf8('plain\ttext\r\n'))).toBe(false);
  });
});
