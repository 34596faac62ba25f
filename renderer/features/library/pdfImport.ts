import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { BuiltArticle } from '../../../shared/structure/builder';
import type { ImportFacts } from './finishPrepared';
import type { PdfJsLike } from './pdfText';
import { readPdf } from './pdfResult';
import type { ImportControl } from './importCancel';

// pdf.js parses in its own Web Worker, served from the app's origin (allowed by the CSP).
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export function importPdf(
  bytes: Uint8Array,
  control: ImportControl = {},
): Promise<{ built: BuiltArticle; facts: ImportFacts } | { reason: string }> {
  return readPdf(pdfjs as unknown as PdfJsLike, bytes, control);
}
