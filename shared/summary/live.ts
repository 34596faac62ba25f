/**
 * Tombstones: once the lead's DB v2 model lands, deleted rows keep `deletedAt` set and every
 * summary and export skips them. Until then the field is absent and every row is live. Replace
 * with shared/model/live.ts's liveRows when it exists.
 */
export function liveOnly<T extends object>(rows: readonly T[]): T[] {
  return rows.filter((r) => ((r as { deletedAt?: number | null }).deletedAt ?? null) === null);
}
