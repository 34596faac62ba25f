import type { AnnotationKind } from '../../../shared/model/types';
import { trimRange } from '../../../shared/anchoring/selectors';
import { selectionOffsets } from './domOffsets';
import { viewerContaining } from './viewerRegistry';
import { createAnnotation } from './annotationOps';
import { selectAnnotation } from '../../state/uiState';
import { notify, reportError } from '../../components/toasts';
import { articleForText } from '../../state/liveArticles';

/** The editor's current text selection, resolved to an article and canonical offsets. */
export interface PendingSpan {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Reads the DOM selection (the read-only editor does not track one) and maps it to canonical
 * offsets of the viewer that holds it. Leading/trailing white space is trimmed.
 */
export async function readPendingSpan(): Promise<PendingSpan | null> {
  const selection = window.getSelection();
  const viewer =
    viewerContaining(selection?.anchorNode ?? null) ??
    viewerContaining(selection?.focusNode ?? null);
  const map = viewer?.map();
  if (!viewer || !map) return null;
  const raw = selectionOffsets(map, selection);
  const article = await articleForText(viewer.articleId);
  if (!raw || !article) return null;
  const span = trimRange(article.text, raw.start, raw.end);
  return span
    ? { articleId: article.id, ...span, text: article.text.slice(span.start, span.end) }
    : null;
}

export async function tagSpan(
  span: PendingSpan,
  kind: AnnotationKind,
  speaker: string | null = null,
): Promise<void> {
  // Clear the selection now, not after the write: the editor may already be selecting the
  // next span by the time IndexedDB commits.
  window.getSelection()?.removeAllRanges();
  try {
    const article = await articleForText(span.articleId);
    if (!article) throw new Error('the article was deleted');
    const annotation = await createAnnotation(article, {
      kind,
      start: span.start,
      end: span.end,
      speaker,
    });
    selectAnnotation(annotation.id);
    notify(
      'info',
      kind === 'quote' ? `Quote tagged${speaker ? ` (${speaker})` : ''}.` : 'Claim tagged.',
    );
  } catch (e) {
    reportError(`Tagging the ${kind}`, e);
  }
}
