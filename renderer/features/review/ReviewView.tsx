import { useCallback, useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLiveArticles } from '../../state/liveArticles';
import type { Annotation, Article } from '../../../shared/model/types';
import { useStore } from '../../state/createStore';
import { selectAnnotation, uiStore, updateUi } from '../../state/uiState';
import { notify, reportError } from '../../components/toasts';
import { ArticleViewer } from '../annotate/ArticleViewer';
import { AnnotationInspector } from '../annotate/AnnotationInspector';
import { inTextOrder } from '../annotate/annotationsAt';
import {
  cellStateWords,
  groupColours,
  sourceLookup,
  summarizeGroup,
  type GroupSummary,
} from './groupModel';
import { GroupBadges } from './GroupFlags';
import { articleName } from './reviewData';
import { followGroup, MAX_REVIEW, MIN_REVIEW } from './reviewNav';
import { typingInField } from '../../components/keyboard';
import {
  annotationsOfArticles,
  getAnnotation,
  getGroup,
  groupMembers,
  liveGroups,
} from '../../db/queries';
import { outletName } from '../../../shared/text/outlet';
import type { Suggestion } from '../../../shared/matching';
import { ColumnLikely } from './ColumnLikely';
import { useLikelyHere } from './likelyHere';
import { useMatchingIndex } from './matchingClient';
import './likelyHere.css';

const NO_IDS: readonly string[] = [];

/** A group's place when stepping with J/K: its first member, leftmost column first. */
interface GroupStop {
  groupId: string;
  annotationId: string;
}

