import type { Suggestion } from '../matching';
import type { GroupStatus } from '../model/types';
import type { ConflictState, GroupSummary, MemberState, MemberView, SourceInfo } from './types';

/**
 * The claims matrix (groups × sources) built from group summaries: what the screen shows and the
 * HTML report prints, cell for cell.
 */

/** A cell: 'likely' = the source carries the claim but no member is tagged there yet. */
export type CellState = MemberState | 'likely' | 'silent';

export interface MatrixCell {
  articleId: string;
  state: CellState;
  /** The figure shown in the cell (the conflicting one for 'conflicts'). */
  value: string | null;
  /** The member the cell opens in review (null when silent or likely). */
  annotationId: string | null;
  /** Tooltip: what the members in this source say. */
  title: string;
  /** For 'likely' cells: the unlinked sentence that probably states the claim (one click links it). */
  likely?: Suggestion;
}

export interface MatrixRow {
  groupId: string;
  label: string;
  state: ConflictState;
  conflicting: boolean;
  quoteDiffers: boolean;
  verdict: string | null;
  status: GroupStatus;
  cells: MatrixCell[];
}

export interface MatrixData {
  sources: SourceInfo[];
  rows: MatrixRow[];
}

const CELL_PRIORITY: Record<MemberState, number> = { conflicts: 3, states: 2, agrees: 1 };
const STATE_WORDS: Record<CellState, string> = {
  states: 'states the claim',
  agrees: 'agrees',
  conflicts: 'conflicts',
  likely: 'likely here, not linked',
  silent: 'not present',
};
/** Shapes, so a state reads without colour: ● states, ✓ agrees, ✗ conflicts, ◌ likely, · none. */
export const CELL_SYMBOL: Record<CellState, string> = {
  states: '●',
  agrees: '✓',
  conflicts: '✗',
  likely: '◌',
  silent: '·',
};

export function cellStateWords(state: CellState): string {
  return STATE_WORDS[state];
}

export function buildMatrix(
  summaries: readonly GroupSummary[],
  sources: readonly SourceInfo[],
): MatrixData {
  const name = (s: SourceInfo) => (s.source ? `${s.source}: ${s.title}` : s.title);
  const rows = summaries.map((s): MatrixRow => {
    const byArticle = new Map<string, MemberView[]>();
    for (const m of s.members) {
      const list = byArticle.get(m.annotation.articleId);
      if (list) list.push(m);
      else byArticle.set(m.annotation.articleId, [m]);
    }
    const cells = sources.map((src): MatrixCell => {
      const members = byArticle.get(src.id);
      if (!members) {
        // 'likely' cells come from the matching worker (renderer/features/review/likelyHere.ts).
        return {
          articleId: src.id,
          state: 'silent',
          value: null,
          annotationId: null,
          title: `${name(src)}: ${STATE_WORDS.silent}`,
        };
      }
      const lead = [...members].sort((a, b) => CELL_PRIORITY[b.state] - CELL_PRIORITY[a.state])[0]!;
      return {
        articleId: src.id,
        state: lead.state,
        value: lead.conflictingValue ?? lead.figures[0] ?? null,
        annotationId: lead.annotation.id,
        title: `${name(src)}: ${members
          .map((m) => `${STATE_WORDS[m.state]} — “${m.annotation.quote.exact}”`)
          .join('\n')}`,
      };
    });
    return {
      groupId: s.group.id,
      label: s.label,
      state: s.state,
      conflicting: s.conflicting,
      quoteDiffers: s.quoteDiffers,
      verdict: s.verdict,
      status: s.status,
      cells,
    };
  });
  return { sources: [...sources], rows };
}

// ---- Filter and sort --------------------------------------------------------------------------

export type MatrixFilter = 'all' | 'conflicts' | 'open' | 'unrated' | 'quote';
export type MatrixSort = 'created' | 'conflicts' | 'open' | 'verdict';

const STATUS_ORDER: Record<GroupStatus, number> = { open: 0, checking: 1, resolved: 2 };

/** Rows the editor asked for, in the order asked; stable (ties keep creation order). */
export function filterSortRows(
  rows: readonly MatrixRow[],
  filter: MatrixFilter,
  sort: MatrixSort,
  scale: readonly string[],
): MatrixRow[] {
  const kept = rows.filter((r) =>
    filter === 'conflicts'
      ? r.conflicting
      : filter === 'open'
        ? r.status !== 'resolved'
        : filter === 'unrated'
          ? r.verdict === null
          : filter === 'quote'
            ? r.quoteDiffers
            : true,
  );
  const verdictRank = (v: string | null) => {
    const i = v === null ? -1 : scale.indexOf(v);
    return i < 0 ? scale.length : i;
  };
  const key: Record<MatrixSort, (r: MatrixRow) => number> = {
    created: () => 0,
    conflicts: (r) => (r.conflicting ? 0 : 1),
    open: (r) => STATUS_ORDER[r.status],
    verdict: (r) => verdictRank(r.verdict),
  };
  return kept
    .map((r, i) => ({ r, i }))
    .sort((a, b) => key[sort](a.r) - key[sort](b.r) || a.i - b.i)
    .map((x) => x.r);
}
