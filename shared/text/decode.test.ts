import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodeArticleBytes,
  formatFromName,
  looksBinary,
  MAX_ARTICLE_BYTES,
  MAX_PDF_BYTES,
  maxBytesFor,
} from './decode';
import { loadSeeds } from '../testing/seeds';

const utf8 = (s: string) => new TextEncoder().encode(s);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('decodeArticleBytes', () => {
  it('accepts every seed as UTF-8 text', async () => {
    for (const s of loadSeeds()) {
      const r = await decodeArticleBytes(`${s.id}.txt`, utf8(s.raw));
      expect(r).toEqual({ ok: true, text: s.raw, format: 'txt', encoding: 'UTF-8' });
    }
  });

  it('decodes a Windows-1252 file (curly quotes, dashes, accents, ©)', async () => {
    const r = await decodeArticleBytes('cafe.txt', fixture('cafe-windows-1252.txt'));
    expect(r).toMatchObject({ ok: true, encoding: expect.stringMatching(/1252/i) });
    if (!r.ok) return;
    expect(r.text).toContain('Café owners in Montréal say the new “terrace fee”');
    expect(r.text).toContain('René Lévesque-Côté, said the fee – approved in March –');
    expect(r.text).toContain('© 2019 Le Quotidien Exemple.');
    expect(r.text).not.toContain('\uFFFD');
  });

  it('decodes UTF-16LE with and without a byte-order mark', async () => {
    for (const name of ['radwege-utf16le.txt', 'radwege-utf16le-nobom.txt']) {
      const r = await decodeArticleBytes(name, fixture(name));
      expect(r).toMatchObject({ ok: true, encoding: 'utf-16le' });
      if (!r.ok) continue;
      expect(r.text.startsWith('Bürgermeisterin Özdemir kündigt Radwege an\n')).toBe(true);
      expect(r.text).toContain('„Wir holen auf“, sagte sie.');
    }
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const r = await decodeArticleBytes('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]));
    expect(r).toMatchObject({ ok: true, text: 'hi' });
  });

  it('refuses empty, white-space, binary, oversized and unknown files with a reason', async () => {
    expect(await decodeArticleBytes('a.txt', new Uint8Array())).toEqual({
      ok: false,
      reason: 'the file is empty',
    });
    expect(await decodeArticleBytes('a.txt', utf8(' \n\t '))).toMatchObject({
      ok: false,
      reason: /white space/,
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await decodeArticleBytes('photo.txt', png)).toMatchObject({
      ok: false,
      reason: /PNG image, not text/,
    });
    expect(await decodeArticleBytes('report.txt', utf8('%PDF-1.7\n%\u00e2\u00e3'))).toMatchObject({
      ok: false,
      reason: /a PDF document.*\.pdf/,
    });
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await decodeArticleBytes('blob.txt', random)).toMatchObject({
      ok: false,
      reason: /binary/,
    });
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(await decodeArticleBytes('big.txt', big)).toMatchObject({
      ok: false,
      reason: /over the 5 MB limit/,
    });
    expect(await decodeArticleBytes('sheet.xlsx', utf8('hello'))).toMatchObject({
      ok: false,
      reason: /only \.txt, \.md, \.html, \.pdf and \.docx/,
    });
  });

  it('knows formats by extension, and the PDF limit', () => {
    expect(
      ['a.TXT', 'b.md', 'c.markdown', 'd.htm', 'e.html', 'f.doc', 'g.PDF', 'h.docx'].map(
        formatFromName,
      ),
    ).toEqual(['txt', 'md', 'md', 'html', 'html', null, 'pdf', 'docx']);
    expect(maxBytesFor('pdf')).toBe(MAX_PDF_BYTES);
    expect(MAX_PDF_BYTES).toBe(20 * 1024 * 1024);
    expect(looksBinary(utf8('plain\ttext\r\n'))).toBe(false);
  });
});
