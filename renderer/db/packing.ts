import type { Annotation } from '../../shared/model/types';
import { isLive } from '../../shared/model/live';

/**
 * How annotations are stored: in packs, not one IndexedDB record each. IndexedDB's cost is per
 * record (and per index entry of a record): putting 10,000 annotation records took ~450-550 ms
 * in Chromium, the same rows in 200 packs ~75 ms, packs' multi-entry indexes included
 * (renderer/bench/importFloor.bench.ts prints both). Pure: no Dexie, so the layout is tested
 * in Node and the end-to-end tests can lay out rows exactly as the app does.
 *
 * A pack holds annotations of one article whose id hashes start with `prefix` (hex). An
 * article's packs always cover every hash exactly once (the leaves of a trie): it starts with
 * one pack (prefix ''), and a pack that grows past PACK_ROWS is split into 16 by the next hex
 * digit. So the pack of an annotation is found from its article and id alone (one of nine
 * candidate keys), and an article's annotations are one key range.
 */
export interface AnnotationPack {
  articleId: string;
  prefix: string;
  rows: Annotation[];
  /** Distinct groups of the rows (tombstones included): the `*groupIds` index finds members. */
  groupIds: string[];
  /** Distinct speakers of the rows: the `*speakers` index lists the workspace's speakers. */
  speakers: string[];
  /** Live rows, and all rows: the `sizes` index gives every article's count and every pack's
   * size from keys alone (database.ts). */
  live: number;
  size: number;
}

/**
 * Most rows a pack holds before it splits. A pack is read (deserialised) in one main-thread
 * task and rewritten whole when one of its rows changes: ~600 KB at this size, a few ms.
 */
export const PACK_ROWS = 1_000;

/** Hex digits of the id hash: a pack's prefix is at most this long. */
const HASH_DIGITS = 8;

/** 32-bit FNV-1a of the id's UTF-16 code units, as 8 hex digits: stable across versions. */
export function idHash(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(HASH_DIGITS, '0');
}

export type PackKey = [articleId: string, prefix: string];

/** Every key the pack of this annotation can have: one of them exists once its article has packs. */
export function candidateKeys(articleId: string, id: string): PackKey[] {
  const hash = idHash(id);
  const keys: PackKey[] = [];
  for (let n = 0; n <= HASH_DIGITS; n++) keys.push([articleId, hash.slice(0, n)]);
  return keys;
}

export function packKeyString(key: PackKey): string {
  return `${key[0]}\u0000${key[1]}`;
}

/** A pack of `rows` with its index fields computed from them. */
export function makePack(articleId: string, prefix: string, rows: Annotation[]): AnnotationPack {
  const groupIds = new Set<string>();
  const speakers = new Set<string>();
  let live = 0;
  for (const r of rows) {
    if (r.groupId !== null) groupIds.add(r.groupId);
    if (r.speaker) speakers.add(r.speaker);
    if (isLive(r)) live++;
  }
  return {
    articleId,
    prefix,
    rows,
    groupIds: [...groupIds],
    speakers: [...speakers],
    live,
    size: rows.length,
  };
}

/**
 * Rows (one article's) under `prefix`, as packs lay them out: all of them when they fit, else
 * split by the next hex digit, recursively, into all 16 children (empty ones included, so the
 * article's packs still cover every hash).
 */
export function splitByPrefix<T extends { id: string }>(
  prefix: string,
  rows: readonly T[],
): [prefix: string, rows: T[]][] {
  if (rows.length <= PACK_ROWS || prefix.length >= HASH_DIGITS) return [[prefix, [...rows]]];
  const children = new Map<string, T[]>();
  for (let d = 0; d < 16; d++) children.set(prefix + d.toString(16), []);
  for (const r of rows) children.get(idHash(r.id).slice(0, prefix.length + 1))!.push(r);
  return [...children].flatMap(([p, list]) => splitByPrefix(p, list));
}

/** The packs of `rows` (one article's) under `prefix` (see splitByPrefix). */
export function splitPack(articleId: string, prefix: string, rows: Annotation[]): AnnotationPack[] {
  return splitByPrefix(prefix, rows).map(([p, list]) => makePack(articleId, p, list));
}

/**
 * The id directory (annotationTable.ts) has one row per first DIRECTORY_DIGITS hex digits of
 * the id hash: 256 rows at most, so an import of 10,000 annotations writes a few hundred rows
 * of it, not 10,000.
 */
