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
