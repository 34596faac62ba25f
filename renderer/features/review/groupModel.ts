import type { ClaimGroup } from '../../../shared/model/types';
import { groupsByAge } from '../../../shared/summary';
import { GROUP_COLOURS } from '../annotate/highlightPainter';

/**
 * What the review views show about a claim group is shared/summary's one GroupSummary — the same
 * object every export renders — re-exported here so the views import from their own folder.
 */
export {
  buildMatrix,
  cellStateWords,
  filterSortRows,
  CELL_SYMBOL,
  summarizeGroup,
  summarizeGroups,
  sourceLookup,
  type CellState,
  type GroupSummary,
  type MatrixCell,
  type MatrixData,
  type MatrixFilter,
  type MatrixRow,
  type MatrixSort,
  type MemberState,
  type MemberView,
  type SourceInfo as MatrixSource,
} from '../../../shared/summary';

/** A stable colour slot per group: by creation order, so every column paints a group alike. */
export function groupColours(groups: readonly ClaimGroup[]): Map<string, number> {
  const sorted = [...groups].sort(groupsByAge);
  return new Map(sorted.map((g, i) => [g.id, i % GROUP_COLOURS]));
}
