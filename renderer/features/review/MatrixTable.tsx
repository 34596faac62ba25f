import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { statusWords } from '../../../shared/summary';
import {
  CELL_SYMBOL,
  cellStateWords,
  type CellState,
  type MatrixCell,
  type MatrixData,
  type MatrixRow,
} from './groupModel';

/**
 * The claims matrix, presentational only: groups as rows, sources as columns. It takes plain
 * data so the benchmark can render 50 × 10 from generated rows without a database.
 *
 * Cells are plain table cells with role="button" and one delegated click/key handler on the
 * table: 500 <button>s cost several times more layout than 500 cells. One cell is in the tab
 * order (a roving tab stop that follows the arrow keys); Enter or Space opens it. Every cell
 * shows a shape and a word or figure, so no state is told by colour alone.
 */
const SHORT_WORD: Record<CellState, string> = {
  states: 'states',
  agrees: 'agrees',
  conflicts: 'conflicts',
  likely: 'likely',
  silent: 'none',
};

export interface ActiveCell {
  groupId: string;
  articleId: string | null;
}

export interface MatrixTableProps {
  data: MatrixData;
  /** The rows to show (filtered and sorted); defaults to data.rows. */
  rows?: readonly MatrixRow[];
  active?: ActiveCell | null;
  /** Move keyboard focus to the active cell once rendered (coming back from review). */
  refocus?: boolean;
  onActive?: (cell: ActiveCell) => void;
  onCell?: (groupId: string, cell: MatrixCell) => void;
  onRow?: (groupId: string) => void;
}

function cellAt(el: EventTarget | null): HTMLElement | null {
  return (el as HTMLElement | null)?.closest?.<HTMLElement>('[data-row][data-col]') ?? null;
}

export const MatrixTable = memo(function MatrixTable({
  data,
  rows = data.rows,
  active = null,
  refocus = false,
  onActive,
  onCell,
  onRow,
}: MatrixTableProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const activeRow = Math.max(
    0,
    rows.findIndex((r) => r.groupId === active?.groupId),
  );
  const activeCol = Math.max(
    0,
    data.sources.findIndex((s) => s.id === active?.articleId),
  );
  useEffect(() => {
    if (!refocus) return;
    tableRef.current
      ?.querySelector<HTMLElement>(`[data-row="${activeRow}"][data-col="${activeCol}"]`)
      ?.focus();
  }, [refocus, activeRow, activeCol]);

  const cellOf = (el: HTMLElement) => {
    const row = rows[Number(el.dataset.row)];
    return { row, cell: row?.cells[Number(el.dataset.col)] };
  };
  const open = (el: HTMLElement | null) => {
    if (!el) return;
    const { row, cell } = cellOf(el);
    if (row && cell) {
      onActive?.({ groupId: row.groupId, articleId: cell.articleId });
      onCell?.(row.groupId, cell);
    }
  };
  const onClick = (e: MouseEvent) => open(cellAt(e.target));
  const onKeyDown = (e: KeyboardEvent) => {
    const el = cellAt(e.target);
    if (!el) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(el);
      return;
    }
    const last = { row: rows.length - 1, col: data.sources.length - 1 };
    let row = Number(el.dataset.row);
    let col = Number(el.dataset.col);
    switch (e.key) {
      case 'ArrowUp':
        row--;
        break;
      case 'ArrowDown':
        row++;
        break;
      case 'ArrowLeft':
        col--;
        break;
      case 'ArrowRight':
        col++;
        break;
      case 'Home':
        col = 0;
        if (e.ctrlKey) row = 0;
        break;
      case 'End':
        col = last.col;
        if (e.ctrlKey) row = last.row;
        break;
      default:
        return;
    }
    e.preventDefault();
    row = Math.min(Math.max(row, 0), last.row);
    col = Math.min(Math.max(col, 0), last.col);
    const target = tableRef.current?.querySelector<HTMLElement>(
      `[data-row="${row}"][data-col="${col}"]`,
    );
    if (!target) return;
    target.focus();
    const { row: r, cell } = cellOf(target);
    if (r && cell) onActive?.({ groupId: r.groupId, articleId: cell.articleId });
  };
  const sourceName = (i: number) => {
    const s = data.sources[i]!;
    return s.source ?? s.title;
  };
  return (
    <div className="matrix-scroll" data-testid="matrix">
      <table
        ref={tableRef}
        className="matrix"
        // Fixed layout needs a width: label, verdict and status columns plus one per source.
        style={{ width: `calc(260px + 96px + 84px + ${data.sources.length} * 104px)` }}
        onClick={onClick}
        onKeyDown={onKeyDown}
        aria-label="Claims matrix: claim groups by source"
        aria-rowcount={rows.length + 1}
      >
        <thead>
          <tr>
            <th className="matrix-corner" scope="col">
              Claim group <span className="count">{rows.length}</span>
            </th>
            <th scope="col" className="matrix-verdict-head">
              Verdict
            </th>
            <th scope="col" className="matrix-status-head">
              Status
            </th>
            {data.sources.map((s) => (
              <th
                key={s.id}
                scope="col"
                className="matrix-source"
                title={s.source ? `${s.source}: ${s.title}` : s.title}
                data-testid="matrix-source"
              >
                <span className="truncate">{s.source ?? s.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr
              key={row.groupId}
              data-testid="matrix-row"
              data-group-id={row.groupId}
              data-state={row.state}
              data-status={row.status}
            >
              <th scope="row" className="matrix-label" title={row.label}>
                <button
                  type="button"
                  className="matrix-label-button"
                  onClick={() => onRow?.(row.groupId)}
                >
                  {row.conflicting && (
                    <span className="flag-conflict" data-testid="matrix-conflict">
                      <span aria-hidden>⚠</span>
                      <span className="sr-only">Conflicting: </span>
                    </span>
                  )}
                  {row.quoteDiffers && (
                    <span className="flag-integrity">
                      <span aria-hidden>≠</span>
                      <span className="sr-only">Quote altered: </span>
                    </span>
                  )}
                  <span className="truncate">{row.label}</span>
                </button>
              </th>
              <td className="matrix-verdict" data-testid="matrix-verdict">
                {row.verdict ?? <span className="muted">—</span>}
              </td>
              <td className={`matrix-status status-${row.status}`} data-testid="matrix-status">
                {statusWords(row.status)}
              </td>
              {row.cells.map((cell, c) => (
                <td
                  key={cell.articleId}
                  className={`cell cell-${cell.state}`}
                  role="button"
                  tabIndex={r === activeRow && c === activeCol ? 0 : -1}
                  data-testid="matrix-cell"
                  data-state={cell.state}
                  data-article-id={cell.articleId}
                  data-row={r}
                  data-col={c}
                  title={cell.title}
                  aria-label={`${sourceName(c)}: ${cellStateWords(cell.state)}${cell.value ? ` ${cell.value}` : ''}`}
                >
                  <span className="cell-shape" aria-hidden>
                    {CELL_SYMBOL[cell.state]}
                  </span>
                  <span className="cell-text" aria-hidden>
                    {cell.value ?? SHORT_WORD[cell.state]}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
