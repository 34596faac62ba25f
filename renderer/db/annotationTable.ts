import Dexie, { type Table } from 'dexie';
import type { Annotation } from '../../shared/model/types';
import {
  directoryPrefix,
  idHash,
  packFor,
  planPackEdit,
  type AnnotationPack,
  type PackEdit,
  type PackKey,
  packKeyString,
} from './packing';
import { PAGE_ROWS } from './pagedRead';

/**
 * Which article each annotation id belongs to, so an annotation is found from its id alone
 * (undo, sync and the UI know ids); one row per `directoryPrefix` (packing.ts).
 */
export interface AnnotationArticlesRow {
  prefix: string;
  articles: Map<string, string>;
}

/** The two tables behind the annotations (see packing.ts), as a database declares them. */
export interface AnnotationTables {
  annotationPacks: Table<AnnotationPack, PackKey>;
  annotationArticles: Table<AnnotationArticlesRow, string>;
  transaction: Dexie['transaction'];
}

/**
 * Bounds of an article's keys in the packs' primary key and in the `sizes` index alike: [id]
 * sorts before every [id, …] key, and [id, []] after them (arrays sort after strings and
 * numbers).
 */
function articleRange(articleId: string): [lower: [string], upper: [string, never[]]] {
  return [[articleId], [articleId, []]];
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The `sizes` index of the packs (database.ts): key, live rows and all rows of each pack. */
const SIZES = '[articleId+prefix+live+size]';
type SizeKey = [articleId: string, prefix: string, live: number, size: number];

interface TransactionCache {
  packs: Map<string, AnnotationPack | null>;
  prefixes: Map<string, Set<string>>;
}

/** Rows of packs written per request (see writePacks). */
const WRITE_ROWS = 2_000;

/**
 * The annotations, stored in packs (packing.ts), with the reads and writes the app makes of
 * them. Rows go in and come out exactly as they were put (tombstones included); which rows
 * are live is the callers' business (queries.ts). Every write is one transaction over both
 * tables, or joins the caller's (which must then include `tables`).
 */
export class AnnotationTable {
  constructor(private readonly db: AnnotationTables) {}

  /** The IndexedDB tables a transaction that reads or writes annotations must include. */
  get tables(): [Table<AnnotationPack, PackKey>, Table<AnnotationArticlesRow, string>] {
    return [this.db.annotationPacks, this.db.annotationArticles];
  }

  private get packs() {
    return this.db.annotationPacks;
  }

  /**
   * Packs already read or written in the current read-write transaction, by key (null: known
   * to be absent), and each article's pack prefixes. A change of 100,000 rows goes in chunks of
   * 500 (changes.ts): without this, each chunk read its packs again to record them, again to
   * rewrite them, and again for the next chunk sharing them, several times the article's data
   * deserialised. Only this class writes packs, so what it holds is what the transaction holds.
   */
  private readonly caches = new WeakMap<IDBTransaction, TransactionCache>();

  private cache(): TransactionCache | undefined {
    const tx = Dexie.currentTransaction;
    // The IndexedDB transaction, not Dexie's: a read nested in a write has mode 'readonly' but
    // shares the write's transaction.
    if (!tx?.idbtrans || tx.idbtrans.mode !== 'readwrite') return undefined;
    let cache = this.caches.get(tx.idbtrans);
    if (!cache) this.caches.set(tx.idbtrans, (cache = { packs: new Map(), prefixes: new Map() }));
    return cache;
  }

  /** The prefixes of an article's packs (keys only: cheap even for 100,000 annotations). */
  private async prefixesOf(articleId: string): Promise<Set<string>> {
    const cache = this.cache();
    const known = cache?.prefixes.get(articleId);
    if (known) return known;
    const [lo, hi] = articleRange(articleId);
    const keys = (await this.packs
      .where('[articleId+prefix]')
      .between(lo, hi, true, true)
      .primaryKeys()) as PackKey[];
    const prefixes = new Set(keys.map((k) => k[1]));
    cache?.prefixes.set(articleId, prefixes);
    return prefixes;
  }

  /** The article's stored packs that hold (or would hold) these ids. */
  private async packsCovering(articleId: string, ids: Iterable<string>): Promise<AnnotationPack[]> {
    const prefixes = await this.prefixesOf(articleId);
    if (prefixes.size === 0) return [];
    const wanted = new Set<string>();
    for (const id of ids) {
      const hash = idHash(id);
      for (let n = 0; n <= hash.length; n++) {
        if (prefixes.has(hash.slice(0, n))) {
          wanted.add(hash.slice(0, n));
          break;
        }
      }
    }
    return this.readPacks([...wanted].map((prefix): PackKey => [articleId, prefix]));
  }

  /** Stored packs by key (absent ones left out), from the transaction's cache where it has them. */
  private async readPacks(keys: readonly PackKey[]): Promise<AnnotationPack[]> {
    const cache = this.cache();
    const out: AnnotationPack[] = [];
    const missing: PackKey[] = [];
    for (const key of keys) {
      const cached = cache?.packs.get(packKeyString(key));
      if (cached) out.push(cached);
      else if (cached === undefined) missing.push(key);
    }
    if (missing.length > 0) {
      const read = await this.packs.bulkGet(missing);
      missing.forEach((key, i) => cache?.packs.set(packKeyString(key), read[i] ?? null));
      for (const p of read) if (p) out.push(p);
    }
    return out;
  }

  /**
   * Article ids of these annotation ids: the caller's where given, else the directory's
   * (undefined: never stored).
   */
  private async articlesOf(
    ids: readonly string[],
    known?: readonly (string | undefined)[],
  ): Promise<(string | undefined)[]> {
    if (known && known.every((k) => k !== undefined)) return [...known];
    const prefixes = [...new Set(ids.map(directoryPrefix))];
    const rows = await this.db.annotationArticles.bulkGet(prefixes);
    const byPrefix = new Map(prefixes.map((p, i) => [p, rows[i]?.articles]));
    return ids.map((id, i) => known?.[i] ?? byPrefix.get(directoryPrefix(id))?.get(id));
  }

  /**
   * Rows by id. `articleIds[i]`, when the caller knows it (undo and sync hold the rows), saves
   * looking the id up in the directory.
   */
  async bulkGet(
    ids: readonly string[],
    articleIds?: readonly (string | undefined)[],
  ): Promise<(Annotation | undefined)[]> {
    if (ids.length === 0) return [];
    return this.db.transaction('r', this.tables, async () => {
      const articles = await this.articlesOf(ids, articleIds);
      const found = new Map<string, Annotation>();
      const byArticle = groupBy(
        ids.map((id, i) => ({ id, articleId: articles[i] })).filter((x) => x.articleId),
        (x) => x.articleId!,
      );
      await Promise.all(
        [...byArticle].map(async ([articleId, list]) => {
          const ids = list.map((x) => x.id);
          const packs = await this.packsCovering(articleId, ids);
          for (const id of ids) {
            const row = packFor(packs, id)?.rows.find((r) => r.id === id);
            if (row) found.set(id, row);
          }
        }),
      );
      return ids.map((id) => found.get(id));
    });
  }

  async get(id: string): Promise<Annotation | undefined> {
    return (await this.bulkGet([id]))[0];
  }

  /**
   * Put rows (insert or replace by id). Callers await one write before starting the next: a
   * write reads the packs it changes, so two at once could each miss the other's rows.
   */
  async bulkPut(rows: readonly Annotation[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction('rw', this.tables, async () => {
      const puts = groupBy(rows, (r) => r.articleId);
      let edits = await this.editPacks(puts, new Map());
      const articleOf = new Map(rows.map((r) => [r.id, r.articleId]));
      const added = edits.flatMap((e) => e.added);
      const previous = await this.updateDirectory(
        added.map((id) => [id, articleOf.get(id)!]),
        [],
      );
      // A new id may have been stored under another article before (a bundle can say so): it
      // moves, and no article keeps a stale copy. Rare: the plan is simply made again.
      const moved = groupBy(
        added.filter((id) => {
          const was = previous.get(id);
          return was !== undefined && was !== articleOf.get(id);
        }),
        (id) => previous.get(id)!,
      );
      if (moved.size > 0) edits = await this.editPacks(puts, moved);
      await this.writePacks(edits);
    });
  }

  /** Remove rows for good (undoing an insert; deletes in the app are tombstones, i.e. puts). */
  async bulkDelete(
    ids: readonly string[],
    articleIds?: readonly (string | undefined)[],
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.db.transaction('rw', this.tables, async () => {
      const articles = await this.articlesOf(ids, articleIds);
      const articleOf = new Map(ids.map((id, i) => [id, articles[i]]));
      const byArticle = groupBy(
        ids.filter((id) => articleOf.get(id) !== undefined),
        (id) => articleOf.get(id)!,
      );
      const edits = await this.editPacks(new Map(), byArticle);
      await this.writePacks(edits);
      await this.updateDirectory(
        [],
        edits.flatMap((e) => e.removed),
      );
    });
  }

  /** Plans the pack edits of rows to put and ids to remove, per article. */
  private editPacks(
    puts: Map<string, Annotation[]>,
    removes: Map<string, string[]>,
  ): Promise<PackEdit[]> {
    const articles = new Set([...puts.keys(), ...removes.keys()]);
    return Promise.all(
      [...articles].map(async (articleId) => {
        const put = puts.get(articleId) ?? [];
        const remove = removes.get(articleId) ?? [];
        const existing = await this.packsCovering(articleId, [...put.map((r) => r.id), ...remove]);
        return planPackEdit(articleId, existing, put, remove);
      }),
    );
  }

  /**
   * Writes planned pack edits, a few packs per request: each request's packs are cloned into
   * IndexedDB in one main-thread task, so a change of 100,000 rows is many short tasks.
   */
  private async writePacks(edits: readonly PackEdit[]): Promise<void> {
    const removeKeys = edits.flatMap((e) => e.remove);
    const packs = edits.flatMap((e) => e.put);
    const cache = this.cache();
    if (cache) {
      for (const key of removeKeys) {
        cache.packs.set(packKeyString(key), null);
        cache.prefixes.get(key[0])?.delete(key[1]);
      }
      for (const p of packs) {
        cache.packs.set(packKeyString([p.articleId, p.prefix]), p);
        cache.prefixes.get(p.articleId)?.add(p.prefix);
      }
    }
    if (removeKeys.length > 0) await this.packs.bulkDelete(removeKeys);
    let batch: AnnotationPack[] = [];
    let rows = 0;
    for (const pack of packs) {
      batch.push(pack);
      rows += pack.rows.length;
      if (rows >= WRITE_ROWS) {
        await this.packs.bulkPut(batch);
        batch = [];
        rows = 0;
      }
    }
    if (batch.length > 0) await this.packs.bulkPut(batch);
  }

  /**
   * Records the article of each added id and forgets each removed one; resolves with the
   * article each added id was recorded under before (if any).
   */
  private async updateDirectory(
    added: readonly [id: string, articleId: string][],
    removed: readonly string[],
  ): Promise<Map<string, string>> {
    const previous = new Map<string, string>();
    const changes = groupBy(
      [
        ...added.map(([id, articleId]) => ({ id, articleId: articleId as string | null })),
        ...removed.map((id) => ({ id, articleId: null })),
      ],
      (c) => directoryPrefix(c.id),
    );
    if (changes.size === 0) return previous;
    const prefixes = [...changes.keys()];
    const current = await this.db.annotationArticles.bulkGet(prefixes);
    const next = prefixes.map((prefix, i) => {
      const articles = new Map(current[i]?.articles);
      for (const c of changes.get(prefix)!) {
        const was = articles.get(c.id);
        if (was !== undefined) previous.set(c.id, was);
        if (c.articleId === null) articles.delete(c.id);
        else articles.set(c.id, c.articleId);
      }
      return { prefix, articles };
    });
    await this.db.annotationArticles.bulkPut(next);
    return previous;
  }

  async put(row: Annotation): Promise<void> {
    await this.bulkPut([row]);
  }

  /** Changes fields of a stored row; resolves with 1 if it was there, else 0 (as Dexie's). */
  async update(id: string, changes: Partial<Annotation>): Promise<number> {
    return this.db.transaction('rw', this.tables, async () => {
      const row = await this.get(id);
      if (!row) return 0;
      await this.put({ ...row, ...changes, id });
      return 1;
    });
  }

  /** How many rows are stored, tombstones included (index keys only, no row read). */
  async count(): Promise<number> {
    let n = 0;
    for (const [, , , size] of await this.sizes()) n += size;
    return n;
  }

  async clear(): Promise<void> {
    await this.db.transaction('rw', this.tables, async () => {
      const cache = this.cache();
      cache?.packs.clear();
      cache?.prefixes.clear();
      await Promise.all(this.tables.map((t) => t.clear()));
    });
  }

  /**
   * Every pack's (or one article's packs') key, live count and size, from the `sizes` index:
   * one small entry per pack, no row read. Reading it is also what a live query watches.
   */
  private async sizes(articleId?: string): Promise<SizeKey[]> {
    if (articleId === undefined) {
      return (await this.packs.orderBy(SIZES).keys()) as unknown as SizeKey[];
    }
    const [lo, hi] = articleRange(articleId);
    return (await this.packs
      .where(SIZES)
      .between(lo, hi, true, true)
      .keys()) as unknown as SizeKey[];
  }

  /**
   * The packs of `sizes`, a request per page of about PAGE_ROWS rows (one pack at least): each
   * request's rows are deserialised in one main-thread task, so 100,000 rows are read in many
   * short tasks, not one of seconds, and a workspace of small packs in few requests.
   */
  private async readPages(
    sizes: readonly SizeKey[],
    onPage: (packs: AnnotationPack[]) => void,
  ): Promise<void> {
    let batch: PackKey[] = [];
    let rows = 0;
    for (const [articleId, prefix, , size] of sizes) {
      if (batch.length > 0 && rows + size > PAGE_ROWS) {
        onPage(await this.readPacks(batch));
        batch = [];
        rows = 0;
      }
      batch.push([articleId, prefix]);
      rows += size;
    }
    if (batch.length > 0) onPage(await this.readPacks(batch));
  }

  /** An article's rows, one list per pack (at most PACK_ROWS rows each), read in pages. */
  async packsOfArticle(articleId: string): Promise<Annotation[][]> {
    const out: Annotation[][] = [];
    await this.readPages(await this.sizes(articleId), (packs) => {
      for (const p of packs) out.push(p.rows);
    });
    return out;
  }

  /** Every row of these articles (small sets of articles: no paging). */
  async ofArticles(articleIds: readonly string[]): Promise<Annotation[]> {
    const lists = await Promise.all(
      articleIds.map(async (id) => {
        const [lo, hi] = articleRange(id);
        return this.packs.where('[articleId+prefix]').between(lo, hi, true, true).toArray();
      }),
    );
    return lists.flat().flatMap((p) => p.rows);
  }

  /**
   * Every row, read in pages of about PAGE_ROWS (see readPages); `onPage` gets each page as it
   * arrives and the rows read so far (it may throw to stop).
   */
  async all(onPage?: (read: number, page: readonly Annotation[]) => void): Promise<Annotation[]> {
    const out: Annotation[] = [];
    await this.readPages(await this.sizes(), (packs) => {
      const page = packs.flatMap((p) => p.rows);
      for (const r of page) out.push(r);
      onPage?.(out.length, page);
    });
    return out;
  }

  /** Rows in this group (tombstones included). */
  async withGroup(groupId: string): Promise<Annotation[]> {
    const packs = await this.packs.where('groupIds').equals(groupId).toArray();
    return packs.flatMap((p) => p.rows.filter((r) => r.groupId === groupId));
  }

  /** Rows that belong to some group (tombstones included). */
  async grouped(): Promise<Annotation[]> {
    const packs = await this.packs.where('groupIds').above('').distinct().toArray();
    return packs.flatMap((p) => p.rows.filter((r) => r.groupId !== null));
  }

  /** Rows with a speaker (tombstones included). */
  async withSpeaker(): Promise<Annotation[]> {
    const packs = await this.packs.where('speakers').above('').distinct().toArray();
    return packs.flatMap((p) => p.rows.filter((r) => !!r.speaker));
  }

  /** Live rows per article id, from index keys alone (no row is read). */
  async liveCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const [articleId, , live] of await this.sizes()) {
      counts.set(articleId, (counts.get(articleId) ?? 0) + live);
    }
    return counts;
  }

  /** How many live rows there are. */
  async countLive(): Promise<number> {
    let n = 0;
    for (const c of (await this.liveCounts()).values()) n += c;
    return n;
  }
}
