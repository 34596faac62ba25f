import { useCallback, useLayoutEffect, useState } from 'react';

/**
 * The window of a list whose rows all have one height, worked out by arithmetic from the scroll
 * position: which rows to render, the list's full height, and scrolling a row into view. A
 * measuring virtualiser keeps one entry per row and rebuilds them when the count changes (for
 * 100,000 rows a 30 ms part of a render); this keeps nothing per row.
 *
 * `ref` is a callback ref for the scroll container, which may mount after the first render.
 */
export function useFixedRows(count: number, rowPx: number, overscan = 8) {
  const [element, ref] = useState<HTMLElement | null>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    if (!element) return;
    const read = () =>
      setView((v) =>
        v.top === element.scrollTop && v.height === element.clientHeight
          ? v
          : { top: element.scrollTop, height: element.clientHeight },
      );
    read();
    element.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [element]);
  const first = Math.min(count, Math.max(0, Math.floor(view.top / rowPx) - overscan));
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowPx) + overscan);
  const scrollToIndex = useCallback(
    (index: number) => {
      if (!element) return;
      const top = index * rowPx;
      if (top < element.scrollTop) element.scrollTo({ top });
      else if (top + rowPx > element.scrollTop + element.clientHeight)
        element.scrollTo({ top: top + rowPx - element.clientHeight });
    },
    [element, rowPx],
  );
  return { ref, first, last, totalPx: count * rowPx, scrollToIndex };
}
