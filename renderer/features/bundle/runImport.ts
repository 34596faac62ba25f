import type { OpenedFile } from '../../../shared/ipc/contract';
import { MAX_BUNDLE_BYTES, checkBundleSize, type MergeSummary } from '../../../shared/bundle';
import type { SpaceEstimate } from './storageSpace';
import { BundleTaskCancelled, importOffThread } from './bundleWorkerClient';
import { ImportCancelledError, type ApplyOptions } from '../../db/applyBundle';
import { db as appDb } from '../../db/database';
import { runImportFlow, type ImportPhase, type ImportResult } from './importFlow';
import { clearHistory } from '../../state/history';

/**
 * A bundle import from file to committed rows, without UI. The whole import (validation, disk
 * space, plan and write in one transaction) runs in the bundle worker (importFlow.ts), so the
 * window never waits on it; bad files come back as a refusal with the reader's message; storage
 * failures and cancel reject or refuse, with nothing written.
 */

export const BUNDLE_FILTERS = [{ name: 'Corroborate bundle', extensions: ['corroborate'] }];
export { MAX_BUNDLE_BYTES };

export type { ImportPhase };

export interface ImportRunOptions extends Omit<ApplyOptions, 'onProgress'> {
  /** Free-space estimate (navigator.storage.estimate by default; tests pass their own). */
  estimate?: () => Promise<SpaceEstimate | null>;
  /** `stage` names the step while reading ("Unpacking", "Checking articles"…). */
  onProgress?: (phase: ImportPhase, done: number, total: number, stage?: string) => void;
}

export type ImportOutcome =
  | { ok: true; name: string; summary: MergeSummary; changed: boolean; warnings: string[] }
  | { ok: false; name: string; code: string; message: string };

export async function importBundleFile(
  file: OpenedFile,
  opts: ImportRunOptions = {},
): Promise<ImportOutcome> {
  // The platform refuses oversized files by their size without reading them (bytes = null).
  if (!file.bytes) {
    const sizeError = checkBundleSize(file.size);
    return {
      ok: false,
      name: file.name,
      code: sizeError?.code ?? 'unreadable',
      message:
        sizeError?.message ?? `The file could not be read: ${file.error ?? 'unknown error'}.`,
    };
  }
  return importBundleBytes(file.name, file.bytes, opts);
}

export async function importBundleBytes(
  name: string,
  bytes: Uint8Array,
  opts: ImportRunOptions = {},
): Promise<ImportOutcome> {
  const database = opts.database ?? appDb;
  let result: ImportResult;
  try {
    result =
      typeof Worker === 'undefined' || opts.estimate
        ? await runImportFlow(bytes, { ...opts, database })
        : await importOffThread(bytes, {
            databaseName: database.name,
            now: opts.now,
            signal: opts.signal,
            onProgress: opts.onProgress,
          });
  } catch (e) {
    if (e instanceof BundleTaskCancelled) throw new ImportCancelledError();
    throw e;
  }
  if (!result.ok) return { ok: false, name, code: result.code, message: result.message };
  // Decision: an import is not undoable; history is cleared instead. The rows it replaced may
  // be under recorded undo steps, replaying those would silently revert imported work, and
  // keeping before-images of a 10,000-row import doubles its memory. The import report and the
  // bundle file itself are the record; importing the same file again is a no-op.
  if (result.changed) clearHistory();
  return { ...result, name };
}
