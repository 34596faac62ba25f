import type { Annotation, Article, ClaimGroup, ReanchorItem } from '../model/types';

/** What a bundle carries: exactly the three stores of the workspace. */
export interface Workspace {
  articles: Article[];
  annotations: Annotation[];
  groups: ClaimGroup[];
}

/** A bundle that passed every check, in app shape: UTF-16 offsets, epoch-ms timestamps. */
export interface ParsedBundle extends Workspace {
  /** formatVersion of the file as read (1 = migrated from the draft format, 2 = current). */
  formatVersion: number;
  appVersion: string;
  /** When the bundle was written (ISO). */
  createdAt: string;
  /** Human-readable notes: ignored unknown entries, migration steps. Not errors. */
  warnings: string[];
}

/**
 * Cancellation and progress for long operations. `signal` is anything with `aborted` (an
 * AbortSignal fits); it is checked between steps, so it only takes effect in the async reader.
 */
export interface ProgressOptions {
  /** `stage` names what is being done, for the progress line (e.g. "Unpacking"). */
  onProgress?: (done: number, total: number, stage?: string) => void;
  signal?: { readonly aborted: boolean };
}

export interface WriteOptions extends ProgressOptions {
  appVersion: string;
  /** Epoch ms written as createdAt and as the zip entries' time: equal input + now = equal bytes. */
  now: number;
}

export type ExistingWorkspace = Workspace & {
  /** The pending review queue, so re-importing does not queue the same annotation twice. */
  review?: ReanchorItem[];
};
