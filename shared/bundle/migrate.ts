/**
 * Format 1 → format 2.
 *
 * Format 1 was the pre-release draft (app 0.0.x). Same zip container, but:
 *  - entries manifest.json {format, formatVersion: 1, appVersion, createdAt} (no counts),
 *    articles.json, annotations.json, groups.json, each a bare JSON array;
 *  - articles had no sha256, origin or updatedAt, and their text was stored as imported, not
 *    canonicalized;
 *  - annotations were flat {id, articleId, kind, start, end, exact, speaker, note, groupId,
 *    stance, createdAt, updatedAt}: UTF-16 offsets into that raw text, no prefix/suffix, no
 *    JSON-LD; timestamps were epoch milliseconds;
 *  - groups were {id, label, createdAt}: no updatedAt, no labelEdited.
 * Migration canonicalizes each text and computes its sha256, rebuilds the quote selector from
 * the raw text, then moves each annotation onto the canonical text by re-anchoring its quote.
 * Annotations that cannot be placed keep their quote and old offsets (clamped) and go to the
 * review queue at merge time. Two v1 articles with the same canonical text become one.
 * Groups get labelEdited: true, because the label we have is the one the editor saw.
 */
import { annotationDefaults, articleDefaults, groupDefaults } from '../model/defaults';
import { z } from 'zod';
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { buildQuoteSelector } from '../anchoring/selectors';
import { isPlaced, reanchor } from '../anchoring/reanchor';
import { canonicalizeText } from '../text/canonical';
import { sha256Hex } from '../text/hash';
import { LIMITS, bounded, epochMs, id, isoTime, text } from './bounds';
import { EXPORT_AGAIN, fail } from './errors';
import { excerpt } from './jsonld';
import { parseJsonEntry, parseWith, repairWarning, type Repairs } from './parseEntry';
import type { ParsedBundle, ProgressOptions } from './types';
import { checkAborted } from './abort';

export const V1_ENTRIES = ['manifest.json', 'articles.json', 'annotations.json', 'groups.json'];

const ms = epochMs;

export const V1ManifestSchema = z.object({
  format: z.literal('corroborate-bundle'),
  formatVersion: z.literal(1),
  appVersion: text(LIMITS.appVersion, 1),
  createdAt: isoTime,
});
const V1ArticlesSchema = bounded(
  z.object({
    id,
    title: text(LIMITS.title),
    source: text(LIMITS.source).nullable(),
    date: z.string().max(40).nullable(),
    text: text(LIMITS.text),
    createdAt: ms,
  }),
  LIMITS.articles,
);
const V1AnnotationsSchema = bounded(
  z.object({
    id,
    articleId: id,
    kind: z.enum(['claim', 'quote']),
    start: z.number().int().min(0).max(LIMITS.text),
    end: z.number().int().min(0).max(LIMITS.text),
    exact: text(LIMITS.quote, 1),
    speaker: text(LIMITS.speaker).nullable(),
    note: text(LIMITS.note),
    groupId: id.nullable(),
    stance: z.enum(['agrees', 'conflicts']).nullable(),
    createdAt: ms,
    updatedAt: ms,
  }),
  LIMITS.items,
);
const V1GroupsSchema = bounded(
  z.object({ id, label: text(LIMITS.label), createdAt: ms }),
  LIMITS.items,
);

