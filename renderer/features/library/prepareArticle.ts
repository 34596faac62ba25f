import { marked } from 'marked';
import { finishPrepared, type Prepared } from './finishPrepared';
import type { ArticleOrigin } from '../../../shared/model/types';
import { canonicalizeText } from '../../../shared/text/canonical';
import { decodeArticleBytes, formatFromName } from '../../../shared/text/decode';
import { plainStructure } from '../../../shared/structure/builder';
import { importHtml, importHtmlOffThread } from './htmlImport';
import type { ImportControl } from './importCancel';

/** Decode, sanitize and canonicalize one file. Pure apart from DOMParser; writes nothing. */
export async function prepareFile(
  name: string,
  bytes: Uint8Array,
  kind: ArticleOrigin['kind'] = 'file',
  control: ImportControl = {},
): Promise<Prepared> {
  const format = formatFromName(name);
  if (format === 'docx' || format === 'pdf') {
    const { prepareBinary } = await import('./prepareBinary');
    return prepareBinary(name, bytes, format, kind, control);
  }
  const decoded = await decodeArticleBytes(name, bytes);
  if (!decoded.ok) return { ok: false, name, reason: decoded.reason };
  return prepareText(decoded.text, { kind, name, format: decoded.format }, null, control);
}

export async function prepareText(
  raw: string,
  origin: ArticleOrigin,
  url: string | null = null,
  control: ImportControl = {},
): Promise<Prepared> {
  const name = origin.name ?? 'Pasted text';
  if (origin.format === 'md') {
    // Markdown becomes HTML and then takes the same sanitizing path as an .html file.
    const html = await marked.parse(raw, { async: true });
    const extract = importHtml(html, { readability: false });
    return finishPrepared(name, origin, extract.built, { ...extract.facts, fileName: name });
  }
  if (origin.format === 'html') {
    // Readability in a Worker, then DOMPurify on the article alone: a heavy page never freezes the window.
    control.onProgress?.(0, 1, 'Finding the article in the page');
    const extract = await importHtmlOffThread(raw, { readability: true, url }, control.signal);
    return finishPrepared(
      name,
      origin,
      extract.built,
      { ...extract.facts, url: url ?? extract.facts.url, fileName: name },
      extract.notice,
    );
  }
  const text = canonicalizeText(raw);
  return finishPrepared(
    name,
    origin,
    { text, structure: plainStructure(text) },
    { fileName: origin.name },
  );
}

export type { Prepared, PreparedArticle, ImportFacts } from './finishPrepared';
