import type { ImportControl } from './importCancel';
import { readPdfOffThread, type PdfImportResult } from './pdfWorkerClient';

/**
 * A PDF file → its article. pdf.js is never loaded on the main thread: the module, the parse,
 * the page reading and the paragraph layout all run in pdfRead.worker.ts.
 */
export function importPdf(
  bytes: Uint8Array,
  control: ImportControl = {},
): Promise<PdfImportResult> {
  return readPdfOffThread(bytes, control);
}
