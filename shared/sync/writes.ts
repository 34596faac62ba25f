/**
 * Per-field write records: the merge model's core, pure over plain objects (no Yjs here).
 *
 * Every scalar edit is stored as its own record under a unique id, never as an overwrite, so
 * replication can never drop one. A record names the writes it replaced (`basedOn`: the
 * field's current heads when it was made). The field's *heads* are the records no other record
 * replaced. One head, or several with equal values: that is the value. Several heads with
 * different values: two editors changed the same old value concurrently — a conflict, shown to
 * the editors until someone writes a value based on all heads (a resolution).
 */

export type SyncTable = 'articles' | 'annotations' | 'groups';
export type Scalar = string | number | boolean | null;

export interface FieldWrite {
  id: string;
  table: SyncTable;
  row: string;
  /** Field name; a tag's presence is the boolean field `tag:<name>`. */
  field: string;
  value: Scalar;
  /** Display name of the editor who made the change (null: local single-user work). */
  by: string | null;
  /** ms since epoch on the writer's clock (for display and a stable tie-break, never for merging). */
  at: number;
  /** Ids of the heads this write saw and replaced. */
  basedOn: string[];
  /**
   * What the writer had seen, to spot edits made meanwhile by others. A delete: every write on
   * its row. A write that took an annotation out of a group (`exits`): also every write on that
   * group and every earlier exit from it (see groupEmptying.ts).
   */
  saw?: string[];
  /**
   * The group this write took a live member out of (an unlink, a move, a member's delete, an
   * undo of a link), or on a group's own row the group whose removal an editor confirmed.
   */
  exits?: string;
}

/** The records no other record replaced. */
export function heads(writes: readonly FieldWrite[]): FieldWrite[] {
  const replaced = new Set<string>();
  for (const w of writes) for (const b of w.basedOn) replaced.add(b);
  return writes.filter((w) => !replaced.has(w.id)).sort(newestFirst);
}

/** Newest first; equal times by id, so every replica orders the same way. */
export function newestFirst(a: FieldWrite, b: FieldWrite): number {
  return b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export interface FieldState {
  value: Scalar;
  heads: FieldWrite[];
  /** True when the heads disagree: both (all) values must be shown to the editors. */
  conflict: boolean;
}

/** The field's value from its writes; `initial` when nobody wrote it. */
export function fieldState(writes: readonly FieldWrite[], initial: Scalar): FieldState {
  const h = heads(writes);
  if (h.length === 0) return { value: initial, heads: [], conflict: false };
  const distinct = new Set(h.map((w) => JSON.stringify(w.value)));
  // While in conflict the newest value is displayed (deterministically); the conflict list
  // carries the others, so nothing is hidden.
  return { value: h[0]!.value, heads: h, conflict: distinct.size > 1 };
}

/** Groups a row's writes by field. */
export function byField(writes: readonly FieldWrite[]): Map<string, FieldWrite[]> {
  const out = new Map<string, FieldWrite[]>();
  for (const w of writes) {
    const list = out.get(w.field);
    if (list) list.push(w);
    else out.set(w.field, [w]);
  }
  return out;
}

/**
 * Edits made to a deleted row that its deleter had not seen (e.g. B links an annotation while A
 * deletes it). Such a delete is surfaced as a conflict rather than silently hiding the edit.
 */
export function editsUnseenByDelete(
  rowWrites: readonly FieldWrite[],
  deleteHeads: readonly FieldWrite[],
): FieldWrite[] {
  const deletes = deleteHeads.filter((w) => w.value !== null);
  if (deletes.length === 0) return [];
  return rowWrites
    .filter((w) => w.field !== 'deletedAt' && deletes.some((d) => !(d.saw ?? []).includes(w.id)))
    .sort(newestFirst);
}
