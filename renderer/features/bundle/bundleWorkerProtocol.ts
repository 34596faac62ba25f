import type { BundleError, ParsedBundle, Result, Workspace } from '../../../shared/bundle';

/** Messages between the renderer and bundle.worker.ts (structured-clone data only). */
export type BundleWorkerRequest =
  | { type: 'read'; bytes: Uint8Array }
  | { type: 'write'; workspace: Workspace; options: { appVersion: string; now: number } };

export type BundleWorkerResponse =
  | { type: 'progress'; done: number; total: number; stage: string }
  | { type: 'read-done'; result: Result<ParsedBundle, BundleError> }
  | { type: 'write-done'; bytes: Uint8Array }
  | { type: 'failed'; message: string };
