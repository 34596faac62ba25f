import type { Tombstoned } from './types';

/** A row that has not been deleted (see `Tombstoned`). */
export function isLive(row: Tombstoned): boolean {
  return row.deletedAt === null || row.deletedAt === undefined;
}

/** The live rows of a list, in their order. */
export function liveRows<T extends Tombstoned>(rows: readonly T[]): T[] {
  return rows.filter(isLive);
}
