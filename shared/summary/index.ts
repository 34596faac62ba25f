/**
 * The one group summary (stance, conflict state and explanation, quote integrity, verdict,
 * status, resolution) behind the review screens and every export. Pure.
 */
export * from './types';
export { conflictStateOf } from './conflictState';
export {
  byAge,
  groupsByAge,
  sourceLookup,
  summarizeGroup,
  summarizeGroups,
  type SourceLookup,
} from './groupSummary';
export { groupFacts, ratingOf, statusWords, STATUSES, type GroupFacts } from './verdict';
export { conflictLine, progressLine, quoteLine, stateWords, verdictWords } from './text';
