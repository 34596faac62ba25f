import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { cellStateWords, type CellState, type MatrixCell, type MatrixData } from './groupModel';

/**
 * The claims matrix, presentational only: groups as rows, sources as columns. It takes plain
 * data so the benchmark can render 50 × 10 from generated rows without a database.
 *
 * Cells are plain table cells with role="button" and one delegated click/key handler on the
 * table: 500 <button>s cost several times more layout than 500 cells. One cell is in the tab
 * order; the arrow keys move between cells (a grid), Enter or Space opens one.
 */
const SYMBOL: Record<CellState, string> = {
  states: '●',
  agrees: '✓',
  conflicts: '✗',
  silent: '·',
  likely: '?',
};

export interface MatrixTableProps {
  data: MatrixData;
  onCell?: (groupId: string, cell: MatrixCell) => void;
  onRow?: (groupId: string) => void;
}

function cellAt(el: EventTarget | null): HTMLElement | null {
  return (el as HTMLElement | null)?.closest?.<HTMLElement>('[data-row][data-col]') ?? null;
}

export const MatrixTable = memo(function MatrixTable({ data, onCell, onRow }: MatrixTableProps) {
  const open = (el: HTMLElement | null) => {
    if (!el) return;
    const row = data.rows[Number(el.dataset.row)];
    const cell = row?.cells[Number(el.dataset.col)];
    if (row && cell) onCell?.(row.groupId, cell);
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
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const row = Number(el.dataset.row) + move[0];
    const col = Number(el.dataset.col) + move[1];
    el.closest('table')
      ?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)
      ?.focus();
  };
  return (
    <div className="matrix-scroll" data-testid="matrix">
      <table
        className="matrix"
        // Fixed layout needs a width: the label column plus one fixed-width column per source.
        style={{ width: `calc(280px + ${data.sources.length} * 92px)` }}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            <th className="matrix-corner" scope="col">
              Claim group <span className="count">{data.rows.length}</span>
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
          {data.rows.map((row, r) => (
            <tr key={row.groupId} data-testid="matrix-row" data-group-id={row.groupId}>
              <th scope="row" className="matrix-label" title={row.label}>
                <button
                  type="button"
                  className="matrix-label-button"
                  onClick={() => onRow?.(row.groupId)}
                >
                  {row.conflicting && (
                    <span
                      className="flag-conflict"
                      data-testid="matrix-conflict"
                      title="Conflicting"
                    >
                      ⚠
                    </span>
                  )}
                  {row.quoteDiffers && (
                    <span className="flag-integrity" title="Copies of the quote differ">
                      ≠
                    </span>
                  )}
                  <span className="truncate">{row.label}</span>
                </button>
              </th>
              {row.cells.map((cell, c) => (
                <td
                  key={cell.articleId}
                  className={`cell cell-${cell.state}`}
                  role="button"
                  tabIndex={r === 0 && c === 0 ? 0 : -1}
                  data-testid="matrix-cell"
                  data-state={cell.state}
                  data-article-id={cell.articleId}
                  data-row={r}
                  data-col={c}
                  title={cell.title}
                  aria-label={`${cellStateWords(cell.state)}${cell.value ? ` ${cell.value}` : ''}`}
                >
                  {SYMBOL[cell.state]}
                  {cell.value && ` ${cell.value}`}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
