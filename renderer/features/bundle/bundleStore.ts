import { createStore } from '../../state/createStore';
import type { ImportOutcome } from './runImport';
import type { Persistence } from './storageSpace';

/** A long export or import in progress: what the progress dialog shows, and how to stop it. */
export interface BundleTask {
  title: string;
  phase: string;
  done: number;
  total: number;
  /** Null once stopping is no longer possible (the data is committed or being saved). */
  cancel: (() => void) | null;
}

export type ImportReport = Extract<ImportOutcome, { ok: true }>;

interface BundleUi {
  exportOpen: boolean;
  wipeOpen: boolean;
  reviewOpen: boolean;
  storageOpen: boolean;
  /** The answer to navigator.storage.persist(), asked once at start. */
  persistence: Persistence | null;
  task: BundleTask | null;
  report: ImportReport | null;
}

export const bundleStore = createStore<BundleUi>({
  exportOpen: false,
  wipeOpen: false,
  reviewOpen: false,
  storageOpen: false,
  persistence: null,
  task: null,
  report: null,
});

export function setBundleUi(patch: Partial<BundleUi>): void {
  bundleStore.set((s) => ({ ...s, ...patch }));
}

export function updateTask(patch: Partial<BundleTask>): void {
  bundleStore.set((s) => (s.task ? { ...s, task: { ...s.task, ...patch } } : s));
}

/** Let React paint the progress dialog before synchronous work (zipping) blocks the thread. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
