import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Annotation, ClaimGroup } from '../../../shared/model/types';
import { selectAnnotation } from '../../state/uiState';
import { viewersForArticle } from './viewerRegistry';
import { EMPTY_QUERY, isFiltering, type ListQuery } from './annotationFilter';
import { buildAnnotationIndex, queryAnnotationIndex } from '../../../shared/rules/annotationIndex';
import './annotationList.css';
import { rowText } from './rowText';
import { useFixedRows } from '../../components/useFixedRows';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';

/**
 * Up to this many rows each row is measured (rows fit their content). Beyond it rows have one
 * fixed height (text clamped): the virtualiser re-lays out every row after each measurement,
 * which at 100,000 rows made every scroll a long task.
 */
const MEASURE_LIMIT = 2_000;
const FIXED_ROW_PX = 92;

const KIND_CHOICES: readonly Choice<ListQuery['kind']>[] = [
  { value: 'all', label: 'All kinds' },
  { value: 'claim', label: 'Claims' },
  { value: 'quote', label: 'Quotes' },
];
const GROUPED_CHOICES: readonly Choice<string>[] = [
  { value: 'all', label: 'Any group' },
  { value: 'grouped', label: 'In a group' },
  { value: 'ungrouped', label: 'Not in a group' },
];
const STATUS_CHOICES: readonly Choice<ListQuery['status']>[] = [
  { value: 'all', label: 'Any status' },
  { value: 'open', label: 'Open' },
  { value: 'checking', label: 'Checking' },
  { value: 'resolved', label: 'Resolved' },
];
const VERDICT_CHOICES: readonly Choice<string>[] = [
  { value: 'all', label: 'Any verdict' },
  { value: 'unrated', label: 'Not rated' },
];
const SORT_CHOICES: readonly Choice<ListQuery['sort']>[] = [
  { value: 'position', label: 'Reading order' },
  { value: 'time', label: 'Last edited' },
  { value: 'group', label: 'By group' },
];

/**
 * Every annotation of the open article, in reading order unless sorted otherwise, with filters
 * (kind, tag, group, status, verdict) and a search over text, notes, speakers and tags. The list
 * is virtual (only the rows on screen exist), so 100,000 annotations stay responsive; it follows
 * the selection, so J/K in the viewer scroll it too. A click jumps to the annotation.
 */
