/**
 * Cancelling an article import: every step that can take a while (reading a PDF's pages, the
 * Word worker, the layout loop) checks the signal and rejects with this one error, and nothing
 * is written until every file has been read, so a cancelled import leaves the library as it was.
 */
export function importCancelled(): DOMException {
  return new DOMException('Import cancelled', 'AbortError');
}

export function isImportCancelled(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw importCancelled();
}

/** Progress of one file: `done` of `total` units (pages for a PDF), and what is happening. */
export type ImportProgress = (done: number, total: number, stage: string) => void;

export interface ImportControl {
  signal?: AbortSignal;
  onProgress?: ImportProgress;
}
