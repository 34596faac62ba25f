/**
 * Format 2, kept only to read bundles written by app 0.1.x (migrateV2.ts turns them into
 * format 3). Same shapes as that version wrote, now with the bounds of bounds.ts.
 */
import { z } from 'zod';
import { LIMITS, bounded, count, id, isoTime, text } from './bounds';
import { CORROBORATE_VOCAB, FORMAT_NAME, W3C_ANNO_CONTEXT } from './format';

export const V2ManifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(2),
  appVersion: text(LIMITS.appVersion, 1),
  createdAt: isoTime,
  counts: z.object({ articles: count, annotations: count, groups: count }),
});

export const V2ArticleSchema = z.object({
  id,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: text(LIMITS.title),
  source: text(LIMITS.source).nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  text: text(LIMITS.text),
  origin: z.object({
    kind: z.enum(['seed', 'file', 'paste', 'bundle']),
    name: text(LIMITS.title).nullable(),
    format: z.enum(['txt', 'md', 'html', 'paste']),
  }),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const V2ArticlesFileSchema = z.object({
  articles: bounded(V2ArticleSchema, LIMITS.articles),
});

const Stance = z.enum(['agrees', 'conflicts']);
const selectors = z
  .array(
    z.discriminatedUnion('type', [
      z.object({
        type: z.literal('TextQuoteSelector'),
        exact: text(LIMITS.quote, 1),
        prefix: text(LIMITS.context),
        suffix: text(LIMITS.context),
      }),
      z.object({ type: z.literal('TextPositionSelector'), start: count, end: count }),
    ]),
  )
  .min(2)
  .max(2);

const V2Body = z.discriminatedUnion('purpose', [
  z.object({
    type: z.literal('TextualBody'),
    purpose: z.literal('classifying'),
    value: z.enum(['claim', 'quote']),
  }),
  z.object({
    type: z.literal('TextualBody'),
    purpose: z.literal('identifying'),
    value: text(LIMITS.speaker),
  }),
  z.object({
    type: z.literal('TextualBody'),
    purpose: z.literal('commenting'),
    value: text(LIMITS.note),
    format: z.literal('text/plain').optional(),
  }),
  z.object({
    type: z.literal('SpecificResource'),
    purpose: z.literal('linking'),
    source: z
      .string()
      .startsWith('urn:corroborate:group:')
      .max(LIMITS.id * 4),
    'corroborate:stance': Stance.nullable(),
  }),
]);

export const V2TextAnnotationSchema = z.object({
  id: z
    .string()
    .startsWith('urn:corroborate:annotation:')
    .max(LIMITS.id * 4),
  type: z.literal('Annotation'),
  motivation: z.literal('highlighting'),
  created: isoTime,
  modified: isoTime,
  body: z.array(V2Body).min(1).max(8),
  target: z.object({
    source: z.string().regex(/^urn:corroborate:article:[0-9a-f]{64}$/),
    selector: selectors,
  }),
});

export const V2GroupAnnotationSchema = z.object({
  id: z
    .string()
    .startsWith('urn:corroborate:group:')
    .max(LIMITS.id * 4),
  type: z.literal('Annotation'),
  motivation: z.literal('linking'),
  created: isoTime,
  modified: isoTime,
  body: z.object({
    type: z.literal('TextualBody'),
    purpose: z.literal('describing'),
    value: text(LIMITS.label),
  }),
  'corroborate:labelEdited': z.boolean(),
  target: bounded(
    z.object({
      source: z
        .string()
        .startsWith('urn:corroborate:annotation:')
        .max(LIMITS.id * 4),
      'corroborate:stance': Stance.nullable(),
    }),
    LIMITS.items,
  ),
});

export const V2AnnotationCollectionSchema = z.object({
  '@context': z.tuple([
    z.literal(W3C_ANNO_CONTEXT),
    z.object({ corroborate: z.literal(CORROBORATE_VOCAB) }),
  ]),
  id: text(LIMITS.url, 1),
  type: z.literal('AnnotationCollection'),
  label: text(LIMITS.title),
  total: count,
  first: z.object({
    type: z.literal('AnnotationPage'),
    items: bounded(
      z.discriminatedUnion('motivation', [V2TextAnnotationSchema, V2GroupAnnotationSchema]),
      LIMITS.items,
    ),
  }),
});

export type V2Article = z.infer<typeof V2ArticleSchema>;
export type V2AnnotationCollection = z.infer<typeof V2AnnotationCollectionSchema>;
export type V2ArticlesFile = z.infer<typeof V2ArticlesFileSchema>;
