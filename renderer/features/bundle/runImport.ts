import type { OpenedFile } from '../../../shared/ipc/contract';
import {
  MAX_BUNDLE_BYTES,
  checkBundleSize,
  type MergePlan,
  type MergeSummary,
} from '../../../shared/bundle';
import {
  checkSpace,
  diskFullMessage,
  estimateImportBytes,
  isQuotaError,
  storageEstimate,
  type SpaceEstimate,
} from './storageSpace';
import { BundleTaskCancelled, readBundleOffThread } from './bundleWorkerClient';
import { ImportCancelledError, importParsedBundle, type ApplyOptions } from '../../db/applyBundle';
import { clearHistory } from '../../state/history';

/**
 * A bundle import from file to committed rows, without UI: size check, full validation
 * (readBundle), then plan + write in one transaction (applyBundle). Bad files come back as a
 * refusal with the reader's message; storage failures and cancel reject, with nothing written.
 */

export const BUNDLE_FILTERS = [{ name: 'Corroborate bundle', extensions: ['corroborate'] }];
export { MAX_BUNDLE_BYTES };

export type ImportPhase = 'reading' | 'writing';

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
  let read: Awaited<ReturnType<typeof readBundleOffThread>>;
  try {
    read = await readBundleOffThread(bytes, {
      signal: opts.signal,
      onProgress: (done, total, stage) => opts.onProgress?.('reading', done, total, stage),
    });
  } catch (e) {
    if (e instanceof BundleTaskCancelled) throw new ImportCancelledError();
    throw e;
  }
  if (!read.ok) {
    if (read.error.code === 'aborted') throw new ImportCancelledError();
    return { ok: false, name, code: read.error.code, message: read.error.message };
  }
  const needed = estimateImportBytes(read.value);
  const refusal = checkSpace(needed, await (opts.estimate ?? storageEstimate)());
  if (refusal) return { ok: false, name, code: 'disk-full', message: refusal };
  let plan: MergePlan;
  try {
    plan = await importParsedBundle(read.value, {
      ...opts,
      onProgress: (done, total) => opts.onProgress?.('writing', done, total),
    });
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    // The transaction was aborted: every row rolled back and its space released.
    const space = await (opts.estimate ?? storageEstimate)();
    return {
      ok: false,
      name,
      code: 'disk-full',
      message: diskFullMessage(needed, space ? space.quota - space.usage : null),
    };
  }
  // Decision: an import is not undoable; history is cleared instead. The rows it replaced may
  // be under recorded undo steps, replaying those would silently revert imported work, and
  // keeping before-images of a 10,000-row import doubles its memory. The import report and the
  // bundle file itself are the record; importing the same file again is a no-op.
  if (!plan.empty) clearHistory();
  return {
    ok: true,
    name,
    summary: plan.summary,
    changed: !plan.empty,
    warnings: read.value.warnings,
  };
}
