import { docxToHtml } from './docxHtml';
import { importCancelled } from './importCancel';

/**
 * Runs mammoth in a Worker (docx.worker.ts). Aborting the signal terminates the worker at once,
 * whatever it is doing. Where Worker does not exist (unit tests under Node), it runs inline.
 */
export type DocxWorkerResponse = { ok: true; html: string } | { ok: false; message: string };

export function docxToHtmlOffThread(bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
  if (signal?.aborted) return Promise.reject(importCancelled());
  if (typeof Worker === 'undefined') return docxToHtml(bytes);
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(importCancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<DocxWorkerResponse>) => {
      finish();
      if (event.data.ok) resolve(event.data.html);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the Word reader stopped unexpectedly'));
    };
    // A copy: the caller's bytes stay usable.
    worker.postMessage(bytes.slice());
  });
}
