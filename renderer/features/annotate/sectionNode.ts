import {
  ElementNode,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { stubHeight } from './sectionWindowPlan';

type SerializedSectionNode = Spread<{ chars: number }, SerializedElementNode>;

/**
 * A run of consecutive lines of a long article (about SECTION_CHARS of text), rendered as one
 * `div.viewer-section`. Only the sections near the screen hold their lines (filled); the others
 * are empty stubs as tall as their text would be (sectionWindow.ts), so the Lexical document of
 * a 50 MB article holds a few thousand nodes instead of 200,000. Short articles have no sections.
 */
export class SectionNode extends ElementNode {
  /** Characters of canonical text in this section: a stub's height is estimated from them. */
  __chars: number;
  /** Height last measured while filled, kept for when it is a stub again; else null. */
  __measuredPx: number | null = null;
  /** Whether its lines are in the document; a stub (false) is an empty div of reserved height. */
  __filled = false;

  static override getType(): string {
    return 'cb-section';
  }
  static override clone(node: SectionNode): SectionNode {
    return new SectionNode(node.__chars, node.__key);
  }
  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__measuredPx = prevNode.__measuredPx;
    this.__filled = prevNode.__filled;
  }
  static override importJSON(json: SerializedSectionNode): SectionNode {
    return $createSectionNode(json.chars);
  }
  constructor(chars = 0, key?: NodeKey) {
    super(key);
    this.__chars = chars;
  }
  override exportJSON(): SerializedSectionNode {
    return { ...super.exportJSON(), type: 'cb-section', version: 1, chars: this.__chars };
  }
  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    this.paint(div);
    return div;
  }
  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__filled !== this.__filled || prevNode.__measuredPx !== this.__measuredPx)
      this.paint(dom);
    return false;
  }
  private paint(div: HTMLElement): void {
    div.className = this.__filled ? 'viewer-section' : 'viewer-section viewer-section-stub';
    div.style.height = this.__filled ? '' : stubHeight(this.__chars, this.__measuredPx);
  }
  // Holds whole blocks (paragraphs, lists, tables), like the root.
  override isShadowRoot(): boolean {
    return true;
  }
  isFilled(): boolean {
    return this.getLatest().__filled;
  }
  /** Filled: its height is its content's. A stub: `measuredPx` if known, else the estimate. */
  setFilled(filled: boolean, measuredPx: number | null = null): this {
    const self = this.getWritable();
    self.__filled = filled;
    if (measuredPx != null) self.__measuredPx = measuredPx;
    return self;
  }
}

export function $createSectionNode(chars = 0): SectionNode {
  return new SectionNode(chars);
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
