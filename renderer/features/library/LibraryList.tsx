import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Article } from '../../../shared/model/types';
import { outletName } from '../../../shared/text/outlet';
import { openArticle } from '../../state/uiState';
import type { SearchHit } from './searchArticles';

/**
 * The library's articles, virtual: only the rows near the screen exist, so a library of
 * thousands of articles opens and scrolls like one of five. Rows keep their natural height
 * (measured once shown). As rows off screen are not in the page, Tab alone cannot reach them:
 * ↑/↓ move between articles (Home/End to the ends), scrolling the next one in, and every row
 * says its place in the whole list (aria-posinset of aria-setsize).
 */
export function LibraryList({
  rows,
  openId,
  counts,
  onDelete,
}: {
  rows: readonly SearchHit[];
  openId: string | null;
  counts: ReadonlyMap<string, number> | undefined;
  onDelete: (article: Article) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 58,
    overscan: 6,
    getItemKey: (i) => rows[i]!.article.id,
  });
  // The row to focus once it is rendered (after ↑/↓ scrolled it in).
  const pendingFocus = useRef<{ index: number; part: 'open' | 'delete' } | null>(null);
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    const row = scrollRef.current?.querySelector(`li[data-index="${want.index}"]`);
    const target = row?.querySelector<HTMLButtonElement>(
      want.part === 'open' ? '.library-item' : '.library-delete',
    );
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('li[data-index]');
    if (!row || rows.length === 0) return;
    const at = Number(row.dataset.index);
    const next =
      e.key === 'ArrowDown'
        ? Math.min(rows.length - 1, at + 1)
        : e.key === 'ArrowUp'
          ? Math.max(0, at - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? rows.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    pendingFocus.current = {
      index: next,
      part: target.classList.contains('library-delete') ? 'delete' : 'open',
    };
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // Already on screen: no scroll, so no re-render to run the effect; focus now.
    const shown = scrollRef.current?.querySelector(`li[data-index="${next}"]`);
    if (shown) {
      pendingFocus.current = null;
      shown
        .querySelector<HTMLButtonElement>(
          target.classList.contains('library-delete') ? '.library-delete' : '.library-item',
        )
        ?.focus();
    }
  };

  return (
    <div className="library-scroll" ref={scrollRef}>
      <ul
        className="library-list"
        data-testid="library-list"
        aria-label={`Articles (${rows.length})`}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const { article, snippet } = rows[item.index]!;
          const open = article.id === openId;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <button
                type="button"
                className={`library-item${open ? ' active' : ''}`}
                aria-current={open ? 'true' : undefined}
                data-testid="library-item"
                onClick={() => void openArticle(article.id)}
              >
                <span className="library-title">{article.title}</span>
                <span className="library-meta">
                  {[outletName(article), article.date].filter(Boolean).join(' · ') ||
                    'Unknown source'}
                  {annotationCount(counts?.get(article.id) ?? 0)}
                </span>
                {snippet && <span className="library-snippet">{snippet}</span>}
              </button>
              <button
                type="button"
                className="library-delete"
                aria-label={`Delete ${article.title}`}
                title="Delete article"
                onClick={() => onDelete(article)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function annotationCount(n: number): string {
  return n === 0 ? '' : ` · ${n} annotation${n === 1 ? '' : 's'}`;
}