const DIRECTORY_DIGITS = 2;
export function directoryPrefix(id: string): string {
  return idHash(id).slice(0, DIRECTORY_DIGITS);
}

/** An id's place in its article's hash order, by the first three hex digits of its hash. */
export function hashBucket(id: string): number {
  return parseInt(idHash(id).slice(0, 3), 16);
}

/**
 * `items` grouped by article and, within one, in hash order (`bucketOf`: hashBucket of the
 * item's id, computed by the caller, which may spread that work over several tasks), so
 * consecutive items share packs (any pack up to 4,096,000 rows deep). Linear, not a sort.
 */
export function inPackOrder<T>(
  items: readonly T[],
  articleOf: (item: T) => string,
  bucketOf: (item: T, index: number) => number,
): T[] {
  const byArticle = new Map<string, T[][]>();
  items.forEach((item, index) => {
    const article = articleOf(item);
    let buckets = byArticle.get(article);
    if (!buckets) byArticle.set(article, (buckets = []));
    (buckets[bucketOf(item, index)] ??= []).push(item);
  });
  const out: T[] = [];
  for (const buckets of byArticle.values()) {
    for (const bucket of buckets) if (bucket) for (const item of bucket) out.push(item);
  }
  return out;
}

/** The pack (of those given, one article's) whose prefix starts this id's hash. */
export function packFor(packs: Iterable<AnnotationPack>, id: string): AnnotationPack | undefined {
  const hash = idHash(id);
  for (const p of packs) if (hash.startsWith(p.prefix)) return p;
  return undefined;
}

export interface PackEdit {
  /** Packs to write (new or changed). */
  put: AnnotationPack[];
  /** Keys of packs split away (their rows are in `put`) or left empty. */
  remove: PackKey[];
  /** Ids put that the article's packs did not hold before. */
  added: string[];
  /** Ids removed that they did hold. */
  removed: string[];
}

/**
 * What putting `rows` and removing `removeIds` does to one article's packs. `existing` must
 * hold the article's packs that any of those ids hash into (or be empty when the article has
 * none). Rows replace rows with the same id; a pack past PACK_ROWS splits.
 */
export function planPackEdit(
  articleId: string,
  existing: readonly AnnotationPack[],
  rows: readonly Annotation[],
  removeIds: readonly string[] = [],
): PackEdit {
  // Work on copies of the touched packs' row lists, by prefix.
  const touched = new Map<string, Map<string, Annotation>>();
  const packs = existing.length > 0 ? [...existing] : [makePack(articleId, '', [])];
  const listOf = (id: string): Map<string, Annotation> => {
    const pack = packFor(packs, id);
    if (!pack) throw new Error(`no pack of article ${articleId} covers annotation ${id}`);
    let list = touched.get(pack.prefix);
    if (!list) {
      list = new Map(pack.rows.map((r) => [r.id, r]));
      touched.set(pack.prefix, list);
    }
    return list;
  };
  const added: string[] = [];
  const removed: string[] = [];
  for (const id of removeIds) if (listOf(id).delete(id)) removed.push(id);
  for (const r of rows) {
    const list = listOf(r.id);
    if (!list.has(r.id)) added.push(r.id);
    list.set(r.id, r);
  }
  const put: AnnotationPack[] = [];
  const remove: PackKey[] = [];
  for (const [prefix, list] of touched) {
    const next = splitPack(articleId, prefix, [...list.values()]);
    const wasStored = existing.some((p) => p.prefix === prefix);
    if (next.length > 1 && wasStored) remove.push([articleId, prefix]);
    // An article left with one empty root pack has no packs at all (the invariant allows it).
    if (prefix === '' && next.length === 1 && next[0]!.rows.length === 0) {
      if (wasStored) remove.push([articleId, '']);
      continue;
    }
    put.push(...next);
  }
  return { put, remove, added, removed };
}

/**
 * The packs of a set of annotations laid out from scratch (as a test writes them): the layout
 * putting them in any order gives, since packs only ever split.
 */
export function layoutPacks(rows: readonly Annotation[]): AnnotationPack[] {
  const byArticle = new Map<string, Annotation[]>();
  for (const r of rows) {
    const list = byArticle.get(r.articleId);
    if (list) list.push(r);
    else byArticle.set(r.articleId, [r]);
  }
  return [...byArticle].flatMap(([articleId, list]) => splitPack(articleId, '', list));
}
