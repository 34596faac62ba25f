import { docxToHtml } from './docxHtml';
import { importCancelled } from './importCancel';
import { oneShotWorker } from './oneShotWorker';

/**
 * Runs mammoth in a Worker (docx.worker.ts). Aborting the signal terminates the worker at once,
 * whatever it is doing. Where Worker does not exist (unit tests under Node), it runs inline.
 */
export type DocxWorkerResponse = { ok: true; html: string } | { ok: false; message: string };

export function docxToHtmlOffThread(bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
  if (signal?.aborted) return Promise.reject(importCancelled());
  if (typeof Worker === 'undefined') return docxToHtml(bytes);
  return oneShotWorker<string>({
    create: () => new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module' }),
    // A copy: the caller's bytes stay usable.
    request: bytes.slice(),
    signal,
    onMessage: (data) => {
      const res = data as DocxWorkerResponse;
      return res.ok ? { value: res.html } : { error: new Error(res.message) };
    },
    onCrash: (message) => ({ error: new Error(message || 'the Word reader stopped unexpectedly') }),
  });
}
