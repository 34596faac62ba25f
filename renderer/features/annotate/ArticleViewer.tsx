import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { Annotation, Article } from '../../../shared/model/types';
import { offsetToPoint, spansOfLines } from '../../../shared/text/paragraphMap';
import { usableStructure } from '../../../shared/structure/validate';
import { $appendLines, documentPlan, VIEWER_NODES, type DocumentPlan } from './buildDocument';
import { SectionWindow } from './sectionWindow';
import { handleLinkClick } from './viewerLinks';
import './articleStructure.css';
import {
  createDomTextMap,
  offsetAtPoint,
  offsetsHidden,
  offsetToDomPoint,
  staticRangeForOffsets,
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
import { spanIndexFor, spansOverlapping } from './spanIndex';
import { PAINT_ALL_LIMIT } from './paintLimit';
import { offsetsNearScreen } from './highlightWindow';
import { nextTask } from '../../components/slices';

/**
 * An article longer than this is long: its document is windowed in sections (sectionWindow.ts),
 * only those near the screen holding their lines; shorter ones (every sample article) are built
 * whole, with the lines as the root's children.
 */
export const LONG_ARTICLE_CHARS = 100_000;

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
  /** The annotations by id, when the caller has it already (the reading view prepares it). */
  byId?: ReadonlyMap<string, Annotation>;
  /** Click on text covered by annotations: their ids, innermost first. */
  onHit: (ids: string[]) => void;
}

const theme = {
  paragraph: 'viewer-paragraph',
  heading: {
    h1: 'viewer-h1',
    h2: 'viewer-h2',
    h3: 'viewer-h3',
    h4: 'viewer-h4',
    h5: 'viewer-h5',
    h6: 'viewer-h6',
  },
  quote: 'viewer-quote',
  list: {
    ul: 'viewer-ul',
    ol: 'viewer-ol',
    listitem: 'viewer-li',
    nested: { listitem: 'viewer-li-nested' },
  },
  link: 'viewer-link',
  table: 'viewer-table',
  tableCell: 'viewer-td',
  tableCellHeader: 'viewer-th',
  text: { bold: 'viewer-bold', italic: 'viewer-italic' },
};

