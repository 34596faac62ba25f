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

export async function undo(): Promise<Change | null> {
  const { undo: stack, busy } = historyStore.get();
  const change = stack.at(-1);
  if (!change || busy) return null;
  historyStore.set((s) => ({ ...s, busy: true }));
  try {
    await replayChange(change, 'before');
    historyStore.set((s) => ({
      undo: s.undo.slice(0, -1),
      redo: [...s.redo, change],
      busy: false,
    }));
    return change;
  } catch (error) {
    historyStore.set((s) => ({ ...s, busy: false }));
    throw error;
  }
}

export async function redo(): Promise<Change | null> {
  const { redo: stack, busy } = historyStore.get();
  const change = stack.at(-1);
  if (!change || busy) return null;
  historyStore.set((s) => ({ ...s, busy: true }));
  try {
    await replayChange(change, 'after');
    historyStore.set((s) => ({
      undo: [...s.undo, change],
      redo: s.redo.slice(0, -1),
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
