import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { BuiltArticle } from '../../../shared/structure/builder';
import type { ImportFacts } from './finishPrepared';
import { readPdfPages, type PdfJsLike } from './pdfText';
import { pdfResult } from './pdfResult';

// pdf.js parses in its own Web Worker, served from the app's origin (allowed by the CSP).
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

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
