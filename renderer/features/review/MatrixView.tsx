import { useEffect, useMemo, useRef } from 'react';
import { notify, reportError } from '../../components/toasts';
import { runUndo } from '../../app/useAppKeys';
import { linkIntoGroup } from './groupOps';
import { useLikelyHere, withLikelyHere } from './likelyHere';
import { useMatchingIndex } from './matchingClient';
import './likelyHere.css';
import { useStore } from '../../state/createStore';
import { progressLine } from '../../../shared/summary';
import {
  buildMatrix,
  CELL_SYMBOL,
  filterSortRows,
  sourceLookup,
  summarizeGroups,
  type MatrixCell,
  type MatrixFilter,
  type MatrixSort,
} from './groupModel';
import { MatrixTable } from './MatrixTable';
import { matrixStore, setMatrixUi } from './matrixState';
import { useGroupsData } from './reviewData';
import { openInReview } from './reviewNav';
import { useRatingScale } from './workspaceSettings';
import './matrix.css';

const FILTERS: { id: MatrixFilter; label: string }[] = [
  { id: 'all', label: 'All groups' },
  { id: 'conflicts', label: 'Conflicts' },
  { id: 'open', label: 'Not resolved' },
  { id: 'unrated', label: 'Not rated' },
  { id: 'quote', label: 'Quote altered' },
];
const SORTS: { id: MatrixSort; label: string }[] = [
  { id: 'created', label: 'Oldest first' },
  { id: 'conflicts', label: 'Conflicts first' },
  { id: 'open', label: 'Open first' },
  { id: 'verdict', label: 'By verdict' },
];

/** Claims matrix: the place to work through a story, group by group, source by source. */
export function MatrixView() {
  const data = useGroupsData();
  const scale = useRatingScale();
  const ui = useStore(matrixStore, (s) => s);
  const summaries = useMemo(
    () => (data ? summarizeGroups(data.groups, data.members, sourceLookup(data.articles)) : null),
    [data],
  );
  // "Likely here" comes from the matching worker once its index is ready (issue 7).
  const articleIds = useMemo(() => (data?.articles ?? []).map((a) => a.id), [data]);
  const progress = useMatchingIndex(true);
  const likely = useLikelyHere(summaries, articleIds, progress.ready ? `${progress.done}` : null);
  const view = useMemo(() => {
    if (!data || !summaries) return null;
    return { summaries, matrix: withLikelyHere(buildMatrix(summaries, data.articles), likely) };
  }, [data, summaries, likely]);
  const rows = useMemo(
    () => (view ? filterSortRows(view.matrix.rows, ui.filter, ui.sort, scale) : []),
    [view, ui.filter, ui.sort, scale],
  );
  // Focus goes back to the cell once, when the editor comes back from the review it opened.
  const opened = useRef(false);
  useEffect(
    () => () => {
      if (opened.current) setMatrixUi({ refocus: true });
    },
    [],
  );
  useEffect(() => {
    if (ui.refocus && view) setMatrixUi({ refocus: false });
  }, [ui.refocus, view]);
  if (!view) return null;
  const { matrix, summaries: shown } = view;
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
    // One click links a likely match: tag that sentence and add it to this group (undoable).
    if (cell.state === 'likely' && cell.likely) {
      void linkIntoGroup(groupId, cell.likely)
        .then(() => notify('info', 'Linked.', { label: 'Undo', run: () => void runUndo('undo') }))
        .catch((e) => reportError('Linking', e));
      return;
    }
    opened.current = true;
    setMatrixUi({ active: { groupId, articleId: cell.articleId } });
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
      <div className="matrix-toolbar" role="toolbar" aria-label="Matrix rows">
        <label>
          Show{' '}
          <select
            data-testid="matrix-filter"
            value={ui.filter}
            onChange={(e) => setMatrixUi({ filter: e.target.value as MatrixFilter })}
          >
            {FILTERS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort{' '}
          <select
            data-testid="matrix-sort"
            value={ui.sort}
            onChange={(e) => setMatrixUi({ sort: e.target.value as MatrixSort })}
          >
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <span className="matrix-progress" data-testid="matrix-progress" role="status">
          {progressLine(shown)}
          {rows.length !== matrix.rows.length && ` · showing ${rows.length}`}
        </span>
      </div>
      <p className="matrix-legend">
        <span className="cell-states">{CELL_SYMBOL.states} states the claim</span>
        <span className="cell-agrees">{CELL_SYMBOL.agrees} agrees</span>
        <span className="cell-conflicts">{CELL_SYMBOL.conflicts} conflicts</span>
        <span className="cell-likely">{CELL_SYMBOL.likely} likely here (click to link)</span>
        <span className="cell-silent">{CELL_SYMBOL.silent} not present</span>
        <span className="muted">Arrow keys move, Enter opens a cell side by side.</span>
      </p>
      {rows.length === 0 ? (
        <p className="empty-state" data-testid="matrix-filter-empty">
          No group matches “{FILTERS.find((f) => f.id === ui.filter)!.label}”.{' '}
          <button type="button" onClick={() => setMatrixUi({ filter: 'all' })}>
            Show all groups
          </button>
        </p>
      ) : (
        <MatrixTable
          data={matrix}
          rows={rows}
          active={ui.active}
          refocus={ui.refocus}
          onActive={(active) => setMatrixUi({ active })}
          onCell={open}
          onRow={openRow}
        />
      )}
    </div>
  );
}
