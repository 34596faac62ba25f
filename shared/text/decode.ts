/**
 * Turns a file's bytes into text, or says exactly why it cannot. Shared by every import path so
 * a file is judged the same whether it came through the Open dialog, drag and drop or Electron.
 */

/** Largest article file accepted. Long-form news is < 200 KB of text; 5 MB leaves room for HTML markup. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export type ArticleFormat = 'txt' | 'md' | 'html';

export type DecodeResult =
  { ok: true; text: string; format: ArticleFormat } | { ok: false; reason: string };

const EXTENSIONS: Record<string, ArticleFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
};

export function formatFromName(name: string): ArticleFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? (EXTENSIONS[ext] ?? null) : null;
}

export function sizeProblem(size: number): string | null {
  if (size === 0) return 'the file is empty';
  if (size > MAX_ARTICLE_BYTES) {
    return `the file is ${formatBytes(size)}, over the ${formatBytes(MAX_ARTICLE_BYTES)} limit for one article`;
  }
  return null;
}

export function decodeArticleBytes(name: string, bytes: Uint8Array): DecodeResult {
  const format = formatFromName(name);
  if (!format)
    return { ok: false, reason: 'only .txt, .md and .html files can be imported as articles' };
  const tooBig = sizeProblem(bytes.byteLength);
  if (tooBig) return { ok: false, reason: tooBig };
  if (looksBinary(bytes)) return { ok: false, reason: 'it looks like a binary file, not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text (save it as UTF-8 and try again)' };
  }
  if (text.trim().length === 0) return { ok: false, reason: 'the file contains only white space' };
  return { ok: true, text, format };
}

/** NUL bytes never occur in UTF-8 text; a run of other control bytes means a binary format. */
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
