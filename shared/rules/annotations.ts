import { makeSelectors } from '../anchoring/selectors';
import { annotationDefaults } from '../model/defaults';
import type { Annotation, AnnotationKind, Article } from '../model/types';

export interface NewAnnotation {
  kind: AnnotationKind;
  start: number;
  end: number;
  speaker?: string | null;
  note?: string;
}

/** A new annotation on `article` (not yet stored): selectors from the text, speaker only for quotes. */
export function buildAnnotation(
  article: Article,
  input: NewAnnotation,
  now = Date.now(),
  id: string = crypto.randomUUID(),
): Annotation {
  const { position, quote } = makeSelectors(article.text, input.start, input.end);
  return {
    ...annotationDefaults(),
    id,
    articleId: article.id,
    kind: input.kind,
    position,
    quote,
    speaker: input.kind === 'quote' ? input.speaker?.trim() || null : null,
    note: input.note ?? '',
    groupId: null,
    stance: null,
    createdAt: now,
    updatedAt: now,
  };
}
