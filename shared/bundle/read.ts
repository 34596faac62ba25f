/**
 * `.corroborate` bytes → a fully validated ParsedBundle, or the first thing wrong with the file.
 * Nothing is written anywhere: the caller shows the error, or plans the merge (merge.ts) and
 * applies it in one transaction. Order of checks: size, file type, entry names, manifest format
 * and version, each entry's shape, counts, ids, hashes, cross-references, offsets.
 */
import { articleDefaults } from '../model/defaults';
import type { Article } from '../model/types';
import { canonicalizeText } from '../text/canonical';
import { sha256Hex } from '../text/hash';
import { checkAborted } from './abort';
import { BundleFailure, EXPORT_AGAIN, bundleError, fail, type BundleError } from './errors';
import { ENTRY, FORMAT_NAME, FORMAT_VERSION, fromIso } from './format';
import { excerpt, fromAnnotationCollection } from './jsonld';
import { V1_ENTRIES, migrateV1 } from './migrate';
import { parseJsonEntry, parseWith } from './parseEntry';
import { err, ok, type Result } from './result';
import { AnnotationCollectionSchema, ArticlesFileSchema, ManifestSchema } from './schema';
import type { ParsedBundle, ProgressOptions } from './types';
import { unzipEntries } from './unzip';

const V2_ENTRIES: string[] = Object.values(ENTRY);
const WANTED = new Set([...V2_ENTRIES, ...V1_ENTRIES]);

/**
 * Async only because hashing uses Web Crypto; between articles it yields, checks
 * `opts.signal.aborted` and reports `opts.onProgress(done, total)` (total = articles + 2).
 */
export async function readBundle(
  bytes: Uint8Array,
  opts: ProgressOptions = {},
): Promise<Result<ParsedBundle, BundleError>> {
  try {
    return ok(await read(bytes, opts));
  } catch (e) {
    if (e instanceof BundleFailure) return err(e.error);
    // Anything else is a reader bug tripped by strange input; still never crash the import UI.
    const why = e instanceof Error ? e.message : String(e);
    return err(bundleError('corrupt', `The bundle could not be read (${why}). ${EXPORT_AGAIN}`));
  }
}

async function read(bytes: Uint8Array, opts: ProgressOptions): Promise<ParsedBundle> {
  checkAborted(opts);
  const { texts, others } = unzipEntries(bytes, WANTED);
  const head = parseJsonEntry(ENTRY.manifest, texts.get(ENTRY.manifest));
  const version = checkVersion(head);

  const parsed = version === 1 ? await migrateV1(texts, opts) : await readV2(texts, opts);
  const ownEntries = version === 1 ? V1_ENTRIES : V2_ENTRIES;
  const ignored = [...others, ...[...texts.keys()].filter((n) => !ownEntries.includes(n))].sort();
  // Unknown entries are ignored, not refused: a later 2.x may add optional parts (thumbnails,
  // a README) that this version can safely skip. Incompatible changes bump formatVersion instead.
  if (ignored.length > 0) {
    parsed.warnings.push(
      `Ignored ${ignored.length} unknown file(s) in the bundle: ${ignored.join(', ')}.`,
    );
  }
  return parsed;
}

function checkVersion(head: unknown): number {
  const h = (typeof head === 'object' && head !== null ? head : {}) as Record<string, unknown>;
  if (h.format !== FORMAT_NAME) {
    fail(
      'not-a-bundle',
      `This zip is not a Corroborate bundle (its manifest.json does not say format “${FORMAT_NAME}”). Choose a .corroborate file exported from Corroborate.`,
      ENTRY.manifest,
    );
  }
  const v = h.formatVersion;
  const app = typeof h.appVersion === 'string' ? `Corroborate ${h.appVersion}, ` : '';
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    fail(
      'unsupported-version',
      `The bundle's format version (${JSON.stringify(v)}) is not one Corroborate has ever written. ${EXPORT_AGAIN}`,
      ENTRY.manifest,
    );
  }
  if (v > FORMAT_VERSION) {
    fail(
      'newer-version',
      `This bundle was made by a newer version of Corroborate (${app}bundle format ${v}); this version reads formats up to ${FORMAT_VERSION}. Update Corroborate, then import it again.`,
      ENTRY.manifest,
    );
  }
  return v;
}

