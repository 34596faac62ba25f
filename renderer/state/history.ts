import {
  commitChange,
  replayChange,
  type Change,
  type ChangePlanner,
  type ChangeProgress,
} from '../db/changes';
import { createStore } from './createStore';

/**
 * Undo/redo of the editor's work. Only changes that committed are recorded; an undo or redo
 * runs as one transaction, and the stacks move only after it committed.
 */
const LIMIT = 200;

interface HistoryState {
  undo: Change[];
  redo: Change[];
  busy: boolean;
}

export const historyStore = createStore<HistoryState>({ undo: [], redo: [], busy: false });

/** Commit a change and make it undoable. */
export async function applyChange(
  label: string,
  plan: ChangePlanner,
  progress?: ChangeProgress,
): Promise<Change> {
  const change = await commitChange(label, plan, progress);
  if (change.rows.length > 0) {
    historyStore.set((s) => ({ ...s, undo: [...s.undo, change].slice(-LIMIT), redo: [] }));
  }
  return change;
}

export const undo = (progress?: ChangeProgress) => step('undo', progress);
export const redo = (progress?: ChangeProgress) => step('redo', progress);

/** The change the next undo or redo would replay (to size its progress before it starts). */
export function nextReplay(direction: 'undo' | 'redo'): Change | undefined {
  return historyStore.get()[direction].at(-1);
}

/**
 * Undo replays the newest change's `before` rows and moves it to the redo stack; redo replays
 * its `after` rows and moves it back. The stacks move only once the replay committed.
 */
async function step(direction: 'undo' | 'redo', progress?: ChangeProgress): Promise<Change | null> {
  const { busy, ...stacks } = historyStore.get();
  const from = direction;
  const to = direction === 'undo' ? 'redo' : 'undo';
  const change = stacks[from].at(-1);
  if (!change || busy) return null;
  historyStore.set((s) => ({ ...s, busy: true }));
  try {
    await replayChange(change, direction === 'undo' ? 'before' : 'after', progress);
    historyStore.set((s) => ({
      ...s,
      [from]: s[from].slice(0, -1),
      [to]: [...s[to], change],
      busy: false,
    }));
    return change;
  } catch (error) {
    historyStore.set((s) => ({ ...s, busy: false }));
    throw error;
  }
}

/** Forget history, e.g. after a bundle import replaced rows underneath it. */
export function clearHistory(): void {
  historyStore.set(() => ({ undo: [], redo: [], busy: false }));
}
