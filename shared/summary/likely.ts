import { suggestMatches, type CorpusIndex } from '../matching';
import type { GroupSummary } from './types';

/**
 * "Likely here": sources with no member in a group whose best passage matches the group's
 * founding claim well. Calibrated on the seeds: members score 0.25–1.0 against their founder;
 * unrelated mentions ("as well as Los Angeles") stay below 0.25, so 0.3 marks a source worth
 * opening, not a certainty. The matrix shows it as ◌ "likely", never as agreement.
 */
export const LIKELY_MIN_SCORE = 0.3;

export function likelySourcesOf(
  index: CorpusIndex,
  summary: GroupSummary,
  minScore = LIKELY_MIN_SCORE,
): Set<string> {
  const founder = summary.members[0]?.annotation;
  const out = new Set<string>();
  if (!founder) return out;
  const present = new Set(summary.members.map((m) => m.annotation.articleId));
  const found = suggestMatches(
    index,
    { articleId: founder.articleId, text: founder.quote.exact, kind: founder.kind },
    { limit: index.articles.size, perArticle: 1, minScore },
  );
  for (const s of found) if (!present.has(s.articleId)) out.add(s.articleId);
  return out;
}