/** Side-by-side review of 2–4 articles; members of one claim group share a colour. */
export function ReviewView() {
  const restored = useStore(uiStore, (s) => s.restored);
  const savedIds = useStore(uiStore, (s) => s.reviewArticleIds);
  const focusedGroupId = useStore(uiStore, (s) => s.focusedGroupId);
  const selectedId = useStore(uiStore, (s) => s.selectedAnnotationId);
  const panelCollapsed = useStore(uiStore, (s) => s.inspectorCollapsed);

  // Articles from the window's one live read: an edit in a shown article changes annotations,
  // and must not read every article's whole text again.
  const live = useLiveArticles();
  const rows = useLiveQuery(async () => {
    const [groups, annotations] = await Promise.all([
      liveGroups(),
      annotationsOfArticles(savedIds),
    ]);
    return { groups, annotations };
  }, [savedIds]);
  const data = useMemo(
    () => (rows && live ? { ...rows, articles: live.list } : undefined),
    [rows, live],
  );
  const focusRows = useLiveQuery(async () => {
    if (!focusedGroupId) return null;
    const [group, members] = await Promise.all([
      getGroup(focusedGroupId),
      groupMembers(focusedGroupId),
    ]);
    return group ? { group, members } : null;
  }, [focusedGroupId]);
  const focus = useMemo(() => {
    if (focusRows === null) return null;
    if (!focusRows || !live) return undefined;
    const articles = [...new Set(focusRows.members.map((m) => m.articleId))]
      .map((id) => live.byId.get(id))
      .filter((a): a is Article => !!a);
    return summarizeGroup(focusRows.group, focusRows.members, sourceLookup(articles));
  }, [focusRows, live]);

  const columns = useMemo(() => {
    if (!live) return [];
    return savedIds.map((id) => live.byId.get(id)).filter((a): a is Article => !!a);
  }, [live, savedIds]);
  const shownIds = useMemo(() => columns.map((c) => c.id), [columns]);

  const byArticle = useMemo(() => {
    const out = new Map<string, Annotation[]>();
    for (const a of data?.annotations ?? []) {
      const list = out.get(a.articleId);
      if (list) list.push(a);
      else out.set(a.articleId, [a]);
    }
    for (const [id, list] of out) out.set(id, inTextOrder(list));
    return out;
  }, [data]);

  const colours = useMemo(() => groupColours(data?.groups ?? []), [data]);
  const groupColour = useCallback(
    (a: Annotation) => (a.groupId ? (colours.get(a.groupId) ?? null) : null),
    [colours],
  );
  const focusIds = useMemo(() => focus?.members.map((m) => m.annotation.id) ?? NO_IDS, [focus]);
  // "Likely here" for the focused group in the columns without a member, from the worker.
  const focusList = useMemo(() => (focus ? [focus] : null), [focus]);
  const progress = useMatchingIndex(true);
  const likely = useLikelyHere(focusList, shownIds, progress.ready ? `${progress.done}` : null);
  const likelyHere = focus ? likely?.[focus.group.id] : undefined;

  // J/K order: groups with a member on screen, by their first member in the leftmost column.
  const stops = useMemo(() => {
    const first = new Map<string, { col: number; start: number; id: string }>();
    shownIds.forEach((articleId, col) => {
      for (const a of byArticle.get(articleId) ?? []) {
        if (!a.groupId) continue;
        const seen = first.get(a.groupId);
        if (!seen || col < seen.col || (col === seen.col && a.position.start < seen.start)) {
          first.set(a.groupId, { col, start: a.position.start, id: a.id });
        }
      }
    });
    return [...first.entries()]
      .sort((x, y) => x[1].col - y[1].col || x[1].start - y[1].start)
      .map(([groupId, f]): GroupStop => ({ groupId, annotationId: f.id }));
  }, [shownIds, byArticle]);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (stops.length === 0) {
        notify('info', 'No linked claims in these articles yet.');
        return;
      }
      const at = stops.findIndex((s) => s.groupId === uiStore.get().focusedGroupId);
      const next =
        stops[
          at < 0 ? (delta > 0 ? 0 : stops.length - 1) : (at + delta + stops.length) % stops.length
        ]!;
      void updateUi({ focusedGroupId: next.groupId, selectedAnnotationId: next.annotationId });
      void followGroup(next.groupId, shownIds, null, next.annotationId);
    },
    [stops, shownIds],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target))
        return;
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key !== 'j' && key !== 'k') return;
      e.preventDefault();
      step(key === 'j' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  // A click on a highlight selects it (cycling through overlaps) and follows its group.
  const onHit = useCallback((articleId: string, ids: string[]) => {
    if (ids.length === 0) return selectAnnotation(null);
    const current = ids.indexOf(uiStore.get().selectedAnnotationId ?? '');
    const id = ids[(current + 1) % ids.length]!;
    selectAnnotation(id);
    void getAnnotation(id).then((a) => {
      if (!a || uiStore.get().selectedAnnotationId !== id) return;
      void updateUi({ focusedGroupId: a.groupId });
      if (a.groupId) void followGroup(a.groupId, uiStore.get().reviewArticleIds, articleId);
    });
  }, []);

  if (!restored || !data) return null;
  const selected = data.annotations.find((a) => a.id === selectedId) ?? null;

  const toggle = (id: string) => {
    const ids = savedIds.includes(id) ? savedIds.filter((x) => x !== id) : [...savedIds, id];
    if (ids.length > MAX_REVIEW) {
      notify('info', `Side by side shows at most ${MAX_REVIEW} articles; remove one first.`);
      return;
    }
    void updateUi({ reviewArticleIds: ids }).catch((e) => reportError('Choosing articles', e));
  };

  return (
    <div className="review" data-testid="review-view">
      <div className="review-bar">
        <div className="review-picker" role="group" aria-label="Articles side by side">
          {data.articles.map((a) => (
            <button
              key={a.id}
              type="button"
              className="chip review-pick"
              data-testid="review-pick"
              aria-pressed={savedIds.includes(a.id)}
              title={articleName(a)}
              onClick={() => toggle(a.id)}
            >
              {a.title}
            </button>
          ))}
        </div>
        <FocusBar
          summary={focus ?? null}
          colour={focus ? (colours.get(focus.group.id) ?? 0) : 0}
          position={stops.findIndex((s) => s.groupId === focusedGroupId)}
          total={stops.length}
          onStep={step}
        />
      </div>
      {columns.length < MIN_REVIEW && (
        <p className="hint review-hint" data-testid="review-pick-hint">
          Pick {MIN_REVIEW}–{MAX_REVIEW} articles above to read them side by side.
        </p>
      )}
      <div className={selected && !panelCollapsed ? 'review-body with-panel' : 'review-body'}>
        <div
          className="review-columns"
          data-testid="review-columns"
          // Each column keeps a readable minimum width; more columns than fit scroll sideways.
          style={{
            gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(var(--review-col-min), 1fr))`,
          }}
        >
          {columns.map((article) => (
            <ReviewColumn
              key={article.id}
              article={article}
              annotations={byArticle.get(article.id) ?? NO_ANNOTATIONS}
              selectedId={selectedId}
              groupColour={groupColour}
              focusIds={focusIds}
              focus={focus ?? null}
              likely={likely ? (likelyHere?.[article.id] ?? null) : undefined}
              onHit={onHit}
            />
          ))}
        </div>
        {selected && !panelCollapsed && (
          <aside className="side-panel review-panel" aria-label="Selected annotation">
            <AnnotationInspector key={selected.id} annotation={selected} />
          </aside>
        )}
      </div>
    </div>
  );
}

const NO_ANNOTATIONS: Annotation[] = [];

function FocusBar({
  summary,
  colour,
  position,
  total,
  onStep,
}: {
  summary: GroupSummary | null;
  colour: number;
  position: number;
  total: number;
  onStep: (delta: 1 | -1) => void;
}) {
  return (
    <div className="review-focus" data-testid="review-focus">
      <button type="button" className="small" onClick={() => onStep(-1)} title="Previous group (K)">
        ‹ <kbd>K</kbd>
      </button>
      <button type="button" className="small" onClick={() => onStep(1)} title="Next group (J)">
        <kbd>J</kbd> ›
      </button>
      {summary ? (
        <>
          <span className={`swatch swatch-${colour}`} aria-hidden />
          <span
            className="focus-label"
            data-testid="review-focus-label"
            title={summary.group.label}
          >
            {summary.group.label}
          </span>
          {position >= 0 && (
            <span className="muted">
              {position + 1}/{total}
            </span>
          )}
          <GroupBadges summary={summary} />
          {summary.report.reasons.length > 0 && (
            <div className="focus-details conflict-key" data-testid="review-conflict-reasons">
              {summary.report.reasons.map((r) => r.message).join(' · ')}
            </div>
          )}
        </>
      ) : (
        <span className="muted">
          Click a highlight to follow its claim group across the columns ({total} group
          {total === 1 ? '' : 's'} here).
        </span>
      )}
    </div>
  );
}

function ReviewColumn({
  article,
  annotations,
  selectedId,
  groupColour,
  focusIds,
  focus,
  likely,
  onHit,
}: {
  article: Article;
  annotations: readonly Annotation[];
  selectedId: string | null;
  groupColour: (a: Annotation) => number | null;
  focusIds: readonly string[];
  focus: GroupSummary | null;
  /** This article's likely match for the focused group (undefined while the worker looks). */
  likely: Suggestion | null | undefined;
  onHit: (articleId: string, ids: string[]) => void;
}) {
  const hit = useCallback((ids: string[]) => onHit(article.id, ids), [onHit, article.id]);
  const here = focus?.members.filter((m) => m.annotation.articleId === article.id) ?? [];
  return (
    <section
      className="review-column"
      data-testid="review-column"
      data-article-id={article.id}
      aria-label={article.title}
    >
      <header className="review-col-head">
        <h3 title={article.title}>{article.title}</h3>
        <div className="muted">
          {[outletName(article), article.date].filter(Boolean).join(' · ') || article.origin.name}
        </div>
        {focus &&
          (here.length === 0 ? (
            <ColumnLikely groupId={focus.group.id} likely={likely} />
          ) : (
            <div
              className={`column-status state-${here.some((m) => m.state === 'conflicts') ? 'conflicts' : here[0]!.state}`}
              data-testid="column-state"
            >
              {here
                .map(
                  (m) =>
                    `${cellStateWords(m.state)}${m.conflictingValue ? `: ${m.conflictingValue}` : m.figures.length ? ` (${m.figures.join(', ')})` : ''}`,
                )
                .join(' · ')}
            </div>
          ))}
      </header>
      <div className="review-col-scroll">
        <ArticleViewer
          viewerId={`review-${article.id}`}
          article={article}
          annotations={annotations}
          selectedId={selectedId}
          groupColour={groupColour}
          focusIds={focusIds}
          onHit={hit}
        />
      </div>
    </section>
  );
}
