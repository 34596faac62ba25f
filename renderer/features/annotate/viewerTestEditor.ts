import { createEditor, type LexicalEditor } from 'lexical';
import { VIEWER_NODES } from './buildDocument';

/**
 * For tests (jsdom): a read-only editor with the viewer's nodes, rendering into a fresh root
 * that replaces the test document's body. Errors are thrown, not logged.
 */
export function viewerTestEditor(): { editor: LexicalEditor; root: HTMLElement } {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const editor = createEditor({
    namespace: 'test',
    nodes: VIEWER_NODES,
    editable: false,
    onError: (e) => {
      throw e;
    },
  });
  editor.setRootElement(root);
  return { editor, root };
}
