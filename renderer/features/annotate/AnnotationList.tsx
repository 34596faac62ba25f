import type { Annotation } from '../../../shared/model/types';
import { selectAnnotation } from '../../state/uiState';
import { viewersForArticle } from './viewerRegistry';

/** Every annotation of the open article, in text order; a click jumps to it. */
export function AnnotationList({
  annotations,
  selectedId,
}: {
  annotations: readonly Annotation[];
  selectedId: string | null;
}) {
  if (annotations.length === 0) {
    return (
      <div className="empty-state" data-testid="annotations-empty">
        <p>No annotations yet.</p>
        <p>
          Select text, then press <kbd>C</kbd> for a claim or <kbd>Q</kbd> for a quote.
        </p>
      </div>
    );
  }
  return (
    <ol
      className="annotation-list"
      data-testid="annotation-list"
      aria-label="Annotations in text order"
    >
      {annotations.map((a) => (
        <li key={a.id}>
          <button
            type="button"
            className={`annotation-item kind-${a.kind}${a.id === selectedId ? ' active' : ''}`}
            data-testid="annotation-item"
            data-kind={a.kind}
            onClick={() => {
              selectAnnotation(a.id);
              for (const v of viewersForArticle(a.articleId)) v.scrollToOffset(a.position.start);
            }}
          >
            <span className={`kind-badge kind-${a.kind}`}>{a.kind}</span>
            {a.speaker && <span className="speaker">{a.speaker}:</span>}
            <span className="annotation-text">{a.quote.exact}</span>
            {a.note && <span className="annotation-note">{a.note}</span>}
            {/* In a shared story, who made it (null for single-user work). */}
            {a.author && (
              <span className="annotation-author" data-testid="annotation-author">
                {a.author}
              </span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}
