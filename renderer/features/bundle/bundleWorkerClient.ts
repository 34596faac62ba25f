import type { BundleWorkerRequest, BundleWorkerResponse } from './bundleWorkerProtocol';
import type { ImportPhase, ImportResult } from './importFlow';
import type { ExportFile, ExportFormat } from './exportData';
import type { Organisation } from '../../../shared/export/claimReview';

/**
 * Imports and exports in the bundle Worker, with Cancel that works at any moment: aborting the
 * signal terminates the worker, whatever it is doing (even inside one long inflate). Under Node
 * tests, where Worker does not exist, runImport.ts runs the same import flow inline.
 */

export interface WorkerTaskOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, stage: string, phase?: ImportPhase) => void;
}

export class BundleTaskCancelled extends Error {
  constructor() {
    super('Cancelled. Nothing was changed.');
    this.name = 'BundleTaskCancelled';
  }
}

function run<T>(
  req: BundleWorkerRequest,
  transfer: Transferable[],
  opts: WorkerTaskOptions,
  pick: (msg: BundleWorkerResponse) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new BundleTaskCancelled());
      return;
    }
    const worker = takeWorker();
    const stop = () => {
      worker.terminate();
      setTimeout(prewarmBundleWorker, 0);
      reject(new BundleTaskCancelled());
    };
    opts.signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      opts.signal?.removeEventListener('abort', stop);
      worker.terminate();
      // The next import or export should not wait for the worker's modules to load either.
      setTimeout(prewarmBundleWorker, 0);
    };
    worker.onmessage = (event: MessageEvent<BundleWorkerResponse>) => {
      const msg = event.data;
      if (msg.type === 'progress') {
        opts.onProgress?.(msg.done, msg.total, msg.stage, msg.phase);
        return;
      }
      finish();
      if (msg.type === 'failed') reject(new Error(msg.message));
      else if (msg.type === 'import-cancelled') reject(new BundleTaskCancelled());
      else resolve(pick(msg)!);
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The bundle worker stopped unexpectedly.'));
    };
    worker.postMessage(req, transfer);
  });
}

const hasWorker = () => typeof Worker !== 'undefined';

const spawn = () => new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });

/** A started, idle worker: each task takes it and a fresh one is started after the task ends. */
let spare: Worker | null = null;

/**
 * Start the bundle worker before it is needed (the app does at launch, when idle): loading and
 * evaluating its modules (Dexie, zod schemas, fflate, the exporters) takes a few hundred ms
 * that an import would otherwise wait for. A used worker is never reused: each task starts
 * clean, and Cancel can simply terminate it.
 */
export function prewarmBundleWorker(): void {
  if (hasWorker() && spare === null) spare = spawn();
}

function takeWorker(): Worker {
  const worker = spare ?? spawn();
  spare = null;
  return worker;
}

/**
 * Import a bundle entirely in the worker, into the database named (the app's, or a bench's).
 * Only the bytes cross to the worker and only the summary comes back: no row is cloned into
 * the window. Cancel terminates the worker at any moment; an uncommitted transaction dies with
 * it. (A cancel in the last milliseconds, once the commit is on its way, cannot undo it: the
 * progress dialog shows "Saving…" then, and the import report follows.)
 */
export function importOffThread(
  bytes: Uint8Array,
  opts: {
    databaseName: string;
    now?: number;
    signal?: AbortSignal;
    onProgress?: (phase: ImportPhase, done: number, total: number, stage?: string) => void;
  },
): Promise<ImportResult> {
  return run(
    { type: 'import', bytes, databaseName: opts.databaseName, now: opts.now },
    [],
    {
      signal: opts.signal,
      onProgress: (done, total, stage, phase) =>
        opts.onProgress?.(phase ?? 'reading', done, total, stage),
    },
    (m) => (m.type === 'import-done' ? m.result : undefined),
  );
}

export interface ExportRequest {
  databaseName: string;
  format: ExportFormat;
  articleIds: readonly string[] | null;
  now: number;
  organisation: Organisation | null;
  scale: readonly string[];
}

export interface ExportResult {
  file: ExportFile;
  articles: number;
  annotations: number;
}

/**
 * Build an export file in the worker: it reads the rows from IndexedDB itself, so neither the
 * read nor the formatting (an HTML report of 10,000 annotations takes seconds) touches the
 * window's thread, and no workspace is cloned across. Cancel terminates the worker.
 */
export function exportOffThread(
  req: ExportRequest,
  opts: WorkerTaskOptions = {},
): Promise<ExportResult> {
  return run(
    {
      type: 'export',
      databaseName: req.databaseName,
      format: req.format,
      articleIds: req.articleIds === null ? null : [...req.articleIds],
      now: req.now,
      organisation: req.organisation,
      scale: [...req.scale],
    },
    [],
    opts,
    (m) =>
      m.type === 'export-done'
        ? { file: m.file, articles: m.articles, annotations: m.annotations }
        : undefined,
  );
}
