import { commitChange, replayChange, type Change, type ChangePlanner } from '../db/changes';
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
export async function applyChange(label: string, plan: ChangePlanner): Promise<Change> {
  const change = await commitChange(label, plan);
  if (change.rows.length > 0) {
    historyStore.set((s) => ({ ...s, undo: [...s.undo, change].slice(-LIMIT), redo: [] }));
  }
  return change;
}

export const undo = () => step('undo');
export const redo = () => step('redo');

/**
 * Undo replays the newest change's `before` rows and moves it to the redo stack; redo replays
 * its `after` rows and moves it back. The stacks move only once the replay committed.
 */
async function step(direction: 'undo' | 'redo'): Promise<Change | null> {
  const { busy, ...stacks } = historyStore.get();
  const from = direction;
  const to = direction === 'undo' ? 'redo' : 'undo';
  const change = stacks[from].at(-1);
  if (!change || busy) return null;
  historyStore.set((s) => ({ ...s, busy: true }));
  try {
    await replayChange(change, direction === 'undo' ? 'before' : 'after');
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
