import type { Annotation, Article, ClaimGroup } from '../../shared/model/types';
import { isLive } from '../../shared/model/live';
import { db } from './database';
import { compareTextOrder, mergeRuns } from '../../shared/rules/textOrder';
import { finish } from '../../shared/rules/steps';

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
  return (await db.annotations.all()).filter(isLive);
}

/**
 * An article's live annotations, in reading order (shared/rules/textOrder.ts), as sorted runs:
 * one per pack (renderer/db/packing.ts, at most PACK_ROWS rows), each read and sorted in its
 * own task, so 100,000 rows never make one long task. Merging the runs is left to the caller:
 * the reading view merges them in frame-sized slices (prepareAnnotations.ts).
 */
export async function annotationRunsOf(articleId: string): Promise<Annotation[][]> {
  const packs = await db.annotations.packsOfArticle(articleId);
  return packs.map((rows) => rows.filter(isLive).sort(compareTextOrder));
}

/** An article's live annotations in reading order, merged in one go (callers in transactions). */
export async function annotationsOf(articleId: string): Promise<Annotation[]> {
  return finish(mergeRuns(await annotationRunsOf(articleId), compareTextOrder));
}
export async function annotationsOfArticles(articleIds: string[]): Promise<Annotation[]> {
  return (await db.annotations.ofArticles(articleIds)).filter(isLive);
}
export async function groupMembers(groupId: string): Promise<Annotation[]> {
  return (await db.annotations.withGroup(groupId)).filter(isLive);
}
/** Live annotations that belong to some group. */
export async function groupedAnnotations(): Promise<Annotation[]> {
  return (await db.annotations.grouped()).filter(isLive);
}

/** Live annotations per article id, from index keys alone (no row is read). */
export function annotationCounts(): Promise<Map<string, number>> {
  return db.annotations.liveCounts();
}

/** How many live rows a work table holds. */
export function countLive(table: 'articles' | 'annotations' | 'groups'): Promise<number> {
  if (table === 'annotations') return db.annotations.countLive();
  return db.table(table).filter(isLive).count();
}
