import type { FindQuoteOptions, QuoteOccurrence } from './quotes';
import type { LikelyMember } from './likely';
import type { MatchQuery, SuggestOptions, Suggestion } from './types';

/**
 * The typed message protocol between the UI and the matching worker (structured-clone safe).
 * Every request that expects an answer carries an `id`; the answer echoes it. A newer `sync`
 * supersedes an older one; `cancel` drops a pending request (answered with `cancelled`).
 */
export type MatchingRequest =
  | {
      type: 'sync';
      /** The live library: the worker adds, replaces (new `hash`) and removes only the changes. */
      articles: { id: string; hash: string; text: string }[];
    }
  | { type: 'suggest'; id: number; query: MatchQuery; options?: SuggestOptions }
  | { type: 'findQuote'; id: number; text: string; options?: FindQuoteOptions }
  | {
      type: 'likely';
      id: number;
      /** One entry per claim group: its members and the articles to check. */
      groups: { groupId: string; members: LikelyMember[]; articleIds: string[] }[];
    }
  | { type: 'cancel'; id: number };

export type MatchingResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'ready'; articles: number; version: number }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] }
  | { type: 'quotes'; id: number; occurrences: QuoteOccurrence[] }
  | {
      type: 'likely';
      id: number;
      /** groupId -> articleId -> best unlinked suggestion (null: not in this article). */
      groups: Record<string, Record<string, Suggestion | null>>;
    }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number | null; message: string };
