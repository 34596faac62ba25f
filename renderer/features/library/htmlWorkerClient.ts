import { extractPage, type PageExtract } from './htmlExtract';
import { importCancelled } from './importCancel';

/**
 * Runs the page parse and Readability in a Worker (html.worker.ts); aborting the signal
 * terminates it at once. Where Worker does not exist (unit tests under Node) the same code runs
 * inline on linkedom, so the tests exercise exactly what the worker runs.
 */
export interface HtmlWorkerRequest {
  html: string;
  readability: boolean;
}
export type HtmlWorkerResponse =
  { ok: true; extract: PageExtract } | { ok: false; message: string };

export async function extractPageOffThread(
  html: string,
  readability: boolean,
  signal?: AbortSignal,
): Promise<PageExtract> {
  if (signal?.aborted) throw importCancelled();
  if (typeof Worker === 'undefined') {
    const { linkedomParse } = await import('./linkedomParse');
    return extractPage(html, linkedomParse, readability);
  }
  return new Promise<PageExtract>((resolve, reject) => {
    const worker = new Worker(new URL('./html.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(importCancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<HtmlWorkerResponse>) => {
      finish();
      if (event.data.ok) resolve(event.data.extract);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the page reader stopped unexpectedly'));
    };
    worker.postMessage({ html, readability } satisfies HtmlWorkerRequest);
  });
}
