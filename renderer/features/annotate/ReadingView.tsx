import { useCallback, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../state/createStore';
import { selectAnnotation, uiStore } from '../../state/uiState';
import { ArticleViewer } from './ArticleViewer';
import { AnnotationInspector } from './AnnotationInspector';
import { AnnotationList } from './AnnotationList';
import { inTextOrder } from './annotationsAt';
import { annotationsOf, getArticle, liveGroups } from '../../db/queries';
import { tagsInUse } from './annotationFilter';
import { useRatingScale } from '../review/workspaceSettings';

/** One article, its highlights, and the side panel (selected annotation + list). */
export function ReadingView() {
  const openId = useStore(uiStore, (s) => s.openArticleId);
  const restored = useStore(uiStore, (s) => s.restored);
  const selectedId = useStore(uiStore, (s) => s.selectedAnnotationId);
  const panelCollapsed = useStore(uiStore, (s) => s.inspectorCollapsed);
  // Results carry the id they were read for: while the next article's query is still running,
  // useLiveQuery hands back the previous article's rows, which must never be shown on this one.
  const articleRead = useLiveQuery(
    async () => ({ id: openId, article: openId ? await getArticle(openId) : undefined }),
    [openId],
  );
  const rowsRead = useLiveQuery(
    async () => ({ id: openId, rows: openId ? await annotationsOf(openId) : [] }),
    [openId],
  );
  const article = articleRead?.id === openId ? articleRead.article : undefined;
  const rows = rowsRead?.id === openId ? rowsRead.rows : undefined;
  const annotations = useMemo(() => inTextOrder(rows ?? []), [rows]);
  const groupRows = useLiveQuery(liveGroups, []);
  const groups = useMemo(() => new Map((groupRows ?? []).map((g) => [g.id, g])), [groupRows]);
  const tags = useMemo(() => tagsInUse(annotations), [annotations]);
  const scale = useRatingScale();
  const selected = annotations.find((a) => a.id === selectedId) ?? null;

  // Repeated clicks on overlapping highlights cycle through them, innermost first.
  const onHit = useCallback((ids: string[]) => {
    if (ids.length === 0) return selectAnnotation(null);
    const current = ids.indexOf(uiStore.get().selectedAnnotationId ?? '');
    selectAnnotation(ids[(current + 1) % ids.length]!);
  }, []);

  if (!restored) return null;
  if (!openId || (article === undefined && rows !== undefined)) {
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
            {article.source && <span data-testid="article-source">{article.source}</span>}
            {article.date && <time dateTime={article.date}>{article.date}</time>}
            {article.origin.name && <span className="origin">{article.origin.name}</span>}
          </p>
        </header>
        <ArticleViewer
          viewerId="reading"
          article={article}
          annotations={annotations}
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
          Annotations <span className="count">{annotations.length}</span>
        </h3>
        <AnnotationList
          annotations={annotations}
          selectedId={selectedId}
          groups={groups}
          tags={tags}
          scale={scale}
        />
      </aside>
    </div>
  );
}
