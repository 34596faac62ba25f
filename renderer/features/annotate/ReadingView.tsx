import { useCallback, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation } from '../../../shared/model/types';
import { useStore } from '../../state/createStore';
import { selectAnnotation, uiStore } from '../../state/uiState';
import { ArticleViewer } from './ArticleViewer';
import { AnnotationInspector } from './AnnotationInspector';
import { AnnotationList } from './AnnotationList';
import { annotationRunsOf, getArticle, liveGroups } from '../../db/queries';
import { usePreparedAnnotations } from './prepareAnnotations';
import { useRatingScale } from '../review/workspaceSettings';
import { outletName } from '../../../shared/text/outlet';
import { useLiveArticles } from '../../state/liveArticles';

const NONE: readonly Annotation[] = [];

/** One article, its highlights, and the side panel (selected annotation + list). */
export function ReadingView() {
  const openId = useStore(uiStore, (s) => s.openArticleId);
  const restored = useStore(uiStore, (s) => s.restored);
  const selectedId = useStore(uiStore, (s) => s.selectedAnnotationId);
  const panelCollapsed = useStore(uiStore, (s) => s.inspectorCollapsed);
  // The article comes from the library's one live read (no second read of its whole text).
  const live = useLiveArticles();
  const article = openId ? live?.byId.get(openId) : undefined;
  // Not in the library's snapshot: just written (the snapshot follows a moment later) or gone.
  // Only the store can tell, so it is asked in that case alone.
  const gone = useLiveQuery(
    async () =>
      openId && live && !live.byId.has(openId) && !(await getArticle(openId)) ? openId : null,
    [openId, live],
  );
  // Results carry the id they were read for: while the next article's query is still running,
  // useLiveQuery hands back the previous article's rows, which must never be shown on this one.
  // Sorted runs (pages), merged with the rest of the preparation in frame-sized slices.
  const runsRead = useLiveQuery(
    async () => ({ id: openId, runs: openId ? await annotationRunsOf(openId) : [] }),
    [openId],
  );
  const runs = runsRead?.id === openId ? runsRead.runs : undefined;
  const prepared = usePreparedAnnotations(openId, runs);
  const annotations = prepared?.rows ?? NONE;
  const groupRows = useLiveQuery(liveGroups, []);
  const groups = useMemo(() => new Map((groupRows ?? []).map((g) => [g.id, g])), [groupRows]);
  const scale = useRatingScale();
  const selected = (selectedId && prepared?.byId.get(selectedId)) || null;

  // Repeated clicks on overlapping highlights cycle through them, innermost first.
  const onHit = useCallback((ids: string[]) => {
    if (ids.length === 0) return selectAnnotation(null);
    const current = ids.indexOf(uiStore.get().selectedAnnotationId ?? '');
    selectAnnotation(ids[(current + 1) % ids.length]!);
  }, []);

  if (!restored) return null;
  if (!openId || gone === openId) {
    return (
      <div className="empty-state main-empty" data-testid="no-article">
        <h2>No article open</h2>
        <p>
          Pick an article in the library, import files (Ctrl+O), drop them here, or paste text
          (Ctrl+Shift+V).
        </p>
      </div>
    );
  }
  if (!article) return null;
  return (
    <div className={panelCollapsed ? 'reading panel-collapsed' : 'reading'}>
      <article className="reading-main" aria-label={article.title}>
        <header className="article-head">
          <h2 data-testid="article-title">{article.title}</h2>
          <p className="article-meta">
            {outletName(article) && <span data-testid="article-source">{outletName(article)}</span>}
            {article.authors && article.authors.length > 0 && (
              <span data-testid="article-authors">By {article.authors.join(', ')}</span>
            )}
            {article.date && <time dateTime={article.date}>{article.date}</time>}
            {article.origin.name && <span className="origin">{article.origin.name}</span>}
          </p>
        </header>
        <ArticleViewer
          viewerId="reading"
          article={article}
          annotations={annotations}
          byId={prepared?.byId}
          selectedId={selectedId}
          onHit={onHit}
        />
      </article>
      <aside className="side-panel" aria-label="Annotations" hidden={panelCollapsed}>
        {selected && (
          <div className="inspector-scroll">
            <AnnotationInspector key={selected.id} annotation={selected} />
          </div>
        )}
        <h3 className="panel-title">
          Annotations {prepared && <span className="count">{annotations.length}</span>}
        </h3>
        {prepared ? (
          <AnnotationList
            annotations={annotations}
            selectedId={selectedId}
            groups={groups}
            groupIds={prepared.groupIds}
            tags={prepared.tags}
            scale={scale}
          />
        ) : (
          runs !== undefined && (
            <p className="muted list-loading" role="status" data-testid="annotations-loading">
              Loading annotations…
            </p>
          )
        )}
      </aside>
    </div>
  );
}
