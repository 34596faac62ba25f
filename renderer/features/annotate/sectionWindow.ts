import {
  $getNodeByKey,
  $getRoot,
  mergeRegister,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
} from 'lexical';
import type { ParagraphSpan } from '../../../shared/text/paragraphMap';
import { $appendLines, type DocumentPlan } from './buildDocument';
import type { DomTextMap } from './domOffsets';
import { $createSectionNode, $isSectionNode } from './sectionNode';
import {
  planSections,
  PX_PER_CHAR_VAR,
  SCALE_VAR,
  sectionOfLine,
  stubMetrics,
  windowStep,
  type SectionSpan,
} from './sectionWindowPlan';

/**
 * Characters per section of a long article: ~10 screens of text. Small enough that filling one
 * (a Lexical update, its DOM and layout) stays a few milliseconds; large enough that a 50 MB
 * article is ~1,700 stubs: at 10,000 characters its 5,000 stubs cost 50-80 ms of style and
 * layout when the document was made, and every frame's intersections and paint grew with them.
 */
export const SECTION_CHARS = 30_000;
/**
 * How far around the scroller's box sections are filled: 1.5 of its heights above and below,
 * so a wheel turn or a page down lands on text already there.
 */
const NEAR_MARGIN = '150% 0px';
/** Sections filled per step: one small Lexical update per frame. */
const FILL_PER_STEP = 1;

/**
 * A long article's document, windowed: every section is a SectionNode, but only those near the
 * screen (IntersectionObserver), the ones holding the text selection, and the target of the
 * last jump hold their lines; the rest are empty stubs as tall as their text (measured once
 * filled, estimated before). Lexical copies its node map at every update, so the document must
 * stay a few thousand nodes: for 50 MB, whole, each update cost 40-75 ms.
 */
export class SectionWindow {
  readonly sections: SectionSpan[];
  private sectionKeys: string[] = [];
  /** The line element keys of each filled section, in line order. */
  private lineKeys = new Map<number, string[]>();
  /** Border-box heights of sections seen filled (ResizeObserver), in px. */
  private readonly measured = new Map<number, number>();
  private readonly near = new Set<number>();
  private jumpPins = new Set<number>();
  private selectionPins = new Set<number>();
  /** The offset map last made, and its parts as they are now (see domTextMap). */
  private map: DomTextMap | null = null;
  private readonly mapParts = {
    root: null as HTMLElement | null,
    lines: [] as HTMLElement[],
    index: new Map<Node, number>(),
    stubs: new Set<HTMLElement>(),
  };
  /** Sections filled or emptied since the map was made; null: make it whole. */
  private stale: Set<number> | null = null;
  /** While attached to the rendered document: wake the window, watch filled sections' size. */
  private live: { schedule: () => void; resize: ResizeObserver; elements: HTMLElement[] } | null =
    null;

  constructor(
    private readonly plan: DocumentPlan,
    sectionChars = SECTION_CHARS,
  ) {
    this.sections = planSections(plan, sectionChars);
  }

  /** In the editor's first update: every section as a stub, then the first one filled. */
  $build(): void {
    this.sectionKeys = [];
    this.lineKeys = new Map();
    this.map = null;
    this.stale = null;
    const root = $getRoot();
    for (const s of this.sections) {
      const node = $createSectionNode(s.chars);
      root.append(node);
      this.sectionKeys.push(node.getKey());
    }
    if (this.sections.length) this.$fill(0);
  }

  private $fill(i: number): void {
    const node = $getNodeByKey(this.sectionKeys[i]!);
    if (!$isSectionNode(node) || this.lineKeys.has(i)) return;
    const s = this.sections[i]!;
    const keys: string[] = [];
    $appendLines(this.plan, s.from, Infinity, keys, node, s.to);
    node.setFilled(true);
    this.lineKeys.set(i, keys);
    this.changed(i);
  }

  private $empty(i: number): void {
    const node = $getNodeByKey(this.sectionKeys[i]!);
    if (!$isSectionNode(node) || !this.lineKeys.has(i)) return;
    node.clear();
    node.setFilled(false, this.measured.get(i) ?? null);
    this.lineKeys.delete(i);
    this.changed(i);
  }

  private changed(i: number): void {
    this.stale?.add(i);
    this.map = null;
  }

  /** One small update: empty, then fill; the filled sections' sizes are watched from now on. */
  apply(editor: LexicalEditor, fill: readonly number[], empty: readonly number[]): void {
    editor.update(
      () => {
        for (const i of empty) this.$empty(i);
        for (const i of fill) this.$fill(i);
      },
      // Filling is not editing: never move or scroll to the DOM selection for it.
      { discrete: true, tag: [SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] },
    );
    const live = this.live;
    if (!live) return;
    for (const i of empty) live.resize.unobserve(live.elements[i]!);
    for (const i of fill) live.resize.observe(live.elements[i]!);
  }

  isFilled(section: number): boolean {
    return this.lineKeys.has(section);
  }

  /**
   * The offset map (domOffsets.ts): each line's element, or for the lines of a stub the stub's
   * element; null while the editor has not rendered them. Patched for the sections filled or
   * emptied since the last one (a few), not remade for every line of the article at each step.
   */
  domTextMap(editor: LexicalEditor, root: HTMLElement, spans: readonly ParagraphSpan[]) {
    const m = this.mapParts;
    if (this.map?.root === root && this.map.spans === spans) return this.map;
    const whole = !this.stale || m.root !== root;
    if (whole) {
      m.root = root;
      m.lines = new Array<HTMLElement>(this.plan.lines.length);
      m.index.clear();
      m.stubs.clear();
    }
    const redo = whole ? this.sections.keys() : this.stale!.values();
    for (const i of redo) {
      if (!this.place(editor, i)) {
        this.stale = null;
        return null;
      }
    }
    this.stale = new Set();
    // A new snapshot: maps already handed out stay as they were.
    this.map = {
      root,
      spans,
      paragraphs: m.lines.slice(),
      index: new Map(m.index),
      stubs: new Set(m.stubs),
    };
    return this.map;
  }

