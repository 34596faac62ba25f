import type { Article } from '../../../shared/model/types';
import { articleBySha } from '../../db/queries';
import { isLive } from '../../../shared/model/live';
import type { RowEdit } from '../../db/changes';
import { applyChange } from '../../state/history';
import type { Prepared } from './prepareArticle';

export interface ImportReport {
  imported: Article[];
  /** Same text as an article already in the library (or twice in this batch). */
  duplicates: { name: string; existingTitle: string; existingId: string }[];
  refused: { name: string; reason: string }[];
}

/**
 * Stores every prepared article in ONE transaction (all or nothing), skipping texts the library
 * already holds. Refused files are only reported; they never touch the database.
 */
export async function importPrepared(
  items: Prepared[],
  label = 'Import articles',
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], refused: [] };
  for (const item of items)
    if (!item.ok) report.refused.push({ name: item.name, reason: item.reason });
  const ready = items.filter((i): i is Extract<Prepared, { ok: true }> => i.ok);
  if (ready.length === 0) return report;

  await applyChange(label, async () => {
    const edits: RowEdit[] = [];
    const batch = new Map<string, Article>();
    const now = Date.now();
    for (const item of ready) {
      const stored = batch.get(item.article.sha256) ?? (await articleBySha(item.article.sha256));
      // A deleted article with the same text comes back (as the same row, so sync sees one article).
      const existing = stored && isLive(stored) ? stored : undefined;
      if (existing) {
        report.duplicates.push({
          name: item.name,
          existingTitle: existing.title,
          existingId: existing.id,
        });
        continue;
      }
      const article: Article = {
        ...item.article,
        id: item.article.sha256,
        createdAt: stored?.createdAt ?? now + edits.length,
        updatedAt: now + edits.length,
      };
      batch.set(article.sha256, article);
      edits.push({ table: 'articles', key: article.id, after: article });
      report.imported.push(article);
    }
    return edits;
  });
  return report;
}

/** A one-line summary an editor can act on. */
export function describeImport(report: ImportReport): { message: string; isError: boolean } {
  const parts: string[] = [];
  if (report.imported.length === 1) parts.push(`Imported “${report.imported[0]!.title}”.`);
  else if (report.imported.length > 1) parts.push(`Imported ${report.imported.length} articles.`);
  for (const d of report.duplicates)
    parts.push(`${d.name} is already in the library as “${d.existingTitle}”; not imported again.`);
  for (const r of report.refused)
    parts.push(`Could not import ${r.name}: ${r.reason}. Nothing was added.`);
  return { message: parts.join(' ') || 'Nothing to import.', isError: report.refused.length > 0 };
}
