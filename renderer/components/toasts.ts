import { createStore } from '../state/createStore';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  /** Optional action, e.g. Undo. */
  action?: { label: string; run: () => void };
}

export const toastStore = createStore<Toast[]>([]);
let nextId = 1;

/** Show a message. Info fades after a few seconds; errors stay until dismissed. */
export function notify(kind: Toast['kind'], message: string, action?: Toast['action']): number {
  const id = nextId++;
  toastStore.set((list) => [...list.slice(-4), { id, kind, message, action }]);
  if (kind === 'info') setTimeout(() => dismiss(id), 6000);
  return id;
}

export function dismiss(id: number): void {
  toastStore.set((list) => list.filter((t) => t.id !== id));
}

/** Turn any failure into a message that says what went wrong and what to do. */
export function reportError(what: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  const quota =
    /quota/i.test(detail) || (error instanceof Error && error.name === 'QuotaExceededError');
  const hint = quota
    ? ' The disk is full or storage is restricted: free some space and try again. Nothing was saved.'
    : ' Nothing was changed; try again, and export a bundle if this keeps happening.';
  notify('error', `${what} failed: ${detail}.${hint}`);
}
