import { importCancelled } from './importCancel';

/** What a worker's message (or its crash) means: the outcome, or nothing yet (progress). */
export type WorkerOutcome<T> = { value: T } | { error: Error };

/**
 * Runs one request in a fresh Worker and ends it with the first outcome. Aborting the signal
 * terminates the worker at once, whatever it is doing (inside a slow page or a huge parse), and
 * rejects with the import's "cancelled" error, so a cancelled import adds nothing.
 */
export function oneShotWorker<T>(opts: {
  create: () => Worker;
  request: unknown;
  transfer?: Transferable[];
  signal?: AbortSignal;
  /** Each message: an outcome ends the run; undefined keeps listening (e.g. after progress). */
  onMessage: (data: unknown) => WorkerOutcome<T> | undefined;
  /** The worker failed to load or threw: its message (may be empty). */
  onCrash: (message: string) => WorkerOutcome<T>;
}): Promise<T> {
  if (opts.signal?.aborted) return Promise.reject(importCancelled());
  return new Promise<T>((resolve, reject) => {
    const worker = opts.create();
    const stop = () => {
      worker.terminate();
      reject(importCancelled());
    };
    opts.signal?.addEventListener('abort', stop, { once: true });
    const settle = (outcome: WorkerOutcome<T>) => {
      opts.signal?.removeEventListener('abort', stop);
      worker.terminate();
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const outcome = opts.onMessage(event.data);
      if (outcome) settle(outcome);
    };
    worker.onerror = (event) => settle(opts.onCrash(event.message));
    worker.postMessage(opts.request, opts.transfer ?? []);
  });
}
