import type { ClaimGroup, GroupStatus } from '../model/types';
import { DEFAULT_RATING_SCALE } from '../model/types';

/** The editor's conclusion on a group, with defaults for rows written before DB v2. */
export interface GroupFacts {
  verdict: string | null;
  reasoning: string;
  status: GroupStatus;
  resolution: string;
}

export function groupFacts(group: ClaimGroup): GroupFacts {
  return {
    verdict: group.verdict ?? null,
    reasoning: group.reasoning ?? '',
    status: group.status ?? 'open',
    resolution: group.resolution ?? '',
  };
}

export const STATUSES: readonly GroupStatus[] = ['open', 'checking', 'resolved'];

const STATUS_WORDS: Record<GroupStatus, string> = {
  open: 'Open',
  checking: 'Checking',
  resolved: 'Resolved',
};

export function statusWords(status: GroupStatus): string {
  return STATUS_WORDS[status];
}

/**
 * A verdict's place on the scale for ClaimReview: the first label is the best rating. Returns
 * null for a label the scale does not hold (the scale was edited after rating).
 */
export function ratingOf(
  verdict: string,
  scale: readonly string[] = DEFAULT_RATING_SCALE,
): { ratingValue: number; bestRating: number; worstRating: number } | null {
  const i = scale.indexOf(verdict);
  if (i < 0) return null;
  return { ratingValue: scale.length - i, bestRating: scale.length, worstRating: 1 };
}

/**
 * The planner for an edit of a group's verdict, status, reasoning or resolution: the group row as
 * it should be after the edit, or null when nothing changes (no empty undo steps). Refuses, with
 * what to do instead, a verdict the rating scale does not hold.
 */
export function planGroupFacts(
  group: ClaimGroup,
  patch: Partial<GroupFacts>,
  scale: readonly string[],
  now: number,
): ClaimGroup | null {
  const before = groupFacts(group);
  const next: GroupFacts = { ...before };
  if (patch.verdict !== undefined) {
    if (patch.verdict !== null && !scale.includes(patch.verdict)) {
      throw new Error(
        `“${patch.verdict}” is not on the rating scale (${scale.join(', ')}); pick one of those.`,
      );
    }
    next.verdict = patch.verdict;
  }
  if (patch.status !== undefined) {
    if (!STATUSES.includes(patch.status)) throw new Error(`Unknown status “${patch.status}”.`);
    next.status = patch.status;
  }
  // Text keeps its paragraphs; only trailing white space goes.
  if (patch.reasoning !== undefined) next.reasoning = patch.reasoning.trimEnd();
  if (patch.resolution !== undefined) next.resolution = patch.resolution.trimEnd();
  const changed = (Object.keys(next) as (keyof GroupFacts)[]).some((k) => next[k] !== before[k]);
  return changed ? { ...group, ...next, updatedAt: now } : null;
}