export function AnnotationList({
  annotations,
  selectedId,
  groups,
  groupIds,
  tags,
  scale,
}: {
  annotations: readonly Annotation[];
  selectedId: string | null;
  groups: ReadonlyMap<string, ClaimGroup>;
  /** The groups these annotations belong to. */
  groupIds: ReadonlySet<string>;
  tags: readonly string[];
  scale: readonly string[];
}) {
  const [query, setQuery] = useState<ListQuery>(EMPTY_QUERY);
  // `annotations` come in reading order: the plain list needs no index. The index is built
  // (once per set of rows) when the editor first filters or sorts, then every keystroke of a
  // search scans its flat arrays instead of 100,000 row objects.
  const plain = !isFiltering(query) && query.sort === 'position';
  const index = useMemo(
    () => (plain ? null : buildAnnotationIndex(annotations)),
    [annotations, plain],
  );
  const shown = useMemo(
    () => (index ? queryAnnotationIndex(index, groups, query) : annotations),
    [annotations, index, groups, query],
  );
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const fixedRows = shown.length > MEASURE_LIMIT;
  // Many rows: one height each, the window found by arithmetic (no per-row bookkeeping).
  const fixed = useFixedRows(fixedRows ? shown.length : 0, FIXED_ROW_PX);
  const setScrollElement = fixed.ref;
  const scrollElement = useCallback(
    (el: HTMLDivElement | null) => {
      scrollRef.current = el;
      setScrollElement(el);
    },
    [setScrollElement],
  );
  // Stable between renders: the virtualiser recomputes every row's place when it changes.
  const itemKey = useCallback((i: number) => shown[i]!.id, [shown]);
  // Few rows: each measured, so a row fits its content. The virtualizer re-renders this
  // component on scroll by design, and nothing here memoises its functions, which is what the
  // rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: fixedRows ? 0 : shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 8,
    getItemKey: itemKey,
  });
  const selectedIndex = useMemo(
    () => (selectedId ? shown.findIndex((a) => a.id === selectedId) : -1),
    [shown, selectedId],
  );
  const scrollToFixed = fixed.scrollToIndex;
  useEffect(() => {
    if (selectedIndex < 0) return;
    if (fixedRows) scrollToFixed(selectedIndex);
    else virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer, fixedRows, scrollToFixed]);
  const set = (patch: Partial<ListQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const groupList = useMemo(
    () => [...groups.values()].filter((g) => groupIds.has(g.id)),
    [groups, groupIds],
  );
  const rows = fixedRows
    ? Array.from({ length: fixed.last - fixed.first }, (_, i) => {
        const index = fixed.first + i;
        return { index, key: shown[index]!.id, start: index * FIXED_ROW_PX };
      })
    : virtualizer.getVirtualItems();

  if (annotations.length === 0) {
    return (
      <div className="empty-state" data-testid="annotations-empty">
        <p>No annotations yet.</p>
        <p>
          Select text, then press <kbd>C</kbd> for a claim or <kbd>Q</kbd> for a quote.
        </p>
      </div>
    );
  }
  const selected = selectedIndex >= 0 ? shown[selectedIndex] : undefined;
  return (
    <div className="annotation-list-wrap">
      <div className="list-filters" role="search" aria-label="Filter annotations">
        <input
          type="search"
          data-testid="list-search"
          aria-label="Search text, notes and speakers"
          placeholder="Search text, notes, speakers…"
          value={query.search}
          onChange={(e) => set({ search: e.target.value })}
        />
        <ChoiceSelect
          label="Kind"
          testId="list-kind"
          value={query.kind}
          choices={KIND_CHOICES}
          onChange={(kind) => set({ kind })}
        />
        <ChoiceSelect
          label="Tag"
          testId="list-tag"
          value={query.tag}
          choices={[{ value: '', label: 'Any tag' }, ...tags.map((t) => ({ value: t, label: t }))]}
          onChange={(tag) => set({ tag })}
        />
        <ChoiceSelect
          label="Group"
          testId="list-group"
          value={query.group}
          choices={[
            ...GROUPED_CHOICES,
            ...groupList.map((g) => ({
              value: g.id,
              label: g.label.length > 40 ? `${g.label.slice(0, 39)}…` : g.label,
            })),
          ]}
          onChange={(group) => set({ group })}
        />
        <ChoiceSelect
          label="Group status"
          testId="list-status"
          value={query.status}
          choices={STATUS_CHOICES}
          onChange={(status) => set({ status })}
        />
        <ChoiceSelect
          label="Verdict"
          testId="list-verdict"
          value={query.verdict}
          choices={[...VERDICT_CHOICES, ...scale.map((v) => ({ value: v, label: v }))]}
          onChange={(verdict) => set({ verdict })}
        />
        <ChoiceSelect
          label="Sort"
          testId="list-sort"
          value={query.sort}
          choices={SORT_CHOICES}
          onChange={(sort) => set({ sort })}
        />
      </div>
      <p className="list-count muted" role="status" data-testid="list-count">
        {isFiltering(query)
          ? `${shown.length} of ${annotations.length} shown`
          : `${annotations.length} annotation${annotations.length === 1 ? '' : 's'}`}
        {selected && (
          <span className="sr-only">
            {' '}
            Selected: {selected.kind} {selectedIndex + 1} of {shown.length}, “
            {selected.quote.exact.slice(0, 80)}”
          </span>
        )}
        {isFiltering(query) && (
          <button type="button" className="link-button" onClick={() => setQuery(EMPTY_QUERY)}>
            Clear
          </button>
        )}
      </p>
      {shown.length === 0 ? (
        <p className="empty-state" data-testid="list-no-match">
          No annotation matches.
        </p>
      ) : (
        <div className="annotation-list-scroll" ref={scrollElement} data-testid="annotation-scroll">
          <ol
            className={fixedRows ? 'annotation-list fixed-rows' : 'annotation-list'}
            data-testid="annotation-list"
            aria-label={
              query.sort === 'position'
                ? 'Annotations in reading order'
                : `Annotations, ${query.sort === 'time' ? 'last edited first' : 'by group'}`
            }
            style={{
              height: fixedRows ? fixed.totalPx : virtualizer.getTotalSize(),
              position: 'relative',
            }}
          >
            {rows.map((row) => {
              const a = shown[row.index]!;
              const active = a.id === selectedId;
              return (
                <li
                  key={row.key}
                  data-index={row.index}
                  ref={fixedRows ? undefined : virtualizer.measureElement}
                  aria-setsize={shown.length}
                  aria-posinset={row.index + 1}
                  className="annotation-row"
                  style={{
                    transform: `translateY(${row.start}px)`,
                    height: fixedRows ? FIXED_ROW_PX : undefined,
                  }}
                >
                  <button
                    type="button"
                    className={`annotation-item kind-${a.kind}${active ? ' active' : ''}`}
                    data-testid="annotation-item"
                    data-kind={a.kind}
                    aria-current={active ? 'true' : undefined}
                    onClick={() => {
                      selectAnnotation(a.id);
                      for (const v of viewersForArticle(a.articleId))
                        v.scrollToOffset(a.position.start);
                    }}
                  >
                    <span className={`kind-badge kind-${a.kind}`}>{a.kind}</span>
                    {a.speaker && <span className="speaker">{a.speaker}:</span>}
                    <span className="annotation-text">{rowText(a.quote.exact)}</span>
                    {a.tags.length > 0 && (
                      <span className="annotation-tags">
                        {a.tags.map((t) => (
                          <span key={t} className="tag-chip small">
                            {t}
                          </span>
                        ))}
                      </span>
                    )}
                    {a.note && <span className="annotation-note">{rowText(a.note)}</span>}
                    {/* In a shared story, who made it (null for single-user work). */}
                    {a.author && (
                      <span className="annotation-author" data-testid="annotation-author">
                        {a.author}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
