/**
 * Values a row takes for the fields it did not always have: used by every place that creates
 * rows (so a new field is added once) and by the migrations that carry older rows forward.
 * Functions, not constants, so no two rows ever share one array.
 */
import type { Annotation, Article, ClaimGroup } from './types';

type ArticleExtras = Pick<Article, 'authors' | 'url' | 'language' | 'structure' | 'deletedAt'>;
type AnnotationExtras = Pick<Annotation, 'tags' | 'author' | 'deletedAt'>;
type GroupExtras = Pick<
  ClaimGroup,
  'verdict' | 'reasoning' | 'status' | 'resolution' | 'deletedAt'
>;

export function articleDefaults(): ArticleExtras {
  return { authors: [], url: null, language: null, structure: null, deletedAt: null };
}

export function annotationDefaults(): AnnotationExtras {
  return { tags: [], author: null, deletedAt: null };
}

export function groupDefaults(): GroupExtras {
  return { verdict: null, reasoning: '', status: 'open', resolution: '', deletedAt: null };
}

/** Completes a row written before these fields existed; fields it has are kept. */
export function completeArticle<T extends object>(row: T): T & ArticleExtras {
  return { ...articleDefaults(), ...row };
}
export function completeAnnotation<T extends object>(row: T): T & AnnotationExtras {
  return { ...annotationDefaults(), ...row };
}
export function completeGroup<T extends object>(row: T): T & GroupExtras {
  return { ...groupDefaults(), ...row };
}
