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
        const change: RowChange = { ...edit, before: undefined };
        seen.set(id, change);
        rows.push(change);
      }
      for (const [name, group] of byTable(rows)) {
        for (const chunk of chunks(group)) {
          const before = await table(name).bulkGet(chunk.map((r) => r.key));
          chunk.forEach((r, i) => (r.before = before[i]));
        }
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
      for (const [name, group] of byTable(change.rows)) {
        for (const chunk of chunks(group)) {
          const current = await table(name).bulkGet(chunk.map((r) => r.key));
          const puts: object[] = [];
          const removes: string[] = [];
          chunk.forEach((row, i) => {
            const from = side === 'before' ? row.after : row.before;
            const plan = planReplay(from, row[side], current[i], now);
            if ('put' in plan) puts.push(plan.put);
            else if ('remove' in plan) removes.push(row.key);
          });
          await writeChunk(name, puts, removes);
        }
      }
    },
  );
}

/**
 * Rows per request. A change of one row is one get and one put, as before; wiping or deleting
 * 100,000 rows is 50 bulk requests a side instead of 200,000 single ones (the wipe took 56 s),
 * and each chunk is cloned in its own task, so none blocks the window for long.
 */
const CHUNK = 2_000;

/** One chunk's writes; an empty side sends no request (most changes touch one row). */
async function writeChunk(name: WorkTable, puts: object[], removes: string[]): Promise<void> {
  if (puts.length > 0) await table(name).bulkPut(puts);
  if (removes.length > 0) await table(name).bulkDelete(removes);
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

/** Rows grouped by table, in their order within each table (no row appears twice). */
function byTable(rows: readonly RowChange[]): Map<WorkTable, RowChange[]> {
  const out = new Map<WorkTable, RowChange[]>();
  for (const r of rows) {
    const list = out.get(r.table);
    if (list) list.push(r);
    else out.set(r.table, [r]);
  }
  return out;
}

async function writeRows(rows: RowChange[], side: 'before' | 'after'): Promise<void> {
  for (const [name, group] of byTable(rows)) {
    for (const chunk of chunks(group)) {
      const puts = chunk.filter((r) => r[side] !== undefined).map((r) => r[side]!);
      const removes = chunk.filter((r) => r[side] === undefined).map((r) => r.key);
      await writeChunk(name, puts, removes);
    }
  }
}
