import { marked } from 'marked';
import type { ArticleStructure } from '../../../shared/model/structure';
import type { Article, ArticleOrigin } from '../../../shared/model/types';
import { canonicalizeText } from '../../../shared/text/canonical';
import { decodeArticleBytes, formatFromName } from '../../../shared/text/decode';
import { sha256Hex } from '../../../shared/text/hash';
import { deriveMetadata, normalizeDate } from '../../../shared/text/metadata';
import { EMPTY_FACTS, type SourceFacts } from '../../../shared/text/newsMetadata';
import { outletFromHost, outletShortName } from '../../../shared/text/outlet';
import type { BuiltArticle } from '../../../shared/structure/builder';
import { plainStructure } from '../../../shared/structure/builder';
import { importHtml } from './htmlImport';

export type PreparedArticle = Omit<Article, 'id' | 'createdAt' | 'updatedAt'> & {
  authors: string[];
  url: string | null;
  language: string | null;
  structure: ArticleStructure | null;
};

/** An article ready to store, or the reason a file cannot become one. */
export type Prepared =
  | { ok: true; name: string; article: PreparedArticle; notice?: string | null }
  | { ok: false; name: string; reason: string };

/** What an import path found besides the text (all optional). */
export interface ImportFacts extends Partial<SourceFacts> {
  siteName?: string | null;
  copyright?: string | null;
  fileName?: string | null;
}

/** Decode, sanitize and canonicalize one file. Pure apart from DOMParser; writes nothing. */
export async function prepareFile(
  name: string,
  bytes: Uint8Array,
  kind: ArticleOrigin['kind'] = 'file',
): Promise<Prepared> {
  const format = formatFromName(name);
  if (format === 'docx' || format === 'pdf') {
    const { prepareBinary } = await import('./prepareBinary');
    return prepareBinary(name, bytes, format, kind);
  }
  const decoded = await decodeArticleBytes(name, bytes);
  if (!decoded.ok) return { ok: false, name, reason: decoded.reason };
  return prepareText(decoded.text, { kind, name, format: decoded.format });
}

export async function prepareText(
  raw: string,
  origin: ArticleOrigin,
  url: string | null = null,
): Promise<Prepared> {
  const name = origin.name ?? 'Pasted text';
  if (origin.format === 'md') {
    // Markdown becomes HTML and then takes the same sanitizing path as an .html file.
    const html = await marked.parse(raw, { async: true });
    const extract = importHtml(html, { readability: false });
    return finishPrepared(name, origin, extract.built, { ...extract.facts, fileName: name });
  }
  if (origin.format === 'html') {
    const extract = importHtml(raw, { readability: true, url });
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

/** Title, outlet and date from the facts (else from the text), identity hash, no-text refusal. */
export async function finishPrepared(
  name: string,
  origin: ArticleOrigin,
  built: BuiltArticle,
  facts: ImportFacts,
  notice: string | null = null,
): Promise<Prepared> {
  const f = { ...EMPTY_FACTS, ...facts };
  const outlet =
    outletShortName(f.siteName) ??
    outletShortName(f.publisher) ??
    outletShortName(f.copyright) ??
    (f.url ? hostOutlet(f.url) : null);
  const derived = deriveMetadata(built.text, {
    title: f.title,
    date: f.date,
    source: outlet,
    fileName: f.fileName ?? origin.name,
  });
  if (derived.text.length === 0) return { ok: false, name, reason: 'it contains no readable text' };
  const structure = trimStructure(built, derived.text);
  const plain = structure.blocks.every((b) => b.type === 'paragraph' && !b.marks);
  return {
    ok: true,
    name,
    notice,
    article: {
      sha256: await sha256Hex(derived.text),
      title: derived.title,
      source: outletShortName(derived.source) ?? derived.source,
      date: derived.date ?? normalizeDate(f.date),
      text: derived.text,
      origin,
      authors: f.authors,
      url: f.url,
      language: f.language,
      // Plain paragraphs need no structure: null keeps stored rows small and means the same.
      structure: plain ? null : structure,
    },
  };
}

/** The structure after deriveMetadata removed a leading marker ("date 2017-09-28") from the text. */
function trimStructure(built: BuiltArticle, text: string): ArticleStructure {
  const removed = built.text.length - text.length;
  if (removed === 0) return built.structure;
  const prefix = built.text.slice(0, removed);
  const lines = prefix.split('\n').length - 1;
  const blocks = built.structure.blocks.slice(lines);
  if (prefix.endsWith('\n') || blocks.length === 0) return { blocks };
  // Part of the first line went: its marks would point at the wrong characters.
  const first = blocks[0]!;
  const { marks: _dropped, ...rest } = first;
  return { blocks: [rest, ...blocks.slice(1)] };
}

function hostOutlet(url: string): string | null {
  try {
    return outletFromHost(new URL(url).hostname);
  } catch {
    return null;
  }
}