export async function migrateV1(
  texts: Map<string, string>,
  opts: ProgressOptions,
): Promise<ParsedBundle> {
  const repairs: Repairs = { strings: 0 };
  const manifest = parseWith(
    'manifest.json',
    V1ManifestSchema,
    parseJsonEntry('manifest.json', texts.get('manifest.json'), repairs),
  );
  const v1Articles = parseWith(
    'articles.json',
    V1ArticlesSchema,
    parseJsonEntry('articles.json', texts.get('articles.json'), repairs),
  );
  const v1Annotations = parseWith(
    'annotations.json',
    V1AnnotationsSchema,
    parseJsonEntry('annotations.json', texts.get('annotations.json'), repairs),
  );
  // groups.json was optional in v1 (absent when the editor had made no groups).
  const v1Groups = texts.has('groups.json')
    ? parseWith(
        'groups.json',
        V1GroupsSchema,
        parseJsonEntry('groups.json', texts.get('groups.json'), repairs),
      )
    : [];

  const articles: Article[] = [];
  const rawById = new Map<string, { raw: string; article: Article }>();
  const bySha = new Map<string, Article>();
  let canonicalized = 0;
  let i = 0;
  for (const a of v1Articles) {
    checkAborted(opts);
    opts.onProgress?.(++i, v1Articles.length + 1);
    if (rawById.has(a.id)) {
      fail(
        'duplicate-id',
        `Two articles share the id “${a.id}” (“${excerpt(a.title)}”). ${EXPORT_AGAIN}`,
        'articles.json',
      );
    }
    const text = canonicalizeText(a.text);
    if (text !== a.text) canonicalized++;
    const sha256 = await sha256Hex(text);
    const same = bySha.get(sha256);
    if (same) {
      rawById.set(a.id, { raw: a.text, article: same });
      continue;
    }
    const article: Article = {
      ...articleDefaults(),
      id: sha256,
      sha256,
      title: a.title,
      source: a.source,
      date: a.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null,
      text,
      origin: { kind: 'bundle', name: null, format: 'txt' },
      createdAt: a.createdAt,
      updatedAt: a.createdAt,
    };
    articles.push(article);
    bySha.set(sha256, article);
    rawById.set(a.id, { raw: a.text, article });
  }

  const groupIds = new Set<string>();
  for (const g of v1Groups) {
    if (groupIds.has(g.id)) {
      fail(
        'duplicate-id',
        `Two claim groups share the id “${g.id}”. ${EXPORT_AGAIN}`,
        'groups.json',
      );
    }
    groupIds.add(g.id);
  }

  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  let moved = 0;
  let unplaced = 0;
  for (const a of v1Annotations) {
    const name = `The annotation “${excerpt(a.exact)}”`;
    if (seen.has(a.id)) {
      fail(
        'duplicate-id',
        `Two annotations share the id “${a.id}”. ${EXPORT_AGAIN}`,
        'annotations.json',
      );
    }
    seen.add(a.id);
    const entry = rawById.get(a.articleId);
    if (!entry) {
      fail(
        'missing-article',
        `${name} points to an article (“${a.articleId}”) that is not in the bundle. ${EXPORT_AGAIN}`,
        'annotations.json',
      );
    }
    if (a.start < 0 || a.end <= a.start || a.end > entry.raw.length) {
      fail(
        'offset-out-of-range',
        `${name} points at characters ${a.start}–${a.end} of “${entry.article.title}”, which has ${entry.raw.length} characters. ${EXPORT_AGAIN}`,
        'annotations.json',
      );
    }
    if (a.groupId !== null && !groupIds.has(a.groupId)) {
      fail(
        'group-mismatch',
        `${name} belongs to a claim group (“${a.groupId}”) that is not in the bundle. ${EXPORT_AGAIN}`,
        'annotations.json',
      );
    }
    const rawQuote = { ...buildQuoteSelector(entry.raw, a.start, a.end), exact: a.exact };
    const text = entry.article.text;
    const placed = reanchor(text, { position: { start: a.start, end: a.end }, quote: rawQuote });
    let position: Annotation['position'];
    let quote: Annotation['quote'];
    if (isPlaced(placed)) {
      if (placed.status !== 'exact') moved++;
      position = { type: 'TextPositionSelector', start: placed.start, end: placed.end };
      quote = buildQuoteSelector(text, placed.start, placed.end);
    } else {
      // Keep the editor's quote; merge planning will queue it for review.
      unplaced++;
      const start = Math.max(0, Math.min(a.start, text.length - 1));
      position = {
        type: 'TextPositionSelector',
        start,
        end: Math.min(text.length, Math.max(start + 1, a.end)),
      };
      quote = rawQuote;
    }
    annotations.push({
      ...annotationDefaults(),
      id: a.id,
      articleId: entry.article.id,
      kind: a.kind,
      position,
      quote,
      speaker: a.speaker,
      note: a.note,
      groupId: a.groupId,
      stance: a.groupId === null ? null : a.stance,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
  }

  const groups: ClaimGroup[] = v1Groups.map((g) => ({
    ...groupDefaults(),
    id: g.id,
    label: g.label,
    labelEdited: true,
    createdAt: g.createdAt,
    updatedAt: g.createdAt,
  }));

  const warnings = [
    `Converted from the older bundle format 1 (Corroborate ${manifest.appVersion}).`,
    ...repairWarning(repairs),
    ...(canonicalized > 0
      ? [
          `Normalized the text of ${canonicalized} article(s); ${moved} annotation(s) moved with it.`,
        ]
      : []),
    ...(unplaced > 0
      ? [`${unplaced} annotation(s) could not be placed on the normalized text and need review.`]
      : []),
    ...(articles.length < v1Articles.length
      ? [`${v1Articles.length - articles.length} duplicate article(s) were merged.`]
      : []),
  ];
  opts.onProgress?.(v1Articles.length + 1, v1Articles.length + 1);
  return {
    formatVersion: 1,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    articles,
    annotations,
    groups,
    warnings,
  };
}
