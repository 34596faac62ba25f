import { liveRows } from '../model/live';
import type { Workspace } from './types';

/**
 * The order a bundle lists things in, independent of the order the database returned them:
 * articles by creation, annotations by article then position, groups by creation (ids break ties).
 * This is what makes writeBundle deterministic and bundles diff-friendly. Deleted rows
 * (tombstones) are left out: every export states the workspace as the editor sees it.
 */
export function sortWorkspace(ws: Workspace): Workspace {
  const articles = liveRows(ws.articles).sort(
    (a, b) => a.createdAt - b.createdAt || cmp(a.id, b.id),
  );
  const articleRank = new Map(articles.map((a, i) => [a.id, i]));
  const annotations = liveRows(ws.annotations).sort(
    (a, b) =>
      (articleRank.get(a.articleId) ?? -1) - (articleRank.get(b.articleId) ?? -1) ||
      a.position.start - b.position.start ||
      a.position.end - b.position.end ||
      cmp(a.id, b.id),
  );
  const groups = liveRows(ws.groups).sort((a, b) => a.createdAt - b.createdAt || cmp(a.id, b.id));
  return { articles, annotations, groups };
}

/** Code-unit order, not locale order: the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
