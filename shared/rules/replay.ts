/**
 * What undo (or redo) writes for one row. Replaying a recorded side wholesale would erase any
 * edit made to the row since — by a teammate's sync, or by a merge — so a replay is a three-way
 * merge: where the row is still as the change left it, the other side is written as recorded;
 * where someone changed it since, only the fields this change set and nobody touched since go
 * back, and everything else stays. Pure: rows in, one write out.
 */

export type Replay = { put: object } | { remove: true } | { keep: true };

type Row = Record<string, unknown>;

export function planReplay(
  /** The row as the change left it (`after` for undo). */
  from: object | undefined,
  /** The row as the replay should leave it (`before` for undo). */
  to: object | undefined,
  /** The row as it is now. */
  current: object | undefined,
  now: number,
): Replay {
  if (sameValue(current, from) || current === undefined) {
    return to === undefined
      ? current === undefined
        ? { keep: true }
        : { remove: true }
      : { put: to };
  }
  const cur = current as Row;
  if (to === undefined) {
    // Undoing a create after others edited the row: delete it as an edit (a tombstone) where the
    // table has them, so their edits are superseded visibly rather than vanishing.
    return 'deletedAt' in cur
      ? { put: { ...cur, deletedAt: now, updatedAt: now } }
      : { remove: true };
  }
  const f = (from ?? {}) as Row;
  const t = to as Row;
  const next: Row = { ...cur };
  let changed = false;
  for (const key of new Set([...Object.keys(f), ...Object.keys(t)])) {
    if (key === 'updatedAt' || sameValue(f[key], t[key])) continue;
    if (!sameValue(cur[key], f[key])) continue; // changed since by someone else: theirs stays
    if (t[key] === undefined) delete next[key];
    else next[key] = t[key];
    changed = true;
  }
  if (!changed) return { keep: true };
  if ('updatedAt' in next) next.updatedAt = Math.max(Number(next.updatedAt) || 0, now);
  return { put: next };
}

/** Structural equality of plain data (rows are structured-clone data: no functions, no cycles). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as Row);
  const kb = Object.keys(b as Row);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Row)[k], (b as Row)[k]));
}
