import type { ImportPhase, ImportResult } from './importFlow';
import type { ExportFile, ExportFormat } from './exportData';
import type { Organisation } from '../../../shared/export/claimReview';

/** Messages between the renderer and bundle.worker.ts (structured-clone data only). */
export type BundleWorkerRequest =
  /** Validate, plan and write a bundle into the named database, all in the worker. */
  | { type: 'import'; bytes: Uint8Array; databaseName: string; now?: number }
  /** Read the rows from the named database and build the export file, all in the worker. */
  | {
      type: 'export';
      databaseName: string;
      format: ExportFormat;
      articleIds: string[] | null;
      now: number;
      organisation: Organisation | null;
      scale: string[];
    };

export type BundleWorkerResponse =
  | { type: 'progress'; done: number; total: number; stage: string; phase?: ImportPhase }
  | { type: 'import-done'; result: ImportResult }
  | { type: 'import-cancelled' }
  | { type: 'export-done'; file: ExportFile; articles: number; annotations: number }
  | { type: 'failed'; message: string };
