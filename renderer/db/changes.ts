import { planReplay } from '../../shared/rules/replay';
import { db, type WorkTable } from './database';
import { hashBucket, inPackOrder } from './packing';

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

/**
 * How a long change (wiping or deleting 100,000 rows) tells the editor how far it has got, and
 * how the editor stops it. A change is one IndexedDB transaction: stopping it before its last
 * write aborts the transaction, so nothing of it is saved (all or nothing); once the last
 * write is sent, `report` says so with `final` and the change can no longer be stopped.
 */
export interface ChangeProgress {
  report(stage: ChangeStage, done: number, total: number, final?: boolean): void;
  /** Asked between chunks; true stops the change (it throws ChangeCancelled). */
  cancelled(): boolean;
}

/** Reading the rows to change; recording their values for undo; writing the new ones. */
export type ChangeStage = 'reading' | 'recording' | 'writing';

export class ChangeCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was changed.');
    this.name = 'ChangeCancelled';
  }
}

/** Throws ChangeCancelled (rolling the transaction back) if the editor asked to stop. */
export function checkCancelled(progress: ChangeProgress | undefined): void {
  if (progress?.cancelled()) throw new ChangeCancelled();
}

export type ChangePlanner = (progress?: ChangeProgress) => Promise<RowEdit[]>;

/** Deleting is writing a tombstone (shared/rules/edits.ts), so undo, bundles and sync see an edit. */
export { tombstone as tombstoneEdit } from '../../shared/rules/edits';

/** The reads and writes a change makes of one work table (annotations live in packs). */
interface RowStore {
  /** `articleIds` (annotations only) saves looking each id's article up. */
  bulkGet(keys: string[], articleIds?: (string | undefined)[]): Promise<(object | undefined)[]>;
  bulkPut(rows: object[]): Promise<unknown>;
  bulkDelete(keys: string[], articleIds?: (string | undefined)[]): Promise<unknown>;
}

/** The article of an annotation row change (other tables: undefined). */
function articleOf(row: RowChange): string | undefined {
  return ((row.after ?? row.before) as { articleId?: string } | undefined)?.articleId;
}

function table(name: WorkTable): RowStore {
  return name === 'annotations' ? (db.annotations as unknown as RowStore) : db.table(name);
}

/**
 * Runs `plan` inside a read-write transaction over all work tables (so it may read the rows it
 * needs), then writes its edits. Resolves once IndexedDB has committed.
 */
export async function commitChange(
  label: string,
  plan: ChangePlanner,
  progress?: ChangeProgress,
): Promise<Change> {
  return db.transaction('rw', db.workTables, async () => {
    const edits = await plan(progress);
    checkCancelled(progress);
    const unique: RowChange[] = [];
    // Later edits of the same row win, but `before` stays the value from before the change.
    const seen = new Map<string, RowChange>();
    for (let i = 0; i < edits.length; i++) {
      if (i > 0 && i % CHUNK === 0) await breathe();
      const edit = edits[i]!;
      const id = `${edit.table}:${edit.key}`;
      const existing = seen.get(id);
      if (existing) {
        existing.after = edit.after;
        continue;
      }
      const change: RowChange = { ...edit, before: undefined };
      seen.set(id, change);
      unique.push(change);
    }
    const rows = await inWriteOrder(unique);
    let recorded = 0;
    for (const [name, group] of byTable(rows)) {
      for (const chunk of chunks(group)) {
        const before = await table(name).bulkGet(
          chunk.map((r) => r.key),
          chunk.map(articleOf),
        );
        chunk.forEach((r, i) => (r.before = before[i]));
        progress?.report('recording', (recorded += chunk.length), rows.length);
        checkCancelled(progress);
        // Rows the transaction has already read come from its cache (annotationTable.ts), with
        // no request to wait for: without this, 100,000 rows were recorded in one task.
        if (recorded < rows.length) await breathe();
      }
    }
    await writeRows(rows, 'after', progress);
    return { label, rows };
  });
}

/**
 * Undo (`before`) or redo (`after`) of a recorded change, in one transaction. Each row is merged
 * three ways (shared/rules/replay.ts), so an edit made since by someone else (a teammate's sync)
 * is never erased by this editor's undo.
 */
