import { articleDefaults } from '../../../shared/model/defaults';
import type { Article, ArticleOrigin } from '../../../shared/model/types';
import { sha256Hex } from '../../../shared/text/hash';
import { deriveMetadata, normalizeDate } from '../../../shared/text/metadata';
import { EMPTY_FACTS, type SourceFacts } from '../../../shared/text/newsMetadata';
import { outletFromHost, outletShortName } from '../../../shared/text/outlet';
import type { ArticleStructure } from '../../../shared/model/structure';
import type { BuiltArticle } from '../../../shared/structure/builder';

/**
 * The last step every import format shares: title, outlet and date from what the document
 * declared (else from its text), the identity hash, and the no-text refusal.
 */
export type PreparedArticle = Omit<Article, 'id' | 'createdAt' | 'updatedAt'>;

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
      ...articleDefaults(),
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
