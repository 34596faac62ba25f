import type { Tombstoned } from '../model/types';
import { liveRows } from '../model/live';

/** Tombstoned rows (deletedAt set) never reach a summary or an export. */
export function liveOnly<T extends Tombstoned>(rows: readonly T[]): T[] {
  return liveRows(rows);
}
