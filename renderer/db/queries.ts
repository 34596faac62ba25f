import Dexie from 'dexie';
import type { Annotation, Article, ClaimGroup } from '../../shared/model/types';
import { isLive } from '../../shared/model/live';
import { db } from './database';
import { compareTextOrder, mergeRuns } from '../../shared/rules/textOrder';
import { finish } from '../../shared/rules/steps';
import { allRows } from './pagedRead';

/**
 * The reads features use. Rows are tombstoned, never removed (shared/model/types.ts), so every
 * read of the editor's work goes through here and sees only live rows; the few places that
 * need tombstones (undo, import merging, sync) read the tables directly on purpose.
 */

function live<T extends { deletedAt: number | null }>(row: T | undefined): T | undefined {
  return row && isLive(row) ? row : undefined;
}

export async function getArticle(id: string): Promise<Article | undefined> {
  return live(await db.articles.get(id));
}
export async function getAnnotation(id: string): Promise<Annotation | undefined> {
  return live(await db.annotations.get(id));
}
export async function getGroup(id: string): Promise<ClaimGroup | undefined> {
  return live(await db.groups.get(id));
}

// Tombstones are dropped after the read, not with Dexie's .filter(): a filtered query walks a
// cursor one row per event, while an unfiltered one is a single getAll.

/** Live articles, oldest first (library order). */
export async function liveArticles(): Promise<Article[]> {
  return (await db.articles.orderBy('createdAt').toArray()).filter(isLive);
}
/** The live article with this text, or a tombstoned one (to revive), or undefined. */
export function articleBySha(sha256: string): Promise<Article | undefined> {
  return db.articles.where('sha256').equals(sha256).first();
}
export async function liveGroups(): Promise<ClaimGroup[]> {
  return (await db.groups.toArray()).filter(isLive);
}
export async function liveAnnotations(): Promise<Annotation[]> {
  return (await allRows(db.annotations)).filter(isLive);
}
/**
 * Rows per page of an article's annotations: each page is deserialised (and cloned by Dexie's
 * live-query cache) in one task, 25-60 ms for 2,000 rows on a loaded machine.
 */
const PAGE = 1_000;

function articleAnnotationKeys(articleId: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const request = db
      .backendDB()
      .transaction('annotations', 'readonly')
      .objectStore('annotations')
      .index('articleId')
      .getAllKeys(IDBKeyRange.only(articleId));
    request.onsuccess = () => resolve(request.result as string[]);
    request.onerror = () => reject(request.error ?? new Error('reading annotation keys failed'));
  });
}

/**
 * An article's live annotations, in reading order (shared/rules/textOrder.ts), as sorted runs of
 * at most PAGE rows. Read in pages: one getAll of 100,000 rows deserialises them all in one
 * main-thread task (seconds), and a filtered cursor takes one event per row. The article's keys
 * come from its index; each page is one getAll over a primary-key range (rows of other articles
 * in that range are dropped), sorted on its own. Merging the runs is left to the caller: the
 * reading view merges them in frame-sized slices (prepareAnnotations.ts).
 */
export async function annotationRunsOf(articleId: string): Promise<Annotation[][]> {
  // Counting the article's index range is what a live query watches (any change to one of its
  // annotations re-runs it); the key list itself is read past Dexie, whose live-query tracking
  // would otherwise file 100,000 keys one by one in a single task.
  const count = await db.annotations.where('articleId').equals(articleId).count();
  if (count <= PAGE) {
    const rows = await db.annotations.where('articleId').equals(articleId).toArray();
    return [rows.filter(isLive).sort(compareTextOrder)];
  }
  // Inside a write transaction (deleting the article) a second IndexedDB transaction would wait
  // for it forever: read the keys through it.
  const keys = Dexie.currentTransaction
    ? ((await db.annotations.where('articleId').equals(articleId).primaryKeys()) as string[])
    : await articleAnnotationKeys(articleId);
  keys.sort();
  const runs: Annotation[][] = [];
  for (let i = 0; i < keys.length; i += PAGE) {
    const last = keys[Math.min(i + PAGE, keys.length) - 1]!;
    const page = await db.annotations.where(':id').between(keys[i]!, last, true, true).toArray();
    runs.push(page.filter((a) => a.articleId === articleId && isLive(a)).sort(compareTextOrder));
  }
  return runs;
}

/** An article's live annotations in reading order, merged in one go (callers in transactions). */
export async function annotationsOf(articleId: string): Promise<Annotation[]> {
  return finish(mergeRuns(await annotationRunsOf(articleId), compareTextOrder));
}
export async function annotationsOfArticles(articleIds: string[]): Promise<Annotation[]> {
  return (await db.annotations.where('articleId').anyOf(articleIds).toArray()).filter(isLive);
}
export async function groupMembers(groupId: string): Promise<Annotation[]> {
  return (await db.annotations.where('groupId').equals(groupId).toArray()).filter(isLive);
}
/** Live annotations that belong to some group. */
export async function groupedAnnotations(): Promise<Annotation[]> {
  return (await db.annotations.where('groupId').above('').toArray()).filter(isLive);
}

/**
 * Live annotations per article id, from index keys only: every article's key list minus the
 * tombstoned rows (the `deletedAt` index holds only those, as null is not an IndexedDB key).
 */
export async function annotationCounts(): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (const id of await db.annotations.orderBy('articleId').keys()) {
    map.set(String(id), (map.get(String(id)) ?? 0) + 1);
  }
  await db.annotations
    .where('deletedAt')
    .above(0)
    .each((a) => map.set(a.articleId, (map.get(a.articleId) ?? 1) - 1));
  return map;
}

/** How many live rows a work table holds. */
export function countLive(table: 'articles' | 'annotations' | 'groups'): Promise<number> {
  return db.table(table).filter(isLive).count();
}
