/**
 * The whole PDF import off the main thread: pdf.js's display module loads here (120–300 ms the
 * first time, which used to be a main-thread task), and importing its worker module beside it
 * sets `globalThis.pdfjsWorker`, so pdf.js parses in this same worker through its in-thread
 * ("fake worker") port instead of starting a second one. Pages are read, laid out in reading
 * order and turned into paragraphs here; the window gets progress and the finished article.
 * Cancel terminates this worker, which stops pdf.js wherever it is.
 *
 * pdf.js's worker module also answers on this worker's own port (it announces itself with an
 * `action: 'ready'` message); our messages carry `type`, so the client ignores everything else.
 */
import * as pdfjs from 'pdfjs-dist';
import 'pdfjs-dist/build/pdf.worker.mjs';
import { readPdf } from './pdfResult';
import type { PdfJsLike } from './pdfText';
import type { PdfWorkerMessage } from './pdfWorkerClient';

const post = (msg: PdfWorkerMessage) => (self as unknown as Worker).postMessage(msg);

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const bytes = event.data;
  if (!(bytes instanceof Uint8Array)) return;
  readPdf(pdfjs as unknown as PdfJsLike, bytes, {
    onProgress: (done, total, stage) => post({ type: 'progress', done, total, stage }),
  }).then(
    (result) => post({ type: 'result', result }),
    (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
});
