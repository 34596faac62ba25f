import Dexie from 'dexie';
import type { Annotation, Article, ClaimGroup, ReanchorItem } from '../../shared/model/types';
import { beginMerge, type MergePlan, type ParsedBundle } from '../../shared/bundle';
import { stageParsed, type StagedBundle } from '../../shared/bundle/staged';
import { sha256Hex } from '../../shared/text/hash';
import { db as appDb, type CorroborateDatabase } from './database';

/**
 * Writing an imported bundle into IndexedDB. The merge is planned and applied inside ONE
 * read-write transaction over every work table, so an import is all or nothing: a failed write
 * (disk full), a bug, or the editor pressing Cancel before the commit rolls back every row.
 * Planning inside the same transaction also means no edit can slip in between the read of the
 * workspace the plan is based on and the writes.
 */

export interface ApplyOptions {
  database?: CorroborateDatabase;
  /** Checked between write batches; once aborted, the transaction is rolled back. */
  signal?: AbortSignal;
  /** Rows written so far out of the rows the plan writes. */
  onProgress?: (done: number, total: number) => void;
  /** Time stamped on new review-queue items. */
  now?: number;
}

/** Thrown inside the transaction when the editor cancels; Dexie then aborts it. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled. Nothing was changed.');
    // Not 'AbortError': Dexie would rewrap an error of that name as one of its own.
    this.name = 'ImportCancelledError';
  }
}

export function isCancelled(error: unknown): error is ImportCancelledError {
  return error instanceof ImportCancelledError;
}

/** Annotations per chunk of the bundle read, checked, converted and planned at a time. */
const BATCH = 1000;
/** Reading the rest of a 100 MB bundle takes seconds; Dexie.waitFor's default gives up at 60 s. */
const LOAD_TIMEOUT_MS = 15 * 60_000;

export interface Snapshot {
  articles: Article[];
  annotations: Annotation[];
  groups: ClaimGroup[];
  review: ReanchorItem[];
}

/** Every row of the work tables (inside a transaction when called from one). */
export async function readWorkspace(database: CorroborateDatabase = appDb): Promise<Snapshot> {
  const [articles, annotations, groups, review] = await Promise.all([
    database.articles.toArray(),
    database.annotations.all(),
    database.groups.toArray(),
    database.reanchorQueue.toArray(),
  ]);
  return { articles, annotations, groups, review };
}

/**
 * Plan the merge of a validated bundle against the workspace as it is now, and write the plan,
 * all in one transaction. Resolves with the plan (its summary is the import report) only once
 * IndexedDB has committed; rejects, with nothing written, on any failure or on cancel.
 */
export async function importParsedBundle(
  parsed: ParsedBundle,
  opts: ApplyOptions = {},
): Promise<MergePlan> {
  return importStagedBundle(stageParsed(parsed), opts);
}

/**
 * Import a staged bundle (shared/bundle/staged.ts) in one transaction. The articles are put
 * first; while IndexedDB writes them (on its own thread), the rest of the bundle is read here
 * (`staged.load()`: the articles' hashes, the annotations entry, the groups), the transaction
 * kept alive meanwhile by Dexie.waitFor. Then the annotations are checked, converted and
 * planned a chunk at a time and put in packs, while IndexedDB writes the groups. A bad row
 * anywhere (a wrong hash, a bad annotation half-way) throws: the transaction aborts and every row already put is rolled back, so the
 * import stays all or nothing.
 */
export async function importStagedBundle(
  staged: StagedBundle,
  opts: ApplyOptions & {
    /** Called once the bundle is loaded, before its groups and annotations; throw to refuse. */
    beforeAnnotations?: (staged: StagedBundle) => void;
  } = {},
): Promise<MergePlan> {
  const database = opts.database ?? appDb;
  const now = opts.now ?? Date.now();
  return database.transaction('rw', database.workTables, async () => {
    throwIfCancelled(opts.signal);
    const existing = await readWorkspace(database);
    const merge = beginMerge(existing, staged, now);
    // Known once the bundle is loaded; rows written before that are counted then.
    let total = 0;
    let done = 0;
    const report = () => total > 0 && opts.onProgress?.(Math.min(done, total), total);
    const writes: Promise<unknown>[] = [];
    // `read` rows were processed to produce `rows`; progress counts processed rows.
    const put = <T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[], read: number) => {
      writes.push(
        (rows.length > 0 ? table.bulkPut(rows) : Promise.resolve()).then(() => {
          done += read;
          report();
        }),
      );
    };
    put(database.articles, merge.articles, merge.articles.length);
    await Dexie.waitFor(staged.load(), LOAD_TIMEOUT_MS);
    throwIfCancelled(opts.signal);
    opts.beforeAnnotations?.(staged);
    const groups = merge.groups(staged.groups);
    total = merge.articles.length + groups.length + staged.annotationCount;
    opts.onProgress?.(Math.min(done, total), total);
    put(database.groups, groups, groups.length);
    // Converted and planned a chunk at a time, then put in one write: annotations are stored in
    // packs (packing.ts), and a pack write reads the packs it changes, so two chunk writes in
    // flight at once could each miss the other's rows.
    const annotations: Annotation[] = [];
    for (;;) {
      const chunk = staged.next(BATCH);
      if (chunk.length === 0) break;
      for (const row of merge.annotations(chunk)) annotations.push(row);
    }
    put(database.annotations, annotations, staged.annotationCount);
    staged.finish();
    const plan = merge.end();
    put(database.reanchorQueue, plan.review, 0);
    await Promise.all(writes);
    // A cancel that arrived during the writes still rolls everything back: the transaction
    // has not committed until this callback returns.
    throwIfCancelled(opts.signal);
    return plan;
  });
}

/**
 * Write an already planned merge in one transaction (joins the caller's transaction if there is
 * one). The plan must have been made against the current workspace.
 */
export async function applyMergePlan(plan: MergePlan, opts: ApplyOptions = {}): Promise<void> {
  const database = opts.database ?? appDb;
  await database.transaction('rw', database.workTables, async () => {
    await Promise.all([
      database.articles.bulkPut(plan.articles),
      database.groups.bulkPut(plan.groups),
      database.annotations.bulkPut(plan.annotations),
      database.reanchorQueue.bulkPut(plan.review),
    ]);
  });
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    // Throwing inside the transaction scope makes Dexie abort it: every row put so far is
    // rolled back by IndexedDB itself.
    throw new ImportCancelledError();
  }
}

/**
 * A content hash of every work table: rows sorted by id, keys sorted, as JSON, then sha256.
 * Two workspaces with the same hash hold the same data, whatever order IndexedDB returns it in.
 */
export async function workspaceHash(database: CorroborateDatabase = appDb): Promise<string> {
  const snap = await readWorkspace(database);
  const text = stableJson({
    articles: byId(snap.articles),
    annotations: byId(snap.annotations),
    groups: byId(snap.groups),
    review: byId(snap.review),
  });
  return sha256Hex(text);
}

function byId<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}
