import { marked } from 'marked';
import { articleDefaults } from '../../../shared/model/defaults';
import type { Article, ArticleOrigin } from '../../../shared/model/types';
import { canonicalizeText } from '../../../shared/text/canonical';
import { decodeArticleBytes } from '../../../shared/text/decode';
import { sha256Hex } from '../../../shared/text/hash';
import { deriveMetadata, type MetadataHints } from '../../../shared/text/metadata';
import { htmlToText } from './htmlToText';

/** An article ready to store, or the reason a file cannot become one. */
export type Prepared =
  | { ok: true; name: string; article: Omit<Article, 'id' | 'createdAt' | 'updatedAt'> }
  | { ok: false; name: string; reason: string };

/** Decode, sanitize and canonicalize one file. Pure apart from DOMParser; writes nothing. */
export async function prepareFile(
  name: string,
  bytes: Uint8Array,
  kind: ArticleOrigin['kind'] = 'file',
): Promise<Prepared> {
  const decoded = decodeArticleBytes(name, bytes);
  if (!decoded.ok) return { ok: false, name, reason: decoded.reason };
  return prepareText(decoded.text, { kind, name, format: decoded.format });
}

export async function prepareText(raw: string, origin: ArticleOrigin): Promise<Prepared> {
  const name = origin.name ?? 'Pasted text';
  let body = raw;
  let hints: MetadataHints = { fileName: origin.name };
  if (origin.format === 'md') {
    // Markdown becomes HTML and then takes the same sanitizing path as an .html file.
    const extract = htmlToText(await marked.parse(raw, { async: true }));
    body = extract.text;
    hints = { ...extract.hints, fileName: origin.name };
  } else if (origin.format === 'html') {
    const extract = htmlToText(raw);
    body = extract.text;
    hints = { ...extract.hints, fileName: origin.name };
  }
  const derived = deriveMetadata(canonicalizeText(body), hints);
  if (derived.text.length === 0) return { ok: false, name, reason: 'it contains no readable text' };
  return {
    ok: true,
    name,
    article: {
      ...articleDefaults(),
      sha256: await sha256Hex(derived.text),
      title: derived.title,
      source: derived.source,
      date: derived.date,
      text: derived.text,
      origin,
    },
  };
}
