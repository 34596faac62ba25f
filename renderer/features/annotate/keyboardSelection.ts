import { offsetToDomPoint, type DomTextMap } from './domOffsets';

/**
 * Keyboard selection in the read-only viewer. Browsers move no caret in non-editable text, so
 * Shift+arrows (Ctrl/Alt+Shift for words, Shift+Home/End for lines) extend the DOM selection
 * with Selection.modify, starting at the top of the article when nothing is selected yet.
 */
export function handleSelectionKeys(
  e: KeyboardEvent,
  map: DomTextMap,
  // The map once the article's start is in the document (a long article may have emptied it).
  mapAtStart: () => DomTextMap | null = () => map,
): void {
  if (!e.shiftKey) return;
  const moves: Record<string, [direction: 'forward' | 'backward', granularity: string]> = {
    ArrowRight: ['forward', e.ctrlKey || e.altKey || e.metaKey ? 'word' : 'character'],
    ArrowLeft: ['backward', e.ctrlKey || e.altKey || e.metaKey ? 'word' : 'character'],
    ArrowDown: ['forward', 'line'],
    ArrowUp: ['backward', 'line'],
    End: ['forward', 'lineboundary'],
    Home: ['backward', 'lineboundary'],
  };
  const move = moves[e.key];
  const selection = window.getSelection();
  if (!move || !selection) return;
  e.preventDefault();
  if (selection.rangeCount === 0 || !map.root.contains(selection.anchorNode)) {
    const start = offsetToDomPoint(mapAtStart() ?? map, 0);
    selection.collapse(start.node, start.offset);
  }
  (
    selection as Selection & { modify(alter: string, direction: string, granularity: string): void }
  ).modify('extend', move[0], move[1]);
}
