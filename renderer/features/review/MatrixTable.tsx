import { memo } from 'react';
import { cellStateWords, type CellState, type MatrixCell, type MatrixData } from './groupModel';

/**
 * The claims matrix, presentational only: groups as rows, sources as columns. It takes plain
 * data so the benchmark can render 50 × 10 from generated rows without a database.
 */
const SYMBOL: Record<CellState, string> = {
  states: '●',
  agrees: '✓',
  conflicts: '✗',
  silent: '·',
};

export interface MatrixTableProps {
  data: MatrixData;
  onCell?: (groupId: string, cell: MatrixCell) => void;
  onRow?: (groupId: string) => void;
}

export const MatrixTable = memo(function MatrixTable({ data, onCell, onRow }: MatrixTableProps) {
  return (
    <div className="matrix-scroll" data-testid="matrix">
      <table className="matrix">
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
          {data.rows.map((row) => (
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
              {row.cells.map((cell) => (
                <td key={cell.articleId} className={`cell cell-${cell.state}`}>
                  <button
                    type="button"
                    data-testid="matrix-cell"
                    data-state={cell.state}
                    data-article-id={cell.articleId}
                    title={cell.title}
                    aria-label={`${cellStateWords(cell.state)}${cell.value ? ` ${cell.value}` : ''}`}
                    onClick={() => onCell?.(row.groupId, cell)}
                  >
                    <span className="cell-symbol">{SYMBOL[cell.state]}</span>
                    {cell.value && <span className="cell-value truncate">{cell.value}</span>}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
