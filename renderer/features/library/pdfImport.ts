import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { layoutPdf, textCharsPerPage } from '../../../shared/structure/pdfLayout';
import type { BuiltArticle } from '../../../shared/structure/builder';
import { normalizeDate } from '../../../shared/text/metadata';
import { authorsFromByline, language } from '../../../shared/text/newsMetadata';
import type { ImportFacts } from './finishPrepared';
import { readPdfPages, type PdfJsLike } from './pdfText';

// pdf.js parses in its own Web Worker, served from the app's origin (allowed by the CSP).
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Fewer text characters per page than this means the pages are images: a scan without OCR. */
const MIN_CHARS_PER_PAGE = 20;

export async function importPdf(
  bytes: Uint8Array,
  lib: PdfJsLike = pdfjs as unknown as PdfJsLike,
): Promise<{ built: BuiltArticle; facts: ImportFacts } | { reason: string }> {
  let read: Awaited<ReturnType<typeof readPdfPages>>;
  try {
    read = await readPdfPages(lib, bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { reason: `it is not a readable PDF (${why})` };
  }
  return pdfResult(read);
}

export function pdfResult(
  read: Awaited<ReturnType<typeof readPdfPages>>,
): { built: BuiltArticle; facts: ImportFacts } | { reason: string } {
  if (textCharsPerPage(read.pages) < MIN_CHARS_PER_PAGE) {
    return {
      reason:
        'it is a scanned PDF with no text layer (run text recognition, e.g. “Make searchable”/OCR in your PDF tool, then import the result)',
    };
  }
  return {
    built: layoutPdf(read.pages),
    facts: {
      title: read.info.title,
      authors: read.info.author ? authorsFromByline(read.info.author) : [],
      date: normalizeDate(read.info.created),
      language: language(read.info.language),
    },
  };
}