export function ArticleViewer(props: ArticleViewerProps) {
  const { article } = props;
  const structure = usableStructure(article.text, article.structure);
  // The element key of each canonical line of a short article, filled as Lexical builds it.
  const lineKeys = useRef<string[]>([]);
  const long = article.text.length > LONG_ARTICLE_CHARS;
  const plan = useMemo(
    () => documentPlan(article.text, structure),
    // Text and structure never change for one article (the composer is keyed by its sha256).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [article.text],
  );
  const sections = useMemo(() => (long ? new SectionWindow(plan) : null), [plan, long]);
  const initialConfig = useMemo(
    () => ({
      namespace: 'corroborate-viewer',
      editable: false,
      theme,
      nodes: VIEWER_NODES,
      onError(error: Error) {
        throw error;
      },
      editorState: () => {
        lineKeys.current = [];
        // A long article starts as stubs with its first section filled; the window does the rest.
        if (sections) sections.$build();
        else $appendLines(plan, 0, Infinity, lineKeys.current);
      },
    }),
    [plan, sections],
  );
  // A long article's plan (every line of megabytes of text) is made in this render and the
  // editor is mounted in the next task: both in one task were over 100 ms for 50 MB.
  const [mountedPlan, setMountedPlan] = useState<DocumentPlan | null>(null);
  useEffect(() => {
    if (!long) return;
    let live = true;
    void nextTask().then(() => live && setMountedPlan(plan));
    return () => {
      live = false;
    };
  }, [plan, long]);
  if (long && mountedPlan !== plan) {
    return (
      <div className="viewer viewer-long" data-testid="article-viewer" data-article-id={article.id}>
        <p className="viewer-progress muted" role="status" data-testid="viewer-progress">
          Showing the article…
        </p>
      </div>
    );
  }
  return (
    <LexicalComposer key={`${article.id}:${article.sha256}`} initialConfig={initialConfig}>
      <div
        className={long ? 'viewer viewer-long' : 'viewer'}
        data-testid="article-viewer"
        data-article-id={article.id}
      >
        {sections && <SectionWindowPlugin sections={sections} />}
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
        <ViewerBridge {...props} lines={plan.lines} lineKeys={lineKeys} sections={sections} />
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
  byId: givenById,
  onHit,
  lines,
  lineKeys,
  sections,
}: ArticleViewerProps & {
  lines: readonly string[];
  lineKeys: { readonly current: string[] };
  sections: SectionWindow | null;
}) {
  const [editor] = useLexicalComposerContext();
  const spans = useMemo(() => spansOfLines(lines), [lines]);
  const [map, setMap] = useState<DomTextMap | null>(null);
  // Kept current at every update, not at the next render: a jump fills a section and reads the
  // map in the same task.
  const mapRef = useRef<DomTextMap | null>(null);

  // The map is ready once Lexical has rendered every line (or its section's stub).
  useEffect(() => {
    const refresh = () => {
      const root = editor.getRootElement();
      if (!root) return;
      const prev = mapRef.current;
      if (sections) {
        // The same map until a section fills or empties.
        mapRef.current = sections.domTextMap(editor, root, spans);
      } else {
        if (lineKeys.current.length !== spans.length) return;
        const lines = lineKeys.current.map((k) => editor.getElementByKey(k));
        const next = createDomTextMap(root, spans, lines);
        mapRef.current =
          prev &&
          next &&
          prev.root === next.root &&
          prev.paragraphs.every((p, i) => p === next.paragraphs[i])
            ? prev
            : next;
      }
      setMap(mapRef.current);
    };
    refresh();
    const offRoot = editor.registerRootListener(refresh);
    const offUpdate = editor.registerUpdateListener(refresh);
    return () => {
      offRoot();
      offUpdate();
    };
  }, [editor, spans, lineKeys, sections]);

  // The map once the lines of these offsets are in the document (a long article fills their
  // sections first, in this task).
  const reveal = useCallback(
    (...offsets: number[]) => {
      sections?.reveal(
        editor,
        offsets.map((o) => offsetToPoint(spans, o).paragraph),
      );
      return mapRef.current;
    },
    [editor, sections, spans],
  );

  useEffect(
    () =>
      registerViewer({
        viewerId,
        articleId: article.id,
        map: () => mapRef.current,
        reveal,
        scrollToOffset(offset) {
          const m = reveal(offset);
          if (!m) return;
          const point = offsetToDomPoint(m, offset);
          const el = point.node instanceof Element ? point.node : point.node.parentElement;
          if (!el) return;
          // A far jump is instant: a smooth one would pass (and fill) every section between.
          const box = el.getBoundingClientRect();
          const far = box.bottom < -window.innerHeight || box.top > 2 * window.innerHeight;
          el.scrollIntoView({ block: 'center', behavior: far ? 'auto' : 'smooth' });
        },
      }),
    [viewerId, article.id, reveal],
  );

  // Paint: kind colours, group colours (review), followed members, the selection. Beyond
  // PAINT_ALL_LIMIT annotations only those near the screen, again whenever the view scrolls.
  // Both are made ahead of the render by the reading view (prepareAnnotations.ts) for 100,000
  // rows; review columns hold fewer and make them here.
  const index = useMemo(
    () => (annotations.length > PAINT_ALL_LIMIT ? spanIndexFor(annotations) : null),
    [annotations],
  );
  const byId = useMemo(
    () =>
      givenById ??
      (index ? new Map(annotations.map((a) => [a.id, a])) : new Map<string, Annotation>()),
    [annotations, index, givenById],
  );
  useEffect(() => {
    if (!map) return;
    const paint = () => {
      const byName = new Map<string, AbstractRange[]>();
      const add = (name: string, range: AbstractRange) => {
        const list = byName.get(name);
        if (list) list.push(range);
        else byName.set(name, [range]);
      };
      const focus = new Set(focusIds ?? []);
      let shown: readonly Annotation[] = annotations;
      if (index) {
        const near = offsetsNearScreen(map);
        const nearRows = spansOverlapping(index, near.from, near.to);
        // The selection and followed members are painted wherever they are.
        const nearIds = new Set(nearRows.map((a) => a.id));
        const pinned = [...focus, ...(selectedId ? [selectedId] : [])]
          .filter((id) => !nearIds.has(id))
          .map((id) => byId.get(id))
          .filter((a): a is Annotation => a !== undefined);
        shown = [...nearRows, ...pinned];
      }
      for (const a of shown) {
        // Far in a long article: painted once its section is filled (the map changes then).
        if (offsetsHidden(map, a.position.start, a.position.end)) continue;
        const range = staticRangeForOffsets(map, a.position.start, a.position.end);
        add(a.kind === 'quote' ? HIGHLIGHT_NAMES.quote : HIGHLIGHT_NAMES.claim, range);
        const colour = groupColour?.(a);
        if (colour != null) add(groupHighlightName(colour), range);
        if (focus.has(a.id)) add(HIGHLIGHT_NAMES.focus, range);
        if (a.id === selectedId) add(HIGHLIGHT_NAMES.selected, range);
      }
      setViewerHighlights(viewerId, byName);
    };
    paint();
    if (!index) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    };
    // Scroll events do not bubble; capturing on the document sees every scrolling ancestor.
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [map, annotations, index, byId, selectedId, groupColour, focusIds, viewerId]);

  useEffect(() => () => clearViewerHighlights(viewerId), [viewerId]);

  // Clicks and hover on highlights: hit-test the character under the pointer.
  useEffect(() => {
    if (!map) return;
    const root = map.root;
    let frame = 0;
    const hit = (e: MouseEvent) => {
      const offset = offsetAtPoint(map, e.clientX, e.clientY);
      if (offset == null) return [];
      // With many rows, only those the index finds at this character, not a scan of all.
      return annotationsAt(
        index ? spansOverlapping(index, offset, offset + 1) : annotations,
        offset,
      );
    };
    const onClick = (e: MouseEvent) => {
      // Links never navigate the app window: the address is shown and opened only on request.
      if (handleLinkClick(e, root)) return;
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
    const onKey = (e: KeyboardEvent) => handleSelectionKeys(e, map, () => reveal(0));
    const onAuxClick = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.('a')) e.preventDefault();
    };
    root.addEventListener('click', onClick);
    root.addEventListener('auxclick', onAuxClick);
    root.addEventListener('mousemove', onMove);
    root.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('click', onClick);
      root.removeEventListener('auxclick', onAuxClick);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('keydown', onKey);
    };
  }, [map, annotations, index, onHit, reveal]);

  return null;
}

/** Keeps a long article's sections near the screen filled, for as long as its root is rendered. */
function SectionWindowPlugin({ sections }: { sections: SectionWindow }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let detach = () => {};
    let current: HTMLElement | null = null;
    const offRoot = editor.registerRootListener((root) => {
      detach();
      detach = () => {};
      current = root;
      // In the next task: attaching reads styles (the scroller), which would lay out the new
      // document inside the task that just built it.
      if (root)
        void nextTask().then(() => {
          if (current === root) detach = sections.attach(editor, root);
        });
    });
    return () => {
      current = null;
      offRoot();
      detach();
    };
  }, [editor, sections]);
  return null;
}