export async function replayChange(
  change: Change,
  side: 'before' | 'after',
  progress?: ChangeProgress,
): Promise<void> {
  const now = Date.now();
  const total = change.rows.length;
  await db.transaction('rw', db.workTables, async () => {
    let done = 0;
    for (const [name, group] of byTable(change.rows)) {
      for (const chunk of chunks(group)) {
        checkCancelled(progress);
        const current = await table(name).bulkGet(
          chunk.map((r) => r.key),
          chunk.map(articleOf),
        );
        const puts: object[] = [];
        const removes: RowChange[] = [];
        chunk.forEach((row, i) => {
          const from = side === 'before' ? row.after : row.before;
          const plan = planReplay(from, row[side], current[i], now);
          if ('put' in plan) puts.push(plan.put);
          else if ('remove' in plan) removes.push(row);
        });
        done += chunk.length;
        progress?.report('writing', done, total, done === total);
        await writeChunk(name, puts, removes);
        // A chunk with nothing to write sent no request (its rows may have come from the
        // transaction's cache): give the main thread back before the next one.
        if (puts.length + removes.length === 0) await breathe();
      }
    }
  });
}

/**
 * Rows per request. A change of one row is one get and one put, as before; wiping or deleting
 * 100,000 rows is 200 bulk requests a side instead of 200,000 single ones (the wipe took 56 s).
 * Each chunk is cloned into IndexedDB in its own task: at 2,000 rows that task took 70-100 ms
 * on a loaded machine, at 500 about a quarter of it.
 */
const CHUNK = 500;

/**
 * Gives the main thread back in the middle of a transaction, so work over 100,000 rows is
 * several tasks, not one. A macrotask would let IndexedDB commit the transaction (nothing
 * pending); a request keeps it open and its answer comes back as a new task. The queue is the
 * smallest work table, and counting reads no row.
 */
export function breathe(): Promise<number> {
  return db.reanchorQueue.count();
}

/** One chunk's writes; an empty side sends no request (most changes touch one row). */
async function writeChunk(name: WorkTable, puts: object[], removes: RowChange[]): Promise<void> {
  if (puts.length > 0) await table(name).bulkPut(puts);
  if (removes.length > 0) {
    await table(name).bulkDelete(
      removes.map((r) => r.key),
      removes.map(articleOf),
    );
  }
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

/**
 * The rows with the annotations in their packs' order (article, then id hash: packing.ts), so
 * a chunk of 500 of an article's 100,000 rows reads and rewrites the two or three packs they
 * share, not most of the article's. Hashing 100,000 ids takes tens of ms: it is done 5,000 at
 * a time, breathing in between. The recorded change keeps this order, so undo and redo write
 * in it too.
 */
async function inWriteOrder(rows: readonly RowChange[]): Promise<RowChange[]> {
  const annotations = rows.filter((r) => r.table === 'annotations');
  if (annotations.length < 2) return [...rows];
  const buckets: number[] = [];
  for (let i = 0; i < annotations.length; i++) {
    if (i > 0 && i % 5_000 === 0) await breathe();
    buckets.push(hashBucket(annotations[i]!.key));
  }
  const ordered = inPackOrder(
    annotations,
    (r) => articleOf(r) ?? '',
    (_, i) => buckets[i]!,
  );
  return [...rows.filter((r) => r.table !== 'annotations'), ...ordered];
}

async function writeRows(
  rows: RowChange[],
  side: 'before' | 'after',
  progress?: ChangeProgress,
): Promise<void> {
  let done = 0;
  for (const [name, group] of byTable(rows)) {
    for (const chunk of chunks(group)) {
      checkCancelled(progress);
      const puts = chunk.filter((r) => r[side] !== undefined).map((r) => r[side]!);
      const removes = chunk.filter((r) => r[side] === undefined);
      done += chunk.length;
      // Once the last chunk is sent the transaction commits on its own: no stopping after this.
      progress?.report('writing', done, rows.length, done === rows.length);
      await writeChunk(name, puts, removes);
    }
  }
}
