import type { ConflictState, GroupSummary } from './types';

/**
 * The words every rendering of a summary uses (screen badges, CSV cells, HTML report, ClaimReview
 * text), kept in one place so the app and its exports cannot drift apart.
 */
const STATE_WORDS: Record<ConflictState, string> = {
  agrees: 'Agrees',
  consistent: 'Consistent',
  conflicting: 'Conflicting',
  none: 'Nothing to compare',
};

export function stateWords(state: ConflictState): string {
  return STATE_WORDS[state];
}

/** "Conflicting: Different figures for arrest · los angeles: At least 101 (…) vs 167 (…)". */
export function conflictLine(s: GroupSummary): string {
  return s.explanation ? `${stateWords(s.state)}: ${s.explanation}` : stateWords(s.state);
}

/** "Quote altered: Cut short at the start by Breitbart", "Quote intact: …", or '' (no quote). */
export function quoteLine(s: GroupSummary): string {
  if (!s.quote) return '';
  return `${s.quote.differs ? 'Quote altered' : 'Quote intact'}: ${s.quote.explanation}`;
}

export function verdictWords(s: GroupSummary): string {
  return s.verdict ?? 'Not rated';
}

/** "12 of 18 groups resolved". */
export function progressLine(summaries: readonly GroupSummary[]): string {
  const resolved = summaries.filter((s) => s.status === 'resolved').length;
  return `${resolved} of ${summaries.length} group${summaries.length === 1 ? '' : 's'} resolved`;
}
