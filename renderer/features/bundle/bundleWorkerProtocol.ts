import type { BundleError, ParsedBundle, Result, Workspace } from '../../../shared/bundle';
import type { ImportPhase, ImportResult } from './importFlow';

/** Messages between the renderer and bundle.worker.ts (structured-clone data only). */
export type BundleWorkerRequest =
  | { type: 'read'; bytes: Uint8Array }
  /** Validate, plan and write a bundle into the named database, all in the worker. */
  | { type: 'import'; bytes: Uint8Array; databaseName: string; now?: number }
  | { type: 'write'; workspace: Workspace; options: { appVersion: string; now: number } };

export type BundleWorkerResponse =
  | { type: 'progress'; done: number; total: number; stage: string; phase?: ImportPhase }
  | { type: 'import-done'; result: ImportResult }
  | { type: 'import-cancelled' }
  | { type: 'read-done'; result: Result<ParsedBundle, BundleError> }
  | { type: 'write-done'; bytes: Uint8Array }
  | { type: 'failed'; message: string };
