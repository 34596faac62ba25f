import type { DomTextMap } from './domOffsets';

/**
 * The viewers on screen, so app-wide keys (C, Q) and the floating toolbar can find the viewer
 * that holds the editor's text selection, in the single view and in every review column.
 */
export interface ViewerHandle {
  viewerId: string;
  articleId: string;
  map: () => DomTextMap | null;
  /**
   * The map once the text at these offsets is in the document: a long article holds only the
   * sections near the screen (sectionWindow.ts) and fills theirs first.
   */
  reveal: (...offsets: number[]) => DomTextMap | null;
  /** Brings an offset's text on screen (filling its section first). */
  scrollToOffset: (offset: number) => void;
}

const viewers = new Map<string, ViewerHandle>();

export function registerViewer(handle: ViewerHandle): () => void {
  viewers.set(handle.viewerId, handle);
  return () => {
    if (viewers.get(handle.viewerId) === handle) viewers.delete(handle.viewerId);
  };
}

export function viewerContaining(node: Node | null): ViewerHandle | null {
  if (!node) return null;
  for (const v of viewers.values()) if (v.map()?.root.contains(node)) return v;
  return null;
}

export function viewersForArticle(articleId: string): ViewerHandle[] {
  return [...viewers.values()].filter((v) => v.articleId === articleId);
}

/**
 * The viewer of an article once it has rendered its text: after a view switch or opening an
 * article, viewers mount over the next few frames. Resolves null if none appears in time.
 */
export async function whenViewerReady(
  articleId: string,
  frames = 120,
): Promise<ViewerHandle | null> {
  for (let i = 0; i <= frames; i++) {
    const viewer = viewersForArticle(articleId).find((v) => v.map());
    if (viewer) return viewer;
    await new Promise((r) => requestAnimationFrame(r));
  }
  return null;
}
