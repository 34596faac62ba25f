import { useMemo } from 'react';
import { notify, reportError } from '../../components/toasts';
import { runUndo } from '../../app/useAppKeys';
import { acceptSuggestion } from './groupOps';
import { useLikelyHere, withLikelyHere } from './likelyHere';
import { useMatchingIndex } from './matchingClient';
import { buildMatrix, summarizeGroups, type MatrixCell } from './groupModel';
import { MatrixTable } from './MatrixTable';
import './likelyHere.css';
import { useGroupsData } from './reviewData';
import { openInReview } from './reviewNav';

/** Claims matrix: which source states, agrees with, contradicts or is silent on each claim. */
export function MatrixView() {
  const data = useGroupsData();
  const summaries = useMemo(
    () => (data ? summarizeGroups(data.groups, data.members) : null),
    [data],
  );
  const articleIds = useMemo(() => (data?.articles ?? []).map((a) => a.id), [data]);
  const progress = useMatchingIndex(true);
  const likely = useLikelyHere(summaries, articleIds, progress.ready ? `${progress.done}` : null);
  const matrix = useMemo(() => {
    if (!data || !summaries) return null;
    const base = buildMatrix(
      summaries,
      data.articles.map((a) => ({ id: a.id, title: a.title, source: a.source })),
    );
    return withLikelyHere(base, likely);
  }, [data, summaries, likely]);
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
  const open = (groupId: string, cell: MatrixCell) => {
    // One click links a likely match: tag that sentence and add it to the group (undoable).
    const first = summaries?.find((x) => x.group.id === groupId)?.members[0];
    if (cell.state === 'likely' && cell.likely && first) {
      const { articleId, start, end } = cell.likely;
      void acceptSuggestion(first.annotation.id, { articleId, start, end })
        .then(() => notify('info', 'Linked.', { label: 'Undo', run: () => void runUndo('undo') }))
        .catch((e) => reportError('Linking', e));
      return;
    }
    void openInReview({
      groupId,
      articleId: cell.articleId,
      annotationId: cell.annotationId,
    }).catch((e) => reportError('Opening review', e));
  };
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
        <span className="cell-likely">? likely here (click to link)</span>
        <span className="cell-silent">· not in this article</span>
        <span className="muted">Click a cell to open it side by side.</span>
      </p>
      <MatrixTable data={matrix} onCell={open} onRow={openRow} />
    </div>
  );
}
