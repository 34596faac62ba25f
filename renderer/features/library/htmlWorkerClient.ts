import { extractPage, type PageExtract } from './htmlExtract';
import { importCancelled } from './importCancel';
import { oneShotWorker } from './oneShotWorker';

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
  return oneShotWorker<PageExtract>({
    create: () => new Worker(new URL('./html.worker.ts', import.meta.url), { type: 'module' }),
    request: { html, readability } satisfies HtmlWorkerRequest,
    signal,
    onMessage: (data) => {
      const res = data as HtmlWorkerResponse;
      return res.ok ? { value: res.extract } : { error: new Error(res.message) };
    },
    onCrash: (message) => ({
      error: new Error(message || 'the page reader stopped unexpectedly'),
    }),
  });
}
