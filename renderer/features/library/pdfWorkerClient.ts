import type { BuiltArticle } from '../../../shared/structure/builder';
import type { ImportFacts } from './finishPrepared';
import type { ImportControl } from './importCancel';
import { oneShotWorker } from './oneShotWorker';

/**
 * Runs a PDF import in pdfRead.worker.ts (pdf.js, page reading and layout all there) and relays
 * its progress. Aborting the signal terminates the worker at once, inside a slow page too.
 */
export type PdfImportResult = { built: BuiltArticle; facts: ImportFacts } | { reason: string };

export type PdfWorkerMessage =
  | { type: 'progress'; done: number; total: number; stage: string }
  | { type: 'result'; result: PdfImportResult }
  | { type: 'error'; message: string };

/** Ours, not pdf.js's own `action: 'ready'` announcement on the same port. */
export function isPdfWorkerMessage(data: unknown): data is PdfWorkerMessage {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'progress' || type === 'result' || type === 'error';
}

export function readPdfOffThread(
  bytes: Uint8Array,
  { signal, onProgress }: ImportControl = {},
  createWorker: () => Worker = () =>
    new Worker(new URL('./pdfRead.worker.ts', import.meta.url), { type: 'module' }),
): Promise<PdfImportResult> {
  // A failure in the worker refuses the file with its reason, like any unreadable PDF.
  const unreadable = (why: string) => ({
    value: { reason: `it is not a readable PDF (${why})` } as PdfImportResult,
  });
  // A copy, transferred: the caller's bytes stay usable and nothing is copied twice.
  const copy = bytes.slice();
  return oneShotWorker<PdfImportResult>({
    create: createWorker,
    request: copy,
    transfer: [copy.buffer],
    signal,
    onMessage: (msg) => {
      if (!isPdfWorkerMessage(msg)) return undefined;
      if (msg.type === 'progress') {
        onProgress?.(msg.done, msg.total, msg.stage);
        return undefined;
      }
      return msg.type === 'result' ? { value: msg.result } : unreadable(msg.message);
    },
    onCrash: (message) => unreadable(message || 'the PDF reader stopped unexpectedly'),
  });
}
