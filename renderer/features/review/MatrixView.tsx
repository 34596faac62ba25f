import { useMemo } from 'react';
import { reportError } from '../../components/toasts';
import { buildMatrix, summarizeGroups, type MatrixCell } from './groupModel';
import { MatrixTable } from './MatrixTable';
import { useGroupsData } from './reviewData';
import { openInReview } from './reviewNav';

/** Claims matrix: which source states, agrees with, contradicts or is silent on each claim. */
export function MatrixView() {
  const data = useGroupsData();
  const matrix = useMemo(() => {
    if (!data) return null;
    const summaries = summarizeGroups(data.groups, data.members);
    return buildMatrix(
      summaries,
      data.articles.map((a) => ({ id: a.id, title: a.title, source: a.source })),
    );
  }, [data]);
  if (!matrix) return null;
  if (matrix.rows.length === 0) {
    return (
      <div className="empty-state main-empty" data-testid="matrix-empty">
        <h2>No claim groups yet</h2>
        <p>
          Select a claim, open “Link to…” in its panel and link it to the same claim in other
          sources.
        </p>
      </div>
    );
  }
  const open = (groupId: string, cell: MatrixCell) =>
    void openInReview({
      groupId,
      articleId: cell.articleId,
      annotationId: cell.annotationId,
    }).catch((e) => reportError('Opening review', e));
  const openRow = (groupId: string) => {
    const cell = matrix.rows.find((r) => r.groupId === groupId)?.cells.find((c) => c.annotationId);
    if (cell) open(groupId, cell);
  };
  return (
    <div className="matrix-view" data-testid="matrix-view">
      <p className="matrix-legend">
        <span className="cell-states">● states the claim</span>
        <span className="cell-agrees">✓ agrees</span>
        <span className="cell-conflicts">✗ conflicts</span>
        <span className="cell-silent">· silent</span>
        <span className="muted">Click a cell to open it side by side.</span>
      </p>
      <MatrixTable data={matrix} onCell={open} onRow={openRow} />
    </div>
  );
}
