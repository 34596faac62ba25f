import { useLiveQuery } from 'dexie-react-hooks';
import type { Article, ReanchorItem } from '../../../shared/model/types';
import { db } from '../../db/database';
import { runUndo } from '../../app/useAppKeys';
import { notify, reportError } from '../../components/toasts';
import { openArticle, selectAnnotation } from '../../state/uiState';
import { rangeForOffsets } from '../annotate/domOffsets';
import { readPendingSpan } from '../annotate/tagSelection';
import { whenViewerReady } from '../annotate/viewerRegistry';
import { REASON_TEXT, discardQueued, placeQueued } from './reanchorOps';

/**
 * The re-anchoring review queue: imported annotations that could not be placed with confidence.
 * Not modal, so the editor can read the article and select the right passage while it is open.
 */
export function ReanchorPanel({ onClose }: { onClose: () => void }) {
  const items = useLiveQuery(() => db.reanchorQueue.orderBy('createdAt').toArray(), []);
  const articles = useLiveQuery(async () => {
    const ids = [...new Set((items ?? []).map((i) => i.annotation.articleId))];
    const rows = await db.articles.bulkGet(ids);
    return new Map(rows.filter((a): a is Article => !!a).map((a) => [a.id, a]));
  }, [items]);

  return (
    <aside
      className="reanchor-panel"
      aria-label="Annotations to place"
      data-testid="reanchor-panel"
    >
      <header className="reanchor-head">
        <h2>Annotations to place</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {items && items.length === 0 && (
        <p className="empty-state">Nothing to place: every imported annotation found its text.</p>
      )}
      <ol className="reanchor-list">
        {(items ?? []).map((item) => (
          <QueueItem key={item.id} item={item} article={articles?.get(item.annotation.articleId)} />
        ))}
      </ol>
    </aside>
  );
}

function QueueItem({ item, article }: { item: ReanchorItem; article: Article | undefined }) {
  const { annotation, proposal } = item;
  const proposed = article && proposal ? article.text.slice(proposal.start, proposal.end) : null;

  const run = (what: string, action: () => Promise<unknown>, done: string) =>
    void action()
      .then(() => notify('info', done, { label: 'Undo', run: () => void runUndo('undo') }))
      .catch((e) => reportError(what, e));

  const useSelection = async () => {
    const span = await readPendingSpan();
    if (!span || span.articleId !== annotation.articleId) {
      notify(
        'info',
        `Select the passage in “${article?.title ?? 'its article'}” first, then press Use selection.`,
      );
      return;
    }
    const placed = await placeQueued(item.id, span);
    window.getSelection()?.removeAllRanges();
    selectAnnotation(placed.id);
  };

  return (
    <li className="reanchor-item" data-testid="reanchor-item">
      <p className="reanchor-title">
        <span className={`kind-badge kind-${annotation.kind}`}>{annotation.kind}</span>{' '}
        {article?.title ?? 'Deleted article'}
      </p>
      <blockquote className="excerpt">{annotation.quote.exact}</blockquote>
      <p className="hint">{REASON_TEXT[item.reason]}</p>
      {proposed !== null && (
        <p className="reanchor-proposal">
          Proposed ({Math.round(proposal!.score * 100)}% match): <q>{proposed}</q>
        </p>
      )}
      <div className="reanchor-actions">
        {article && (
          <button type="button" onClick={() => void showInArticle(item)}>
            Show
          </button>
        )}
        {proposed !== null && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              run(
                'Placing the annotation',
                () => placeQueued(item.id, 'proposal'),
                'Annotation placed.',
              )
            }
          >
            Accept proposal
          </button>
        )}
        {article && (
          <button
            type="button"
            title="Select the right passage in the article, then press this"
            // Keep the editor's text selection: mousedown on a button would clear it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run('Placing the annotation', useSelection, 'Annotation placed.')}
          >
            Use selection
          </button>
        )}
        <button
          type="button"
          className="danger"
          onClick={() =>
            run('Discarding the annotation', () => discardQueued(item.id), 'Annotation discarded.')
          }
        >
          Discard
        </button>
      </div>
    </li>
  );
}

/** Open the article and select the proposed place (or scroll to the old one) for the editor. */
async function showInArticle(item: ReanchorItem): Promise<void> {
  const { articleId, position } = item.annotation;
  await openArticle(articleId);
  const at = item.proposal ?? null;
  const viewer = await whenViewerReady(articleId, 30);
  const map = viewer?.map();
  if (!viewer || !map) return;
  viewer.scrollToOffset(at ? at.start : Math.min(position.start, map.spans.at(-1)?.end ?? 0));
  // Both ends in the document (a long article fills their sections), then selected.
  const filled = at && viewer.reveal(at.start, at.end);
  if (at && filled) {
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(rangeForOffsets(filled, at.start, at.end));
  }
}