async function readV2(texts: Map<string, string>, opts: ProgressOptions): Promise<ParsedBundle> {
  const manifest = parseWith(
    ENTRY.manifest,
    ManifestSchema,
    parseJsonEntry(ENTRY.manifest, texts.get(ENTRY.manifest)),
  );
  const file = parseWith(
    ENTRY.articles,
    ArticlesFileSchema,
    parseJsonEntry(ENTRY.articles, texts.get(ENTRY.articles)),
  );
  const { counts } = manifest;
  checkCount('articles', counts.articles, file.articles.length, ENTRY.articles);

  const total = file.articles.length + 2;
  const articles: Article[] = [];
  const ids = new Set<string>();
  const shas = new Map<string, string>();
  for (const [i, a] of file.articles.entries()) {
    checkAborted(opts);
    const name = `“${excerpt(a.title || a.text)}”`;
    if (ids.has(a.id)) {
      fail(
        'duplicate-id',
        `Two articles share the id “${a.id}” (one is ${name}), so one would overwrite the other. ${EXPORT_AGAIN}`,
        ENTRY.articles,
      );
    }
    ids.add(a.id);
    if (shas.has(a.sha256)) {
      fail(
        'duplicate-id',
        `The article ${name} appears twice in the bundle (same text as “${excerpt(shas.get(a.sha256)!)}”). ${EXPORT_AGAIN}`,
        ENTRY.articles,
      );
    }
    shas.set(a.sha256, a.title);
    if (canonicalizeText(a.text) !== a.text) {
      fail(
        'not-canonical',
        `The text of article ${name} is not in Corroborate's normalized form (line breaks, spacing or Unicode form differ), so its offsets cannot be trusted. ${EXPORT_AGAIN}`,
        ENTRY.articles,
      );
    }
    if ((await sha256Hex(a.text)) !== a.sha256) {
      fail(
        'hash-mismatch',
        `The text of article ${name} does not match its fingerprint (sha256): it was changed after export or the file is damaged. ${EXPORT_AGAIN}`,
        ENTRY.articles,
      );
    }
    articles.push({
      ...articleDefaults(),
      // Articles are named by their text everywhere; older bundles' own ids are not kept.
      id: a.sha256,
      sha256: a.sha256,
      title: a.title,
      source: a.source,
      date: a.date,
      text: a.text,
      origin: { kind: a.origin.kind, name: a.origin.name, format: a.origin.format },
      createdAt: fromIso(a.createdAt),
      updatedAt: fromIso(a.updatedAt),
    });
    opts.onProgress?.(i + 1, total);
  }

  checkAborted(opts);
  const coll = parseWith(
    ENTRY.annotations,
    AnnotationCollectionSchema,
    parseJsonEntry(ENTRY.annotations, texts.get(ENTRY.annotations)),
  );
  const items = coll.first.items;
  const nAnnotations = items.filter((x) => x.motivation === 'highlighting').length;
  checkCount('annotations', counts.annotations, nAnnotations, ENTRY.annotations);
  checkCount('claim groups', counts.groups, items.length - nAnnotations, ENTRY.annotations);
  opts.onProgress?.(total - 1, total);

  const { annotations, groups } = fromAnnotationCollection(coll, articles);
  opts.onProgress?.(total, total);
  return {
    formatVersion: FORMAT_VERSION,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    articles,
    annotations,
    groups,
    warnings: [],
  };
}

function checkCount(what: string, declared: number, actual: number, entry: string): void {
  if (declared !== actual) {
    fail(
      'count-mismatch',
      `The bundle's manifest lists ${declared} ${what} but ${entry} holds ${actual}: the bundle is incomplete or was edited after export. ${EXPORT_AGAIN}`,
      entry,
    );
  }
}
