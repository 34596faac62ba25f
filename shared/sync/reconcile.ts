/**
 * Three-way reconciliation between the store's rows and the story document, against the value
 * both last agreed on. Whichever side moved since then is the one that changed: local moves are
 * pushed into the document as edits (origin local), document moves are pulled into the store
 * (origin remote, never into the local undo history). Pure: rows in, plan out.
 */
import type { Annotation, Article, ClaimGroup } from '../model/types';
import type { SyncTable } from './writes';

type Row = Article | Annotation | ClaimGroup;
export type TableRows = Record<SyncTable, Row[]>;

export interface ReconcilePlan {
  /** Local edits to record in the document (before = last agreed value, undefined if new). */
  push: { table: SyncTable; before: Row | undefined; after: Row }[];
  /** Document rows to write into the store. */
  pull: { table: SyncTable; row: Row }[];
}

/**
 * Groups before annotations: when one batch holds an editor's rating of a group and the unlink
 * that emptied it, the unlink is recorded having seen the rating (a decision, not a conflict).
 */
const TABLES: SyncTable[] = ['articles', 'groups', 'annotations'];

/** Row content for comparison: `updatedAt` is each side's bookkeeping, not content. */
export function rowKey(row: Row): string {
  const { updatedAt: _u, ...rest } = row;
  return canonicalJson(rest);
}

/** JSON with object keys sorted at every level, so equal rows give equal strings. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function reconcile(
  local: TableRows,
  story: TableRows,
  agreed: ReadonlyMap<string, string>,
): ReconcilePlan {
  const plan: ReconcilePlan = { push: [], pull: [] };
  for (const table of TABLES) {
    const localById = new Map(local[table].map((r) => [r.id, r]));
    const docById = new Map(story[table].map((r) => [r.id, r]));
    for (const id of new Set([...localById.keys(), ...docById.keys()])) {
      const l = localById.get(id);
      const d = docById.get(id);
      const last = agreed.get(`${table}/${id}`);
      if (l && !d) {
        plan.push.push({ table, before: undefined, after: l });
        continue;
      }
      if (!l) {
        plan.pull.push({ table, row: d! });
        continue;
      }
      const lk = rowKey(l);
      const dk = rowKey(d!);
      if (lk === dk) continue;
      if (lk === last) {
        plan.pull.push({ table, row: d! });
      } else {
        // Local moved (alone or as well as the document): record it against the last agreed
        // value (or the document's when there is none), then the merged result is pulled.
        const before = last !== undefined ? (JSON.parse(last) as Row) : d!;
        plan.push.push({ table, before, after: l });
      }
    }
  }
  return plan;
}
