/**
 * Turns a file's bytes into text, or says exactly why it cannot. Shared by every import path so
 * a file is judged the same whether it came through the Open dialog, drag and drop or Electron.
 *
 * Encodings, in order of trust: a byte-order mark; strict UTF-8 (what nearly every file is);
 * BOM-less UTF-16 (recognised by its NUL pattern); then jschardet's guess for legacy encodings
 * (Windows-1252, ISO-8859-x, Shift_JIS…), decoded by the WHATWG TextDecoder. Only real binary
 * is refused, naming the format when its signature says what it is.
 */

/** Largest article file accepted. Long-form news is < 200 KB of text; 5 MB leaves room for HTML markup. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** PDFs carry fonts and images besides the text: a 60-page report is typically 2–15 MB. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export type ArticleFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';
export type TextFormat = Exclude<ArticleFormat, 'pdf' | 'docx'>;

export type DecodeResult =
  { ok: true; text: string; format: TextFormat; encoding: string } | { ok: false; reason: string };

const EXTENSIONS: Record<string, ArticleFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

export const ACCEPTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatFromName(name: string): ArticleFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? (EXTENSIONS[ext] ?? null) : null;
}

export function maxBytesFor(format: ArticleFormat | null): number {
  return format === 'pdf' ? MAX_PDF_BYTES : MAX_ARTICLE_BYTES;
}

export function sizeProblem(size: number, limit = MAX_ARTICLE_BYTES): string | null {
  if (size === 0) return 'the file is empty';
  if (size > limit) {
    return `the file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for one article`;
  }
  return null;
}

const UNKNOWN_FORMAT =
  'only .txt, .md, .html, .pdf and .docx files can be imported as articles (save the document in one of these formats)';

export async function decodeArticleBytes(name: string, bytes: Uint8Array): Promise<DecodeResult> {
  const format = formatFromName(name);
  if (!format) return { ok: false, reason: UNKNOWN_FORMAT };
  if (format === 'pdf' || format === 'docx')
    return { ok: false, reason: `a .${format} file is not plain text` };
  const tooBig = sizeProblem(bytes.byteLength);
  if (tooBig) return { ok: false, reason: tooBig };
  const decoded = await decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim().length === 0)
    return { ok: false, reason: 'the file contains only white space' };
  return { ok: true, text: decoded.text, format, encoding: decoded.encoding };
}

/** Bytes → text in whatever encoding they are in, or why they are not text. */
export async function decodeBytes(
  bytes: Uint8Array,
): Promise<{ ok: true; text: string; encoding: string } | { ok: false; reason: string }> {
  const bom = bomEncoding(bytes);
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.encoding);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeAs(bytes, utf16);
  const signature = binarySignature(bytes);
  if (signature)
    return {
      ok: false,
      reason: `it is ${signature}, not text (if it is a PDF or Word file, give it its .pdf or .docx extension)`,
    };
  if (looksBinary(bytes)) return { ok: false, reason: 'it looks like a binary file, not text' };
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'UTF-8',
    };
  } catch {
    // Not UTF-8: a legacy encoding. The detector is large, so it loads only when needed.
  }
  const { detect } = await import('jschardet');
  const guess = detect(bytes);
  const label = guess.encoding && guess.confidence > 0 ? guess.encoding : 'windows-1252';
  return decodeAs(bytes, supported(label) ? label : 'windows-1252');
}

function decodeAs(
  bytes: Uint8Array,
  encoding: string,
): { ok: true; text: string; encoding: string } | { ok: false; reason: string } {
  let text: string;
  try {
    text = WINDOWS_1252.test(encoding)
      ? decodeWindows1252(bytes)
      : new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      reason: `it is not valid ${encoding} text (save it as UTF-8 and try again)`,
    };
  }
  // eslint-disable-next-line no-control-regex
  const control = text.slice(0, 8192).match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (control > Math.min(text.length, 8192) * 0.1)
    return { ok: false, reason: 'it looks like a binary file, not text' };
  return { ok: true, text, encoding: encoding.toUpperCase() === 'UTF-8' ? 'UTF-8' : encoding };
}

/** Labels the WHATWG Encoding standard decodes as windows-1252 (ISO-8859-1 and ASCII included). */
const WINDOWS_1252 = /^(?:windows-1252|cp1252|iso-8859-1|latin1|l1|ascii|us-ascii)$/i;

/** 0x80–0x9F of windows-1252 (undefined slots stay C1, as the WHATWG decoder does). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Our own windows-1252 decoder: some Node versions' TextDecoder treat this label as Latin-1 and
 * turn curly quotes and dashes into invisible C1 controls; the table is 32 characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** BOM-less UTF-16 of Latin-script text: NULs in nearly every other byte, on one side. */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.byteLength, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (e.g. a Word .docx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word/Office document (.doc)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
];

function binarySignature(b: Uint8Array): string | null {
  for (const [magic, what] of SIGNATURES) if (magic.every((m, i) => b[i] === m)) return what;
  return null;
}

/** NUL bytes never occur in 8-bit text; a run of other control bytes means a binary format. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
