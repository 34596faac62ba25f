import { BundleFailure, canonicalError, type MergeSummary } from '../../../shared/bundle';
import { stageBundleHead } from '../../../shared/bundle/staged';
import type { CorroborateDatabase } from '../../db/database';
import { ImportCancelledError, importStagedBundle } from '../../db/applyBundle';
import {
  checkSpace,
  diskFullMessage,
  estimateImportBytes,
  isQuotaError,
  storageEstimate,
  type SpaceEstimate,
} from './storageSpace';

/**
 * One bundle import from bytes to committed rows: stage the bundle up to its articles, then in
 * one transaction write the articles while the rest is read (hashes, annotations, groups),
 * check the disk space, and convert and write the annotations chunk by chunk. It runs inside bundle.worker.ts in the app (nothing of it on the
 * main thread) and inline under Node tests, with the same code and the same messages.
 */

export type ImportPhase = 'reading' | 'writing';

export interface ImportFlowOptions {
  database: CorroborateDatabase;
  signal?: AbortSignal;
  now?: number;
  /** Free-space estimate (navigator.storage.estimate by default; tests pass their own). */
  estimate?: () => Promise<SpaceEstimate | null>;
  /** `stage` names the step while reading ("Unpacking", "Checking articles"…). */
  onProgress?: (phase: ImportPhase, done: number, total: number, stage?: string) => void;
}

export type ImportResult =
  | { ok: true; summary: MergeSummary; changed: boolean; warnings: string[] }
  | { ok: false; code: string; message: string };

/** Rejects with ImportCancelledError on cancel (nothing written); refusals resolve ok: false. */
export async function runImportFlow(
  bytes: Uint8Array,
  opts: ImportFlowOptions,
): Promise<ImportResult> {
  // Asked now, in parallel with the reading: the free space (nothing is written before the
  // bundle is read, so it is the same then) and the database connection.
  const estimate = opts.estimate ?? storageEstimate;
  const freeBefore = estimate();
  freeBefore.catch(() => {}); // awaited below unless the bundle is refused first
  opts.database.open().catch(() => {}); // a failure to open surfaces at the transaction
  const staged = await stageBundleHead(bytes, {
    signal: opts.signal,
    onProgress: (done, total, stage) => opts.onProgress?.('reading', done, total, stage),
  });
  if (!staged.ok) {
    if (staged.error.code === 'aborted') throw new ImportCancelledError();
    return { ok: false, code: staged.error.code, message: staged.error.message };
  }
  const free = await freeBefore;
  let needed = 0;
  try {
    const plan = await importStagedBundle(staged.value, {
      database: opts.database,
      signal: opts.signal,
      now: opts.now,
      onProgress: (done, total) => opts.onProgress?.('writing', done, total),
      // Once the whole bundle is read (the articles are being written meanwhile): refuse
      // before writing its annotations if it will not fit. Nothing is committed.
      beforeAnnotations: (loaded) => {
        needed = estimateImportBytes(loaded);
        const refusal = checkSpace(needed, free);
        if (refusal) throw new SpaceRefusal(refusal);
      },
    });
    return {
      ok: true,
      summary: plan.summary,
      changed: !plan.empty,
      warnings: staged.value.warnings,
    };
  } catch (e) {
    if (e instanceof ImportCancelledError) throw e;
    if (e instanceof SpaceRefusal) return { ok: false, code: 'disk-full', message: e.message };
    if (e instanceof BundleFailure && e.error.code === 'aborted') throw new ImportCancelledError();
    // A bad row met while writing (the rest of the bundle is read inside the transaction): the
    // transaction rolled back; name the problem as readBundle does.
    if (e instanceof BundleFailure) {
      const error = await canonicalError(bytes, e);
      return { ok: false, code: error.code, message: error.message };
    }
    if (!isQuotaError(e)) throw e;
    // The transaction was aborted: every row rolled back and its space released. The disk may
    // have filled while the articles were written, before the bundle was fully read.
    if (needed === 0) {
      await staged.value.load().catch(() => {});
      needed = estimateImportBytes(staged.value);
    }
    const space = await estimate();
    return {
      ok: false,
      code: 'disk-full',
      message: diskFullMessage(needed, space ? space.quota - space.usage : null),
    };
  }
}

/** Thrown inside the import transaction when the bundle will not fit: nothing is committed. */
class SpaceRefusal extends Error {}