  /** Puts section `i`'s current elements in the map's parts; false if one is not rendered. */
  private place(editor: LexicalEditor, i: number): boolean {
    const { lines, index, stubs } = this.mapParts;
    const s = this.sections[i]!;
    const before = lines[s.from];
    if (before && stubs.delete(before)) index.delete(before);
    else if (before) for (let l = s.from; l < s.to; l++) index.delete(lines[l]!);
    const keys = this.lineKeys.get(i);
    if (keys) {
      for (let k = 0; k < keys.length; k++) {
        const el = editor.getElementByKey(keys[k]!);
        if (!el) return false;
        lines[s.from + k] = el;
        index.set(el, s.from + k);
      }
    } else {
      const el = editor.getElementByKey(this.sectionKeys[i]!);
      if (!el) return false;
      stubs.add(el);
      index.set(el, s.from);
      lines.fill(el, s.from, s.to);
    }
    return true;
  }

  /**
   * Fills the sections of these lines now, in one update, and keeps them filled until the next
   * reveal: a jump to an annotation or a search hit far away must find its text in the document
   * before it scrolls there (the rest around it follows as the observer sees it).
   */
  reveal(editor: LexicalEditor, lines: readonly number[]): void {
    this.jumpPins = new Set(lines.map((l) => sectionOfLine(this.sections, l)));
    const missing = [...this.jumpPins].filter((i) => !this.lineKeys.has(i));
    if (missing.length) this.apply(editor, missing, []);
    this.live?.schedule();
  }

  /**
   * Starts windowing the rendered document under `root`: observers for nearness and size, the
   * selection's sections pinned. Returns the cleanup.
   */
  attach(editor: LexicalEditor, root: HTMLElement): () => void {
    const elements = this.sectionKeys.map((k) => editor.getElementByKey(k));
    if (elements.some((el) => !el)) return () => {};
    const sectionEls = elements as HTMLElement[];
    const indexOf = new Map<Element, number>(sectionEls.map((el, i) => [el, i]));
    let frame = 0;
    const step = () => {
      frame = 0;
      const { fill, empty, more } = windowStep(
        {
          near: this.near,
          pinned: new Set([...this.jumpPins, ...this.selectionPins]),
          filled: new Set(this.lineKeys.keys()),
        },
        FILL_PER_STEP,
      );
      if (fill.length || empty.length) this.apply(editor, fill, empty);
      if (more) schedule();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(step);
    };

    // Stubs are drawn at the measured ratio: every one moves at once through the CSS variables.
    let ratio = 0;
    const restyle = () => {
      const next = stubMetrics(this.sections, this.measured);
      if (Math.abs(next.pxPerChar - ratio) <= ratio * 0.01) return;
      ratio = next.pxPerChar;
      root.style.setProperty(PX_PER_CHAR_VAR, `${next.pxPerChar}px`);
      root.style.setProperty(SCALE_VAR, String(next.scale));
    };
    restyle();
    const resize = new ResizeObserver((entries) => {
      for (const e of entries) {
        const i = indexOf.get(e.target);
        if (i === undefined || !this.lineKeys.has(i)) continue;
        this.measured.set(i, e.borderBoxSize[0]?.blockSize ?? e.contentRect.height);
      }
      restyle();
    });
    for (const i of this.lineKeys.keys()) resize.observe(sectionEls[i]!);

    // rootMargin grows the root's box only: with the viewport as root, the scroller would clip
    // every section below its edge, so the root is the scroller itself.
    const near = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const i = indexOf.get(e.target);
          if (i === undefined) continue;
          if (e.isIntersecting) this.near.add(i);
          else this.near.delete(i);
        }
        schedule();
      },
      { root: scrollParent(root), rootMargin: NEAR_MARGIN },
    );
    for (const el of sectionEls) near.observe(el);

    // Emptying the section that holds an end of the selection would drop the selection.
    const sectionOf = (node: Node | null | undefined) => {
      for (let n = node; n && n !== root; n = n.parentNode) {
        if (n.parentNode === root) return indexOf.get(n as Element);
      }
      return undefined;
    };
    const onSelection = () => {
      const selection = document.getSelection();
      const pins = new Set<number>();
      for (const node of [selection?.anchorNode, selection?.focusNode]) {
        const i = sectionOf(node);
        if (i !== undefined) pins.add(i);
      }
      if (
        pins.size === this.selectionPins.size &&
        [...pins].every((i) => this.selectionPins.has(i))
      )
        return;
      this.selectionPins = pins;
      schedule();
    };
    document.addEventListener('selectionchange', onSelection);

    this.live = { schedule, resize, elements: sectionEls };
    return mergeRegister(
      () => near.disconnect(),
      () => resize.disconnect(),
      () => cancelAnimationFrame(frame),
      () => document.removeEventListener('selectionchange', onSelection),
      () => {
        this.live = null;
        this.near.clear();
        root.style.removeProperty(PX_PER_CHAR_VAR);
        root.style.removeProperty(SCALE_VAR);
      },
    );
  }
}

/** The nearest ancestor that scrolls, or null for the document. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return p;
  }
  return null;
}
