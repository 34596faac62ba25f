import type { Transaction } from 'dexie';
import { annotationDefaults, completeArticle, groupDefaults } from '../../shared/model/defaults';
import type { Annotation } from '../../shared/model/types';
import { AnnotationTable, type AnnotationTables } from './annotationTable';

/**
 * Schema upgrades that change rows. Each runs inside Dexie's version-change transaction, so a
 * database is either fully carried forward or left as it was.
 */

type Row = Record<string, unknown>;

/** Adds the fields a row did not have yet, keeping every field it has. */
function fillMissing(row: Row, defaults: object): void {
  for (const [key, value] of Object.entries(defaults)) if (!(key in row)) row[key] = value;
}

/**
 * v1 → v2: articles are re-keyed by their sha256 (so two editors importing one text get one
 * article), every reference to an article id follows (annotations, the re-anchoring queue, the
 * saved UI state), and rows gain the v2 fields with their defaults.
 */
export async function migrateToV2(tx: Transaction): Promise<void> {
  const articles = (await tx.table('articles').toArray()) as Row[];
  const newId = new Map<string, string>();
  for (const a of articles) newId.set(String(a.id), String(a.sha256));
  const follow = (id: unknown): unknown => (typeof id === 'string' ? (newId.get(id) ?? id) : id);

  await tx.table('articles').clear();
  await tx
    .table('articles')
    .bulkAdd(articles.map((a) => completeArticle({ ...a, id: String(a.sha256) })));
  await tx
    .table('annotations')
    .toCollection()
    .modify((a: Row) => {
      a.articleId = follow(a.articleId);
      fillMissing(a, annotationDefaults());
    });
  await tx
    .table('groups')
    .toCollection()
    .modify((g: Row) => fillMissing(g, groupDefaults()));
  await tx
    .table('reanchorQueue')
    .toCollection()
    .modify((item: Row) => {
      const annotation = { ...(item.annotation as Row) };
      annotation.articleId = follow(annotation.articleId);
      fillMissing(annotation, annotationDefaults());
      item.annotation = annotation;
    });
  await tx
    .table('settings')
    .toCollection()
    .modify((s: Row) => {
      if (s.key !== 'ui' || typeof s.value !== 'object' || s.value === null) return;
      const ui = { ...(s.value as Row) };
      ui.openArticleId = follow(ui.openArticleId);
      if (Array.isArray(ui.reviewArticleIds)) ui.reviewArticleIds = ui.reviewArticleIds.map(follow);
      s.value = ui;
    });
}

/**
 * v3 → v4: every annotation row moves into packs (packing.ts) and the id directory, through the
 * same writes the app makes. The old store is left for v5 to drop.
 */
export async function migrateToV4(tx: Transaction): Promise<void> {
  const rows = (await tx.table('annotations').toArray()) as Annotation[];
  const tables: AnnotationTables = {
    annotationPacks: tx.table('annotationPacks'),
    annotationArticles: tx.table('annotationArticles'),
    // Already inside the upgrade transaction, which covers both tables.
    transaction: ((_mode: string, _tables: unknown, scope: () => Promise<unknown>) =>
      scope()) as unknown as AnnotationTables['transaction'],
  };
  await new AnnotationTable(tables).bulkPut(rows);
}
