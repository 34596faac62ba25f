/**
 * The bundle format (version 3) as zod schemas: the single definition used both to validate
 * imports and to publish schema/corroborate-bundle.schema.json (z.toJSONSchema). Schemas hold
 * shapes and bounds (bounds.ts); rules across entries (counts, ids, offsets, hashes) are checked
 * by the reader. The published schema compiles in Ajv's strict mode: no `format` keywords
 * (times are patterns), no custom keywords.
 *
 * Zod objects strip unknown keys on parse, so a bundle from a later minor revision that adds an
 * optional field still reads; the published JSON Schema is generated for input and says so.
 */
import { z } from 'zod';
import { LIMITS, bounded, count, id, isoTime, text } from './bounds';
import { CORROBORATE_VOCAB, FORMAT_NAME, FORMAT_VERSION, W3C_ANNO_CONTEXT } from './format';

const urn = (prefix: string, what: string) =>
  z
    .string()
    .max(LIMITS.id * 4)
    .regex(
      new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.+`),
      `must be a ${what} (${prefix}…)`,
    );

export const ManifestSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    formatVersion: z.literal(FORMAT_VERSION),
    appVersion: text(LIMITS.appVersion, 1).describe(
      'Version of the Corroborate app that wrote the bundle',
    ),
    createdAt: isoTime,
    counts: z
      .object({ articles: count, annotations: count, groups: count })
      .describe('How many articles, text annotations and claim groups the other entries hold'),
  })
  .meta({ id: 'Manifest', title: 'manifest.json' });

const InlineMarkSchema = z.object({
  start: count,
  end: count,
  type: z.enum(['bold', 'italic', 'link']),
  href: text(LIMITS.url).optional(),
});

const BlockSchema = z
  .object({
    type: z.enum([
      'paragraph',
      'heading',
      'quote',
      'list-item',
      'table-cell',
      'image',
      'preformatted',
    ]),
    level: z.number().int().min(1).max(6).optional(),
    list: z
      .object({
        ordered: z.boolean(),
        depth: z.number().int().min(0).max(32),
        listId: z.number().int().min(0).max(LIMITS.blocks),
      })
      .optional(),
    cell: z
      .object({
        table: z.number().int().min(0).max(LIMITS.blocks),
        row: z.number().int().min(0).max(LIMITS.blocks),
        col: z.number().int().min(0).max(1_000),
        header: z.boolean(),
      })
      .optional(),
    image: z.object({ alt: text(LIMITS.title) }).optional(),
    page: z.number().int().min(1).max(100_000).optional(),
    marks: bounded(InlineMarkSchema, LIMITS.marks).optional(),
  })
  .meta({
    id: 'Block',
    description:
      'How one line of the text looked; offsets of marks count UTF-16 units of that line',
  });

export const BundleArticleSchema = z
  .object({
    id: id.describe('Equal to sha256 (articles are named by their text)'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('Lowercase hex sha256 of the UTF-8 text; annotations name the article by it'),
    title: text(LIMITS.title),
    source: text(LIMITS.source).nullable().describe("The outlet's short display name"),
    authors: bounded(text(LIMITS.author, 1), LIMITS.authors),
    url: text(LIMITS.url).nullable(),
    language: z
      .string()
      .max(LIMITS.language)
      .regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as "en"')
      .nullable(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    text: text(LIMITS.text).describe(
      'Canonical plain text: NFC, one paragraph per line joined by LF. Plain text even when it looks like HTML.',
    ),
    structure: z
      .object({ blocks: bounded(BlockSchema, LIMITS.blocks) })
      .nullable()
      .describe('One block per line of text, or null for plain paragraphs'),
    origin: z.object({
      kind: z.enum(['seed', 'file', 'paste', 'bundle', 'url', 'sync']),
      name: text(LIMITS.url).nullable(),
      format: z.enum(['txt', 'md', 'html', 'paste', 'pdf', 'docx']),
    }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Article' });

export const ArticlesFileSchema = z
  .object({ articles: bounded(BundleArticleSchema, LIMITS.articles) })
  .meta({ id: 'ArticlesFile', title: 'articles.json' });

const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: text(LIMITS.quote, 1),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
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

const textual = <P extends string, V extends z.ZodType>(purpose: P, value: V, what: string) =>
  z.object({ type: z.literal('TextualBody'), purpose: z.literal(purpose), value }).describe(what);

/**
 * Bodies of a text annotation. Each purpose appears at most once, except tagging (one body per
 * tag); classifying exactly once.
 */
const AnnotationBodySchema = z
  .discriminatedUnion('purpose', [
    textual('classifying', z.enum(['claim', 'quote']), 'The annotation kind'),
    textual('identifying', text(LIMITS.speaker), 'The speaker of a quote'),
    z
      .object({
        type: z.literal('TextualBody'),
        purpose: z.literal('commenting'),
        value: text(LIMITS.note),
        format: z.literal('text/plain').optional(),
      })
      .describe("The editor's note"),
    textual('tagging', text(LIMITS.tag, 1), 'One free tag'),
    textual(
      'assessing',
      z.enum(['agrees', 'conflicts']),
      'Its stance in the claim group it links to (only with a linking body)',
    ),
    z
      .object({
        type: z.literal('SpecificResource'),
        purpose: z.literal('linking'),
        source: urn('urn:corroborate:group:', 'claim group URN'),
      })
      .describe('Membership of a claim group'),
  ])
  .meta({ id: 'AnnotationBody' });

const CreatorSchema = z
  .object({ type: z.literal('Person'), name: text(LIMITS.author, 1) })
  .describe('Who made the annotation (absent for single-user work)');

export const TextAnnotationSchema = z
  .object({
    id: urn('urn:corroborate:annotation:', 'annotation URN'),
    type: z.literal('Annotation'),
    motivation: z.literal('highlighting'),
    created: isoTime,
    modified: isoTime,
    creator: CreatorSchema.optional(),
    body: bounded(AnnotationBodySchema, LIMITS.tags + 8).min(1),
    target: z.object({
      type: z.literal('SpecificResource'),
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

/** The target of a group without members: the workspace it was made in. */
export const WORKSPACE_URN = 'urn:corroborate:workspace';

const GroupBodySchema = z
  .discriminatedUnion('purpose', [
    textual('describing', text(LIMITS.label), 'The group label'),
    textual('assessing', text(LIMITS.verdict, 1), 'The verdict: a label of the rating scale'),
    textual('commenting', text(LIMITS.note), 'The reasoning behind the verdict'),
  ])
  .meta({ id: 'GroupBody' });

export const GroupAnnotationSchema = z
  .object({
    id: urn('urn:corroborate:group:', 'claim group URN'),
    type: z.literal('Annotation'),
    motivation: z.literal('linking'),
    created: isoTime,
    modified: isoTime,
    body: z.array(GroupBodySchema).min(1).max(3),
    'corroborate:labelEdited': z.boolean(),
    'corroborate:status': z.enum(['open', 'checking', 'resolved']),
    'corroborate:resolution': text(LIMITS.note).describe('How a conflict was resolved'),
    target: bounded(
      z.object({
        type: z.literal('SpecificResource'),
        source: z
          .string()
          .max(LIMITS.id * 4)
          .regex(/^urn:corroborate:(?:annotation:.+|workspace)$/),
      }),
      LIMITS.items,
    )
      .min(1)
      .describe(
        'One SpecificResource per member annotation; a group without members targets urn:corroborate:workspace',
      ),
  })
  .meta({
    id: 'GroupAnnotation',
    description: 'A claim group: links the annotations that make the same claim across sources',
  });

/** One item of the collection: a text annotation or a claim group. */
export const AnnotationItemSchema = z.discriminatedUnion('motivation', [
  TextAnnotationSchema,
  GroupAnnotationSchema,
]);

/** The collection around its items; `items` decides how they are checked. */
function collectionOf<T extends z.ZodType>(items: T) {
  return z.object({
    '@context': z.tuple([
      z.literal(W3C_ANNO_CONTEXT),
      z.object({ corroborate: z.literal(CORROBORATE_VOCAB) }),
    ]),
    id: text(LIMITS.url, 1),
    type: z.literal('AnnotationCollection'),
    label: text(LIMITS.title),
    total: count,
    first: z.object({
      id: text(LIMITS.url, 1),
      type: z.literal('AnnotationPage'),
      partOf: text(LIMITS.url, 1),
      startIndex: z.literal(0),
      items: bounded(items, LIMITS.items),
    }),
  });
}

export const AnnotationCollectionSchema = collectionOf(AnnotationItemSchema).meta({
  id: 'AnnotationCollection',
  title: 'annotations.jsonld',
});

/**
 * The same collection with its items left unchecked: the staged reader (staged.ts) checks them
 * one by one, while the rows before them are being written.
 */
export const CollectionEnvelopeSchema = collectionOf(z.unknown());

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
export type GroupBodyLd = z.infer<typeof GroupBodySchema>;
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

export const SCHEMA_ID = 'urn:corroborate:schema:bundle:v3';

/** The published JSON Schema; schema/corroborate-bundle.schema.json must equal this (a test checks). */
export function bundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(BundleSchema, {
    io: 'input',
    target: 'draft-2020-12',
    // Refinements (calendar range, lone surrogates) have no JSON Schema form; the reader checks them.
    unrepresentable: 'any',
  });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, ...rest };
}
