/**
 * Bundle reading and writing off the main thread. Unzipping, inflating (with real byte
 * counting), parsing, validating and hashing a 10,000-annotation bundle, or zipping one, takes
 * long enough to freeze the window; here it cannot, and Cancel simply terminates this worker.
 */
import { readBundle } from '../../../shared/bundle/read';
import { writeBundle } from '../../../shared/bundle/write';
import type { BundleWorkerRequest, BundleWorkerResponse } from './bundleWorkerProtocol';

const post = (msg: BundleWorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);

/** At most one progress message per 50 ms: a 100 MB bundle inflates in ~12,000 slices. */
function throttled() {
  let last = 0;
  return (done: number, total: number, stage?: string) => {
    const now = performance.now();
    if (now - last < 50 && done < total) return;
    last = now;
    post({ type: 'progress', done, total, stage: stage ?? '' });
  };
}

self.onmessage = async (event: MessageEvent<BundleWorkerRequest>) => {
  const req = event.data;
  try {
    if (req.type === 'read') {
      const result = await readBundle(req.bytes, { onProgress: throttled() });
      post({ type: 'read-done', result });
    } else {
      const bytes = writeBundle(req.workspace, { ...req.options, onProgress: throttled() });
      post({ type: 'write-done', bytes }, [bytes.buffer]);
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
