import type { CorpusIndex } from './corpus';
import { suggestMatches, DEFAULT_MIN_SCORE } from './suggest';
import type { QueryKind, Suggestion } from './types';

export interface LikelyMember {
  articleId: string;
  text: string;
  kind: QueryKind;
}

/** Per article without a member: its best unlinked match, or null ("not in this article"). */
export type LikelyHere = Map<string, Suggestion | null>;

/**
 * "Not linked" is not "absent": for a claim group and the articles that hold none of its members,
 * each article's best suggestion over all members' texts when it scores at or above the
 * calibrated cut ("likely here", with that sentence), else null ("not in this article").
 * Articles that hold a member are not listed.
 */
export function likelyHere(
  index: CorpusIndex,
  members: readonly LikelyMember[],
  articleIds: readonly string[],
  minScore = DEFAULT_MIN_SCORE,
): LikelyHere {
  const covered = new Set(members.map((m) => m.articleId));
  const wanted = articleIds.filter((id) => !covered.has(id));
  const best = new Map<string, Suggestion | null>(wanted.map((id) => [id, null]));
  if (wanted.length === 0) return best;
  for (const m of members) {
    const found = suggestMatches(
      index,
      { articleId: m.articleId, text: m.text, kind: m.kind },
      { limit: Number.MAX_SAFE_INTEGER, perArticle: 1, minScore },
    );
    for (const s of found) {
      if (!best.has(s.articleId)) continue;
      const prev = best.get(s.articleId);
      if (!prev || s.score > prev.score) best.set(s.articleId, s);
    }
  }
  return best;
}
