import { ElementNode, type LexicalNode, type NodeKey, type SerializedElementNode } from 'lexical';

/**
 * A run of consecutive lines of a long article (about SECTION_CHARS of text), rendered as one
 * `div.viewer-section`. The browser skips laying out sections off screen (content-visibility),
 * so a 50 MB article costs layout for a few sections, not for 100,000 paragraphs, and the root
 * has hundreds of children instead of 100,000. Short articles have no sections.
 */
export class SectionNode extends ElementNode {
  static override getType(): string {
    return 'cb-section';
  }
  static override clone(node: SectionNode): SectionNode {
    return new SectionNode(node.__key);
  }
  static override importJSON(): SectionNode {
    return $createSectionNode();
  }
  constructor(key?: NodeKey) {
    super(key);
  }
  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'cb-section', version: 1 };
  }
  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'viewer-section';
    return div;
  }
  override updateDOM(): boolean {
    return false;
  }
  // Holds whole blocks (paragraphs, lists, tables), like the root.
  override isShadowRoot(): boolean {
    return true;
  }
}

export function $createSectionNode(): SectionNode {
  return new SectionNode();
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
