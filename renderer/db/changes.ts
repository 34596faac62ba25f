import type { Table } from 'dexie';
import { planReplay } from '../../shared/rules/replay';
import { db, type WorkTable } from './database';

/**
 * Every edit to the editor's work goes through `commitChange`: one Dexie transaction that
 * records each row's value before and after. The recorded change is what undo and redo replay,
 * so every feature gets undo for free and an undo is itself a single transaction.
 */
export interface RowEdit {
  table: WorkTable;
  key: string;
  /** The row to write, or undefined to delete it. */
  after: object | undefined;
}

export interface RowChange extends RowEdit {
  before: object | undefined;
}

export interface Change {
  label: string;
  rows: RowChange[];
}

export type ChangePlanner = () => Promise<RowEdit[]>;

/** Deleting is writing a tombstone (shared/rules/edits.ts), so undo, bundles and sync see an edit. */
export { tombstone as tombstoneEdit } from '../../shared/rules/edits';

function table(name: WorkTable): Table<object, string> {
  return db.table(name);
}

/**
 * Runs `plan` inside a read-write transaction over all work tables (so it may read the rows it
 * needs), then writes its edits. Resolves once IndexedDB has committed.
 */
export async function commitChange(label: string, plan: ChangePlanner): Promise<Change> {
  return db.transaction(
    'rw',
    [db.articles, db.annotations, db.groups, db.reanchorQueue],
    async () => {
      const edits = await plan();
      const rows: RowChange[] = [];
      // Later edits of the same row win, but `before` stays the value from before the change.
      const seen = new Map<string, RowChange>();
      for (const edit of edits) {
        const id = `${edit.table}:${edit.key}`;
        const existing = seen.get(id);
        if (existing) {
          existing.after = edit.after;
          continue;
        }
        const before = await table(edit.table).get(edit.key);
        const change: RowChange = { ...edit, before };
        seen.set(id, change);
        rows.push(change);
      }
      await writeRows(rows, 'after');
      return { label, rows };
    },
  );
}

/**
 * Undo (`before`) or redo (`after`) of a recorded change, in one transaction. Each row is merged
 * three ways (shared/rules/replay.ts), so an edit made since by someone else (a teammate's sync)
 * is never erased by this editor's undo.
 */
export async function replayChange(change: Change, side: 'before' | 'after'): Promise<void> {
  const now = Date.now();
  await db.transaction(
    'rw',
    [db.articles, db.annotations, db.groups, db.reanchorQueue],
    async () => {
      for (const row of change.rows) {
        const from = side === 'before' ? row.after : row.before;
        const current = await table(row.table).get(row.key);
        const plan = planReplay(from, row[side], current, now);
        if ('put' in plan) await table(row.table).put(plan.put);
        else if ('remove' in plan) await table(row.table).delete(row.key);
      }
    },
  );
}

async function writeRows(rows: RowChange[], side: 'before' | 'after'): Promise<void> {
  for (const row of rows) {
    const value = row[side];
    if (value === undefined) await table(row.table).delete(row.key);
    else await table(row.table).put(value);
  }
}
