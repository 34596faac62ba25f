import Dexie, { type EntityTable, type Table } from 'dexie';
import { migrateToV2, migrateToV4 } from './migrations';
import { AnnotationTable, type AnnotationArticlesRow } from './annotationTable';
import type { AnnotationPack, PackKey } from './packing';
import { refuseNewerDatabase } from './newerVersion';
import type { Article, ClaimGroup, ReanchorItem } from '../../shared/model/types';

/** Small key/value rows: UI state to restore after a restart, first-run flags. */
export interface SettingRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'corroborate';

/**
 * The one IndexedDB database. Every table the app uses is declared here, with its schema
 * history: a new version adds a `this.version(n)` block (with an upgrade function when rows
 * change shape) and never edits an old one, so any user's database can be carried forward.
 */
export class CorroborateDatabase extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  annotationPacks!: Table<AnnotationPack, PackKey>;
  annotationArticles!: Table<AnnotationArticlesRow, string>;
  groups!: EntityTable<ClaimGroup, 'id'>;
  reanchorQueue!: EntityTable<ReanchorItem, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // v1: articles (unique sha256 identifies duplicates), annotations by article and group,
    // claim groups, the re-anchoring review queue and settings. Only indexes a query uses:
    // each one is written on every put, which is what a 10,000-annotation import pays for.
    this.version(1).stores({
      articles: 'id, &sha256, createdAt',
      annotations: 'id, articleId, groupId, kind',
      groups: 'id, updatedAt',
      reanchorQueue: 'id, createdAt',
      settings: 'key',
    });
    // v2: the sync-ready model (shared/model/types.ts). Deletes are tombstones (`deletedAt`,
    // indexed: null is no IndexedDB key, so the index holds only deleted rows), articles are
    // keyed by their sha256, and rows gain source fields, tags, authors and verdicts.
    this.version(2)
      .stores({
        articles: 'id, &sha256, createdAt, deletedAt',
        annotations: 'id, articleId, groupId, kind, deletedAt',
        groups: 'id, updatedAt, deletedAt',
      })
      .upgrade((tx) => migrateToV2(tx));
    // v3: annotations lose the `kind` index (one entry for every row, each written on every
    // put) for `speaker` (only quotes have one; null is no key): the one query that used `kind`
    // looks for speakers. An import of 10,000 annotations writes ~30% fewer index entries
    // (renderer/bench/importFloor.bench.ts). Rows keep their shape; IndexedDB builds the new
    // index from the rows already stored.
    this.version(3).stores({
      annotations: 'id, articleId, groupId, speaker, deletedAt',
    });
    // v4: annotations are stored in packs (renderer/db/packing.ts): IndexedDB's cost is per
    // record, and an import of 10,000 annotations as 10,000 records took 1.5-2× a raw put of
    // them without indexes; in ~200 packs it is a fraction of that. Packs are keyed by article
    // and id-hash prefix (an article's annotations are one key range), indexed by the groups and
    // speakers of their rows (multi-entry) and by their live and total row counts (reads page by
    // size, the library counts from keys alone); the directory
    // (`annotationArticles`) finds an annotation's article from its id.
    this.version(4)
      .stores({
        annotationPacks: '[articleId+prefix], *groupIds, *speakers, [articleId+prefix+live+size]',
        annotationArticles: 'prefix',
      })
      .upgrade((tx) => migrateToV4(tx));
    // v5: the per-row annotations store, emptied into packs by v4, is dropped (Dexie deletes a
    // store only in a version after the upgrade that read it).
    this.version(5).stores({ annotations: null });
    refuseNewerDatabase(this);
  }

  private annotationTable: AnnotationTable | undefined;
  /** The annotations (in packs), with the reads and writes the app makes of them. */
  get annotations(): AnnotationTable {
    return (this.annotationTable ??= new AnnotationTable(this));
  }

  /** Every IndexedDB table of the editor's work, for a transaction over all of it. */
  get workTables(): Table[] {
    return [this.articles, ...this.annotations.tables, this.groups, this.reanchorQueue] as Table[];
  }
}

export const db = new CorroborateDatabase();

/** Tables that hold the editor's work (everything but UI settings). */
export const WORK_TABLES = ['articles', 'annotations', 'groups', 'reanchorQueue'] as const;
export type WorkTable = (typeof WORK_TABLES)[number];
