import type { BuiltArticle } from '../../../shared/structure/builder';
import type { ImportFacts } from './finishPrepared';
import { importCancelled, type ImportControl } from './importCancel';

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
  if (signal?.aborted) return Promise.reject(importCancelled());
  // A failure in the worker refuses the file with its reason, like any unreadable PDF.
  const unreadable = (why: string) => ({ reason: `it is not a readable PDF (${why})` });
  return new Promise<PdfImportResult>((resolve, reject) => {
    const worker = createWorker();
    const stop = () => {
      worker.terminate();
      reject(importCancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const msg = event.data;
      if (!isPdfWorkerMessage(msg)) return;
      if (msg.type === 'progress') {
        onProgress?.(msg.done, msg.total, msg.stage);
        return;
      }
      finish();
      resolve(msg.type === 'result' ? msg.result : unreadable(msg.message));
    };
    worker.onerror = (event) => {
      finish();
      resolve(unreadable(event.message || 'the PDF reader stopped unexpectedly'));
    };
    // A copy, transferred: the caller's bytes stay usable and nothing is copied twice.
    const copy = bytes.slice();
    worker.postMessage(copy, [copy.buffer]);
  });
}
