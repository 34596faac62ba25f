import { createStore } from '../../state/createStore';
import type { BundleTask } from '../bundle/bundleStore';

/**
 * The article import in progress (PDF pages read, files done), shown by ImportProgress with
 * the shared progress dialog. It appears only once an import has run for SHOW_AFTER_MS: a text
 * file imports in a few milliseconds and should not flash a dialog.
 */
export const SHOW_AFTER_MS = 200;

export const importTaskStore = createStore<{ task: BundleTask | null; running: boolean }>({
  task: null,
  running: false,
});

export interface ImportTaskHandle {
  update(patch: Partial<BundleTask>): void;
  end(): void;
}

/** Starts the (delayed) progress of an import; null when another import is still running. */
export function startImportTask(title: string, cancel: () => void): ImportTaskHandle | null {
  if (importTaskStore.get().running) return null;
  let current: BundleTask = { title, phase: 'Reading…', done: 0, total: 1, cancel };
  let visible = false;
  importTaskStore.set(() => ({ task: null, running: true }));
  const timer = setTimeout(() => {
    visible = true;
    importTaskStore.set(() => ({ task: current, running: true }));
  }, SHOW_AFTER_MS);
  return {
    update(patch) {
      current = { ...current, ...patch };
      if (visible) importTaskStore.set(() => ({ task: current, running: true }));
    },
    end() {
      clearTimeout(timer);
      importTaskStore.set(() => ({ task: null, running: false }));
    },
  };
}
