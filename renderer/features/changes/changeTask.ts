import { createStore } from '../../state/createStore';
import type { ChangeProgress, ChangeStage } from '../../db/changes';

/**
 * A long change in progress (wiping the workspace, deleting an article with 100,000
 * annotations, undoing either): what the progress dialog shows, and how to stop it.
 */
export interface ChangeTask {
  title: string;
  stage: ChangeStage | 'starting' | 'cancelling';
  done: number;
  total: number;
  /** Null once stopping is no longer possible (the last write is sent) or already asked. */
  cancel: (() => void) | null;
}

export const changeTaskStore = createStore<ChangeTask | null>(null);

/**
 * Runs one change with a progress reporter the dialog follows. The dialog shows only for
 * changes of more than SHOWN_FROM rows, so a one-row edit never flashes it.
 */
export const SHOWN_FROM = 2_000;

export async function withChangeProgress<T>(
  title: string,
  run: (progress: ChangeProgress) => Promise<T>,
): Promise<T> {
  let stop = false;
  const cancel = () => {
    stop = true;
    changeTaskStore.set((t) => t && { ...t, stage: 'cancelling', cancel: null });
  };
  changeTaskStore.set(() => ({ title, stage: 'starting', done: 0, total: 0, cancel }));
  const progress: ChangeProgress = {
    report(stage, done, total, final) {
      changeTaskStore.set(
        (t) => t && { title, stage, done, total, cancel: final || stop ? null : cancel },
      );
    },
    cancelled: () => stop,
  };
  try {
    return await run(progress);
  } finally {
    changeTaskStore.set(() => null);
  }
}
