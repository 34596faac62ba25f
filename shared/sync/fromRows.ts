/**
 * Store rows → story document edits (pure: rows in, doc edits out). The projection calls this
 * with a row's value before and after a local change; it turns the difference into the merge
 * model's operations: new rows, one write per changed scalar field (tags per tag), and minimal
 * character edits on texts so concurrent typing by others is kept.
 */
import type * as Y from 'yjs';
import type { Annotation, Article, ClaimGroup } from '../model/types';
import type { ChangeOrigin } from './storyDoc';
import {
  SCALAR_FIELDS,
  TEXT_FIELDS,
  isDerivedField,
  addAnnotation,
  addArticle,
  addGroup,
  recordTextEdit,
  setField,
  textOf,
} from './storyDoc';
import type { Scalar, SyncTable } from './writes';

type Row = Article | Annotation | ClaimGroup;

/**
 * Replaces the changed middle of `text` so it reads `next`, leaving the rest untouched. Returns
 * whether anything changed.
 */
export function spliceText(text: Y.Text, next: string): boolean {
  const prev = text.toString();
  if (prev === next) return false;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  while (
    end < prev.length - start &&
    end < next.length - start &&
    prev[prev.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end++;
  }
  const removed = prev.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
  return true;
}

export function applyRowChange(
  doc: Y.Doc,
  table: SyncTable,
  before: Row | undefined,
  after: Row,
  by: string | null,
  at: number,
  origin: ChangeOrigin = 'local',
): void {
  doc.transact(() => {
    if (!before) {
      if (table === 'articles') addArticle(doc, after as Article, origin);
      else if (table === 'annotations') addAnnotation(doc, after as Annotation, origin);
      else addGroup(doc, after as ClaimGroup, origin);
      return;
    }
    const b = before as unknown as Record<string, unknown>;
    const a = after as unknown as Record<string, unknown>;
    for (const field of SCALAR_FIELDS[table]) {
      // A replica's own derived values (its group label, its empty group's delete) stay local.
      if (isDerivedField(table, field, a)) continue;
      if (a[field] !== b[field]) {
        setField(doc, table, after.id, field, a[field] as Scalar, by, at, origin);
      }
    }
    if (table === 'annotations') {
      const was = new Set((before as Annotation).tags);
      const now = new Set((after as Annotation).tags);
      for (const t of now)
        if (!was.has(t)) setField(doc, table, after.id, `tag:${t}`, true, by, at, origin);
      for (const t of was)
        if (!now.has(t)) setField(doc, table, after.id, `tag:${t}`, false, by, at, origin);
    }
    if (table !== 'articles') {
      for (const field of TEXT_FIELDS[table]) {
        if (
          a[field] !== b[field] &&
          spliceText(textOf(doc, table, after.id, field), a[field] as string)
        ) {
          recordTextEdit(doc, table, after.id, field, by, at, origin);
        }
      }
    }
  }, origin);
}
