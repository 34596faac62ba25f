/**
 * Conflict facts come from shared/matching (another module); exports take them precomputed so
 * that this folder stays a pure formatter with no opinion on what a conflict is.
 */
export interface ConflictInfo {
  conflicting: boolean;
  /** One line for people, e.g. "Los Angeles: 101 vs 167 arrests". */
  summary: string;
}
export type ConflictsByGroupId = Record<string, ConflictInfo>;
