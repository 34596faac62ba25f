/**
 * Imports and exports off the main thread. Unzipping, inflating (with real byte counting),
 * parsing, validating, hashing and writing a 10,000-annotation bundle, or reading and zipping
 * one, takes long enough to freeze the window; here it cannot, and Cancel simply terminates
 * this worker.
 */
import type { BundleWorkerRequest, BundleWorkerResponse } from './bundleWorkerProtocol';
import { CorroborateDatabase } from '../../db/database';
import { ImportCancelledError } from '../../db/applyBundle';
import { runImportFlow, type ImportPhase } from './importFlow';
import { buildExport, collectWorkspace } from './exportData';

const post = (msg: BundleWorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);

/** At most one progress message per 50 ms: a 100 MB bundle inflates in ~12,000 slices. */
function throttled() {
  let last = 0;
  let lastPhase: ImportPhase | undefined;
  return (done: number, total: number, stage?: string, phase?: ImportPhase) => {
    const now = performance.now();
    if (now - last < 50 && done < total && phase === lastPhase) return;
    last = now;
    lastPhase = phase;
    post({ type: 'progress', done, total, stage: stage ?? '', phase });
  };
}

/**
 * The whole import runs here, writing through this worker's own connection to the database
 * (Dexie tells the window's live queries when it commits). Cancel terminates the worker: an
 * uncommitted transaction dies with it, so nothing is written.
 */
async function importHere(bytes: Uint8Array, databaseName: string, now?: number) {
  const database = new CorroborateDatabase(databaseName);
  const progress = throttled();
  try {
    const result = await runImportFlow(bytes, {
      database,
      now,
      onProgress: (phase, done, total, stage) => progress(done, total, stage, phase),
    });
    post({ type: 'import-done', result });
  } catch (e) {
    if (e instanceof ImportCancelledError) post({ type: 'import-cancelled' });
    else throw e;
  } finally {
    database.close();
  }
}

self.onmessage = async (event: MessageEvent<BundleWorkerRequest>) => {
  const req = event.data;
  try {
    if (req.type === 'import') {
      await importHere(req.bytes, req.databaseName, req.now);
    } else {
      // Reading 10,000 rows and building the file both stay off the window's thread; only the
      // finished file crosses back (transferred, not copied, when it is bytes).
      const database = new CorroborateDatabase(req.databaseName);
      try {
        const ws = await collectWorkspace(req.articleIds, database);
        const file = buildExport(req.format, ws, {
          now: req.now,
          organisation: req.organisation,
          scale: req.scale,
          onProgress: throttled(),
        });
        const transfer = typeof file.data === 'string' ? [] : [file.data.buffer];
        post(
          {
            type: 'export-done',
            file,
            articles: ws.articles.length,
            annotations: ws.annotations.length,
          },
          transfer,
        );
      } finally {
        database.close();
      }
    }
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
