/**
 * The bundle format (version 2) as zod schemas: the single definition used both to validate
 * imports and to publish schema/corroborate-bundle.schema.json (z.toJSONSchema). Schemas hold
 * only shapes; rules across entries (counts, ids, offsets, hashes) are checked in validate.ts.
 *
 * Zod objects strip unknown keys on parse, so a bundle from a later minor revision that adds an
 * optional field still reads; the published JSON Schema is generated for input and says so.
 */
import { z } from 'zod';
import { CORROBORATE_VOCAB, FORMAT_NAME, FORMAT_VERSION, W3C_ANNO_CONTEXT } from './format';

const isoDateTime = z.iso
  .datetime()
  .describe('ISO 8601 date-time in UTC, e.g. 2017-09-28T14:03:00.000Z');
const count = z.number().int().min(0);
const id = z.string().min(1);

export const ManifestSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    formatVersion: z.literal(FORMAT_VERSION),
    appVersion: z.string().min(1).describe('Version of the Corroborate app that wrote the bundle'),
    createdAt: isoDateTime,
    counts: z
      .object({ articles: count, annotations: count, groups: count })
      .describe('How many articles, text annotations and claim groups the other entries hold'),
  })
  .meta({ id: 'Manifest', title: 'manifest.json' });

export const BundleArticleSchema = z
  .object({
    id: id,
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('Lowercase hex sha256 of the UTF-8 text; annotations name the article by it'),
    title: z.string(),
    source: z.string().nullable(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    text: z
      .string()
      .describe(
        'Canonical plain text: NFC, one paragraph per line joined by LF. Plain text even when it looks like HTML.',
      ),
    origin: z.object({
      kind: z.enum(['seed', 'file', 'paste', 'bundle', 'url', 'sync']),
      name: z.string().nullable(),
      format: z.enum(['txt', 'md', 'html', 'paste', 'pdf', 'docx']),
    }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Article' });

export const ArticlesFileSchema = z
  .object({ articles: z.array(BundleArticleSchema) })
  .meta({ id: 'ArticlesFile', title: 'articles.json' });

const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  })
  .meta({ id: 'TextQuoteSelector' });

const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: count,
    end: count,
  })
  .describe('W3C offsets: Unicode code points (not UTF-16 units) into the article text')
  .meta({ id: 'TextPositionSelector' });

const StanceSchema = z.enum(['agrees', 'conflicts']);

/** Bodies of a text annotation; each purpose appears at most once (classifying exactly once). */
const AnnotationBodySchema = z
  .discriminatedUnion('purpose', [
    z
      .object({
        type: z.literal('TextualBody'),
        purpose: z.literal('classifying'),
        value: z.enum(['claim', 'quote']),
      })
      .describe('The annotation kind'),
    z
      .object({
        type: z.literal('TextualBody'),
        purpose: z.literal('identifying'),
        value: z.string(),
      })
      .describe('The speaker of a quote'),
    z
      .object({
        type: z.literal('TextualBody'),
        purpose: z.literal('commenting'),
        value: z.string(),
        format: z.literal('text/plain').optional(),
      })
      .describe("The editor's note"),
    z
      .object({
        type: z.literal('SpecificResource'),
        purpose: z.literal('linking'),
        source: z.string().startsWith('urn:corroborate:group:'),
        'corroborate:stance': StanceSchema.nullable(),
      })
      .describe('Membership of a claim group, with this annotation’s stance in it'),
  ])
  .meta({ id: 'AnnotationBody' });

export const TextAnnotationSchema = z
  .object({
    id: z.string().startsWith('urn:corroborate:annotation:'),
    type: z.literal('Annotation'),
    motivation: z.literal('highlighting'),
    created: isoDateTime,
    modified: isoDateTime,
    body: z.array(AnnotationBodySchema).min(1),
    target: z.object({
      source: z
        .string()
        .regex(/^urn:corroborate:article:[0-9a-f]{64}$/)
        .describe('urn:corroborate:article:<sha256 of the article text>'),
      selector: z
        .array(z.discriminatedUnion('type', [TextQuoteSelectorSchema, TextPositionSelectorSchema]))
        .min(2)
        .max(2)
        .describe('One TextQuoteSelector and one TextPositionSelector'),
    }),
  })
  .meta({ id: 'TextAnnotation', description: 'A claim or quote marked in an article' });

export const GroupAnnotationSchema = z
  .object({
    id: z.string().startsWith('urn:corroborate:group:'),
    type: z.literal('Annotation'),
    motivation: z.literal('linking'),
    created: isoDateTime,
    modified: isoDateTime,
    body: z.object({
      type: z.literal('TextualBody'),
      purpose: z.literal('describing'),
      value: z.string().describe('The group label'),
    }),
    'corroborate:labelEdited': z.boolean(),
    target: z
      .array(
        z.object({
          source: z.string().startsWith('urn:corroborate:annotation:'),
          'corroborate:stance': StanceSchema.nullable(),
        }),
      )
      .describe('One target per member annotation (empty for a group without members)'),
  })
  .meta({
    id: 'GroupAnnotation',
    description: 'A claim group: links the annotations that make the same claim across sources',
  });

export const AnnotationCollectionSchema = z
  .object({
    '@context': z.tuple([
      z.literal(W3C_ANNO_CONTEXT),
      z.object({ corroborate: z.literal(CORROBORATE_VOCAB) }),
    ]),
    id: z.string().min(1),
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    total: count,
    first: z.object({
      type: z.literal('AnnotationPage'),
      items: z.array(
        z.discriminatedUnion('motivation', [TextAnnotationSchema, GroupAnnotationSchema]),
      ),
    }),
  })
  .meta({ id: 'AnnotationCollection', title: 'annotations.jsonld' });

/** The whole bundle as one object keyed by zip entry name: what the published JSON Schema describes. */
export const BundleSchema = z
  .object({
    'manifest.json': ManifestSchema,
    'articles.json': ArticlesFileSchema,
    'annotations.jsonld': AnnotationCollectionSchema,
  })
  .meta({
    title: 'Corroborate bundle',
    description:
      'A .corroborate file is a zip archive; this schema describes its entries as one object keyed by entry name. Each entry is a UTF-8 JSON file.',
  });

export type Manifest = z.infer<typeof ManifestSchema>;
export type BundleArticle = z.infer<typeof BundleArticleSchema>;
export type ArticlesFile = z.infer<typeof ArticlesFileSchema>;
export type TextAnnotationLd = z.infer<typeof TextAnnotationSchema>;
export type GroupAnnotationLd = z.infer<typeof GroupAnnotationSchema>;
export type AnnotationBodyLd = z.infer<typeof AnnotationBodySchema>;
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

export const SCHEMA_ID = 'urn:corroborate:schema:bundle:v2';

/** The published JSON Schema; schema/corroborate-bundle.schema.json must equal this (a test checks). */
export function bundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(BundleSchema, { io: 'input', target: 'draft-2020-12' });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, ...rest };
}
