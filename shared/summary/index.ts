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
export {
  groupFacts,
  planGroupFacts,
  ratingOf,
  statusWords,
  STATUSES,
  type GroupFacts,
} from './verdict';
export { conflictLine, progressLine, quoteLine, stateWords, verdictWords } from './text';
export {
  buildMatrix,
  cellStateWords,
  filterSortRows,
  CELL_SYMBOL,
  type CellState,
  type MatrixCell,
  type MatrixData,
  type MatrixFilter,
  type MatrixRow,
  type MatrixSort,
} from './matrix';
