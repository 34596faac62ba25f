import { useEffect, useState } from 'react';
import { viewerContaining } from './viewerRegistry';

/** The small floating toolbar over a text selection in any viewer. */
export function SelectionToolbar({ onTag }: { onTag: (kind: 'claim' | 'quote') => void }) {
  const [rect, setRect] = useState<DOMRect | null>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const sel = window.getSelection();
        if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !viewerContaining(sel.anchorNode)) {
          setRect(null);
          return;
        }
        const r = sel.getRangeAt(0).getBoundingClientRect();
        setRect(r.width || r.height ? r : null);
      });
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, true);
    };
  }, []);
  if (!rect) return null;
  const top = Math.max(8, rect.top - 44);
  const left = Math.min(window.innerWidth - 220, Math.max(8, rect.left + rect.width / 2 - 100));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Tag selection"
      style={{ top, left }}
      data-testid="selection-toolbar"
    >
      {/* mousedown would clear the selection before click; keep it. */}
      <button
        type="button"
        className="tag-claim"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onTag('claim')}
      >
        Claim <kbd>C</kbd>
      </button>
      <button
        type="button"
        className="tag-quote"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onTag('quote')}
      >
        Quote <kbd>Q</kbd>
      </button>
    </div>
  );
}
