import { strFromU8, unzipSync } from 'fflate';
import { normalizeDate } from '../../../shared/text/metadata';
import { authorsFromByline, language } from '../../../shared/text/newsMetadata';
import type { ImportFacts } from './finishPrepared';
import { importHtml } from './htmlImport';
import { docxToHtmlOffThread } from './docxWorkerClient';
import { isImportCancelled, throwIfCancelled } from './importCancel';
import type { BuiltArticle } from '../../../shared/structure/builder';

/**
 * Word .docx → structured text via mammoth (headings, lists, emphasis, links, tables; in a
 * Worker), then the same sanitiser and walker as HTML on the main thread. Images are never embedded: only their alt text is kept.
 * Document properties (title, author, created date, language) come from docProps/core.xml.
 */
export async function importDocx(
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<{ built: BuiltArticle; facts: ImportFacts } | { reason: string }> {
  let html: string;
  try {
    // mammoth runs in a Worker: a large document never blocks the window, Cancel stops it.
    html = await docxToHtmlOffThread(bytes, signal);
  } catch (e) {
    if (isImportCancelled(e)) throw e;
    return {
      reason: `it is not a readable Word document (${e instanceof Error ? e.message : String(e)}); save it again as .docx from Word`,
    };
  }
  throwIfCancelled(signal);
  const { built } = importHtml(html, { readability: false });
  return { built, facts: coreProperties(bytes) };
}

/** Title, creator, created date and language from the package's core properties. */
export function coreProperties(bytes: Uint8Array): ImportFacts {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    if (!core) return {};
    xml = strFromU8(core);
  } catch {
    return {};
  }
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const get = (local: string) =>
    Array.from(doc.getElementsByTagName('*'))
      .find((el) => el.localName === local)
      ?.textContent?.trim() || null;
  const creator = get('creator');
  return {
    title: get('title'),
    authors: creator ? authorsFromByline(creator) : [],
    date: normalizeDate(get('created')),
    language: language(get('language')),
  };
}
