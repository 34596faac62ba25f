import { pdfLayout, textCharsPerPage } from '../../../shared/structure/pdfLayout';
import type { BuiltArticle } from '../../../shared/structure/builder';
import { normalizeDate } from '../../../shared/text/metadata';
import { authorsFromByline, language } from '../../../shared/text/newsMetadata';
import type { ImportFacts } from './finishPrepared';
import { readPdfPages, type PdfJsLike } from './pdfText';
import { isImportCancelled, throwIfCancelled, type ImportControl } from './importCancel';

/** Fewer text characters per page than this means the pages are images: a scan without OCR. */
const MIN_CHARS_PER_PAGE = 20;

/** Pages read by pdf.js → the article's text, structure and document properties, or a refusal. */
export async function pdfResult(
  read: Awaited<ReturnType<typeof readPdfPages>>,
  signal?: AbortSignal,
): Promise<{ built: BuiltArticle; facts: ImportFacts } | { reason: string }> {
  if (textCharsPerPage(read.pages) < MIN_CHARS_PER_PAGE) {
    return {
      reason:
        'it is a scanned PDF with no text layer (run text recognition, e.g. “Make searchable”/OCR in your PDF tool, then import the result)',
    };
  }
  // Page by page, yielding whenever a slice has taken 25 ms (a page takes 1–20 ms): in the app
  // this runs in pdfRead.worker.ts, where it lets a progress message out; Cancel is answered
  // between slices.
  const layout = pdfLayout(read.pages);
  let sliceStart = performance.now();
  for (const page of read.pages) {
    layout.page(page);
    if (performance.now() - sliceStart > 25) {
      await new Promise((r) => setTimeout(r, 0));
      throwIfCancelled(signal);
      sliceStart = performance.now();
    }
  }
  throwIfCancelled(signal);
  return {
    built: layout.finish(),
    facts: {
      title: read.info.title,
      authors: read.info.author ? authorsFromByline(read.info.author) : [],
      date: normalizeDate(read.info.created),
      language: language(read.info.language),
    },
  };
}

/**
 * A PDF file → its article, with progress per page and Cancel between pages; `lib` is pdf.js
 * (the browser build in the app, the legacy build in Node tests and the bench).
 */
export async function readPdf(
  lib: PdfJsLike,
  bytes: Uint8Array,
  control: ImportControl = {},
): Promise<{ built: BuiltArticle; facts: ImportFacts } | { reason: string }> {
  const { signal, onProgress } = control;
  let read: Awaited<ReturnType<typeof readPdfPages>>;
  try {
    read = await readPdfPages(
      lib,
      bytes,
      (done, total) =>
        onProgress?.(done, total, `Reading page ${Math.min(done + 1, total)} of ${total}`),
      signal,
    );
  } catch (e) {
    if (isImportCancelled(e)) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return { reason: `it is not a readable PDF (${why})` };
  }
  onProgress?.(read.pages.length, read.pages.length, 'Rebuilding paragraphs');
  return pdfResult(read, signal);
}
