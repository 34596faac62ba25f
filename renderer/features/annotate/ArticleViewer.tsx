import { useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { Annotation, Article } from '../../../shared/model/types';
import { paragraphsOf } from '../../../shared/text/canonical';
import { paragraphSpans } from '../../../shared/text/paragraphMap';
import {
  createDomTextMap,
  offsetAtPoint,
  offsetToDomPoint,
  rangeForOffsets,
  type DomTextMap,
} from './domOffsets';
import {
  clearViewerHighlights,
  groupHighlightName,
  HIGHLIGHT_NAMES,
  setViewerHighlights,
} from './highlightPainter';
import { registerViewer } from './viewerRegistry';
import { annotationsAt } from './annotationsAt';
import { handleSelectionKeys } from './keyboardSelection';

export interface ArticleViewerProps {
  viewerId: string;
  article: Article;
  /** This article's annotations. */
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** Review mode: the colour slot of an annotation's group, painted over its kind colour. */
  groupColour?: (annotation: Annotation) => number | null;
  /** Annotations to mark as followed across review columns. */
  focusIds?: readonly string[];
  /** Click on text covered by annotations: their ids, innermost first. */
  onHit: (ids: string[]) => void;
}

/** Builds the read-only document: one paragraph node per canonical paragraph, text unsplit. */
function $buildArticle(text: string): void {
  const root = $getRoot();
  root.clear();
  for (const paragraph of paragraphsOf(text)) {
    root.append($createParagraphNode().append($createTextNode(paragraph)));
  }
}

const theme = { paragraph: 'viewer-paragraph' };

export function ArticleViewer(props: ArticleViewerProps) {
  const { article } = props;
  const initialConfig = useMemo(
    () => ({
      namespace: 'corroborate-viewer',
      editable: false,
      theme,
      onError(error: Error) {
        throw error;
      },
      editorState: () => $buildArticle(article.text),
    }),
    [article.text],
  );
  return (
    <LexicalComposer key={`${article.id}:${article.sha256}`} initialConfig={initialConfig}>
      <div className="viewer" data-testid="article-viewer" data-article-id={article.id}>
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="viewer-content"
              aria-label={`Article: ${article.title}`}
              aria-readonly
              tabIndex={0}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <ViewerBridge {...props} />
      </div>
    </LexicalComposer>
  );
}

/** Connects the rendered Lexical DOM to our offset map, highlights, clicks and keys. */
function ViewerBridge({
  viewerId,
  article,
  annotations,
  selectedId,
  groupColour,
  focusIds,
  onHit,
}: ArticleViewerProps) {
  const [editor] = useLexicalComposerContext();
  const spans = useMemo(() => paragraphSpans(article.text), [article.text]);
  const [map, setMap] = useState<DomTextMap | null>(null);
  const mapRef = useRef<DomTextMap | null>(null);
  useEffect(() => {
    mapRef.current = map;
  }, [map]);

  // The map is ready once Lexical has rendered every paragraph into the root element.
  useEffect(() => {
    const refresh = () => {
      const root = editor.getRootElement();
      const next = root ? createDomTextMap(root, spans) : null;
      setMap((prev) =>
        prev &&
        next &&
        prev.root === next.root &&
        prev.paragraphs.every((p, i) => p === next.paragraphs[i])
          ? prev
          : next,
      );
    };
    refresh();
    const offRoot = editor.registerRootListener(refresh);
    const offUpdate = editor.registerUpdateListener(refresh);
    return () => {
      offRoot();
      offUpdate();
    };
  }, [editor, spans]);

  useEffect(
    () =>
      registerViewer({
        viewerId,
        articleId: article.id,
        map: () => mapRef.current,
        scrollToOffset(offset) {
          const m = mapRef.current;
          if (!m) return;
          const point = offsetToDomPoint(m, offset);
          const el = point.node instanceof Element ? point.node : point.node.parentElement;
          el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        },
      }),
    [viewerId, article.id],
  );

  // Paint: kind colours, group colours (review), followed members, the selection.
  useEffect(() => {
    if (!map) return;
    const byName = new Map<string, AbstractRange[]>();
    const add = (name: string, range: AbstractRange) => {
      const list = byName.get(name);
      if (list) list.push(range);
      else byName.set(name, [range]);
    };
    const focus = new Set(focusIds ?? []);
    for (const a of annotations) {
      const range = rangeForOffsets(map, a.position.start, a.position.end);
      add(a.kind === 'quote' ? HIGHLIGHT_NAMES.quote : HIGHLIGHT_NAMES.claim, range);
      const colour = groupColour?.(a);
      if (colour != null) add(groupHighlightName(colour), range);
      if (focus.has(a.id)) add(HIGHLIGHT_NAMES.focus, range);
      if (a.id === selectedId) add(HIGHLIGHT_NAMES.selected, range);
    }
    setViewerHighlights(viewerId, byName);
  }, [map, annotations, selectedId, groupColour, focusIds, viewerId]);

  useEffect(() => () => clearViewerHighlights(viewerId), [viewerId]);

  // Clicks and hover on highlights: hit-test the character under the pointer.
  useEffect(() => {
    if (!map) return;
    const root = map.root;
    let frame = 0;
    const hit = (e: MouseEvent) => {
      const offset = offsetAtPoint(map, e.clientX, e.clientY);
      return offset == null ? [] : annotationsAt(annotations, offset);
    };
    const onClick = (e: MouseEvent) => {
      // A drag that selected text is a selection, not a click on a highlight.
      if (!window.getSelection()?.isCollapsed) return;
      onHit(hit(e).map((a) => a.id));
    };
    const onMove = (e: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        root.style.cursor = hit(e).length ? 'pointer' : '';
      });
    };
    const onKey = (e: KeyboardEvent) => handleSelectionKeys(e, map);
    root.addEventListener('click', onClick);
    root.addEventListener('mousemove', onMove);
    root.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('click', onClick);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('keydown', onKey);
    };
  }, [map, annotations, onHit]);

  return null;
}
