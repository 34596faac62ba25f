/**
 * `.corroborate` bytes → a fully validated ParsedBundle, or the first thing wrong with the file.
 * Nothing is written anywhere: the caller shows the error, or plans the merge (merge.ts) and
 * applies it in one transaction. Order of checks: size, file type, entry names, manifest format
 * and version, each entry's shape, counts, ids, hashes, cross-references, offsets.
 */
import type { ArticleStructure } from '../model/structure';
import type { Article } from '../model/types';
import { canonicalizeText } from '../text/canonical';
import { sha256Hex } from '../text/hash';
import { checkAborted } from './abort';
import { BundleFailure, EXPORT_AGAIN, bundleError, fail, type BundleError } from './errors';
import { ENTRY, FORMAT_NAME, FORMAT_VERSION, fromIso } from './format';
import { excerpt, fromAnnotationCollection } from './jsonld';
import { V1_ENTRIES, migrateV1 } from './migrate';
import { parseJsonEntry, parseWith, repairWarning, type Repairs } from './parseEntry';
import { err, ok, type Result } from './result';
import { upgradeArticlesV2, upgradeCollectionV2 } from './migrateV2';
import { AnnotationCollectionSchema, ArticlesFileSchema, ManifestSchema } from './schema';
import { V2AnnotationCollectionSchema, V2ArticlesFileSchema, V2ManifestSchema } from './schemaV2';
import type { ParsedBundle, ProgressOptions } from './types';
import { unzipEntries } from './unzip';

const V2_ENTRIES: string[] = Object.values(ENTRY);
/** Article digests in flight at once while reading (bounded: each holds a UTF-8 copy). */
const HASH_AHEAD = 16;
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
    return ok(await readAny(bytes, opts));
  } catch (e) {
    if (e instanceof BundleFailure) return err(e.error);
    // Anything else is a reader bug tripped by strange input; still never crash the import UI.
    const why = e instanceof Error ? e.message : String(e);
    return err(bundleError('corrupt', `The bundle could not be read (${why}). ${EXPORT_AGAIN}`));
  }
}

export async function readAny(bytes: Uint8Array, opts: ProgressOptions): Promise<ParsedBundle> {
  return readContainer(await openContainer(bytes, opts), opts);
}

/** The whole bundle from its opened container (any format version). */
export async function readContainer(box: Container, opts: ProgressOptions): Promise<ParsedBundle> {
  const parsed =
    box.version === 1
      ? await migrateV1(box.texts, opts)
      : await readJsonLd(box.version === 2 ? 2 : 3, box.written, box.texts, opts);
  parsed.warnings.push(...ignoredEntries(box));
  return parsed;
}

/** The unzipped entries and the format version their manifest declares (checked). */
export interface Container {
  /** Inflated entries; a deferred one (openContainer's `defer`) is added by `inflateDeferred`. */
  texts: Map<string, string>;
  others: string[];
  deferred: Set<string>;
  inflateDeferred(name: string): Promise<string>;
  version: number;
  /** formatVersion as the file spells it, for messages. */
  written: string;
}

/** `defer`: entries to leave for `inflateDeferred` (unzipEntries' rule on which it may). */
export async function openContainer(
  bytes: Uint8Array,
  opts: ProgressOptions,
  defer?: ReadonlySet<string>,
): Promise<Container> {
  checkAborted(opts);
  const unzipped = await unzipEntries(bytes, WANTED, { ...opts, defer });
  const { texts, others, deferred } = unzipped;
  const manifestText = texts.get(ENTRY.manifest);
  const head = parseJsonEntry(ENTRY.manifest, manifestText);
  const written = writtenVersion(manifestText ?? '');
  const version = checkVersion(head, written);
  checkContentVersion(version, written, (name) => texts.has(name) || deferred.has(name));
  return {
    texts,
    others,
    deferred,
    inflateDeferred: async (name) => {
      const text = await unzipped.inflateDeferred(name);
      texts.set(name, text);
      deferred.delete(name);
      return text;
    },
    version,
    written,
  };
}

/**
 * Unknown entries are ignored, not refused: a later 3.x may add optional parts (thumbnails,
 * a README) that this version can safely skip. Incompatible changes bump formatVersion instead.
 */
export function ignoredEntries({ version, texts, others, deferred }: Container): string[] {
  const ownEntries = version === 1 ? V1_ENTRIES : V2_ENTRIES;
  const inZip = [...texts.keys(), ...deferred];
  const ignored = [...others, ...inZip.filter((n) => !ownEntries.includes(n))].sort();
  return ignored.length === 0
    ? []
    : [`Ignored ${ignored.length} unknown file(s) in the bundle: ${ignored.join(', ')}.`];
}

/**
 * formatVersion exactly as the file spells it: JSON.parse turns 1e999 into Infinity, which
 * JSON.stringify then shows as "null", a number the file never contained.
 */
export function writtenVersion(manifestText: string): string {
  const m = /"formatVersion"\s*:\s*("(?:[^"\\]|\\.){0,40}"|[^,}\s]{1,40})/.exec(manifestText);
  return m ? m[1]! : 'missing';
}

/**
 * The manifest's version must match what the other entries are: format 1 has annotations.json
 * and bare arrays; format 2 has annotations.jsonld and articles.json as an object. A mismatch
 * means the zip was assembled by hand, and reading it with the wrong rules gives baffling
 * messages ("expected array"), so name the mismatch instead.
 */
function checkContentVersion(
  version: number,
  written: string,
  has: (name: string) => boolean,
): void {
  const looksV1 = has('annotations.json') && !has(ENTRY.annotations);
  const looksV2 = has(ENTRY.annotations) && !has('annotations.json');
  const content = looksV1 ? 1 : looksV2 ? 2 : null;
  // Formats 2 and 3 share entry names; checkArticlesVersion tells them apart.
  if (content === null || content === version || (content === 2 && version === 3)) return;
  const why =
    content === 1
      ? 'it has annotations.json and no annotations.jsonld'
      : 'it has annotations.jsonld and no annotations.json';
  fail(
    'version-mismatch',
    `The bundle's manifest says format ${written}, but its contents are in format ${content} (${why}), so the manifest was replaced or the zip was put together by hand. ${EXPORT_AGAIN}`,
    ENTRY.manifest,
  );
}

function checkVersion(head: unknown, written: string): number {
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
      `The bundle's format version (${written}) is not one Corroborate has ever written. ${EXPORT_AGAIN}`,
      ENTRY.manifest,
    );
  }
  if (v > FORMAT_VERSION) {
    fail(
      'newer-version',
      `This bundle was made by a newer version of Corroborate (${app}bundle format ${written}); this version reads formats up to ${FORMAT_VERSION}. Update Corroborate, then import it again.`,
      ENTRY.manifest,
    );
  }
  return v;
}

/** Format 2 and 3 share the container; format 2 is upgraded in memory (migrateV2.ts). */
async function readJsonLd(
  version: 2 | 3,
  written: string,
  texts: Map<string, string>,
  opts: ProgressOptions,
): Promise<ParsedBundle> {
  const { manifest, articles, repairs, total } = await readManifestAndArticles(
    version,
    written,
    texts,
    opts,
  );
  const { counts } = manifest;
  checkAborted(opts);
  const collJson = parseJsonEntry(ENTRY.annotations, texts.get(ENTRY.annotations), repairs);
  const coll =
    version === 3
      ? parseWith(ENTRY.annotations, AnnotationCollectionSchema, collJson)
      : upgradeCollectionV2(parseWith(ENTRY.annotations, V2AnnotationCollectionSchema, collJson));
  const items = coll.first.items;
  const nAnnotations = items.filter((x) => x.motivation === 'highlighting').length;
  checkCount('annotations', counts.annotations, nAnnotations, ENTRY.annotations);
  checkCount('claim groups', counts.groups, items.length - nAnnotations, ENTRY.annotations);
  for (const [i, item] of items.entries()) {
    if (version === 3) {
      checkTimes(`first.items[${i}]`, ENTRY.annotations, item.created, item.modified);
    }
  }
  opts.onProgress?.(total - 1, total, 'Checking annotations');

  const { annotations, groups } = fromAnnotationCollection(coll, articles);
  opts.onProgress?.(total, total, 'Checking annotations');
  return {
    formatVersion: version,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    articles,
    annotations,
    groups,
    warnings: versionWarnings(version, manifest.appVersion, repairs),
  };
}

export function versionWarnings(
  version: 2 | 3,
  appVersion: string,
  repairs: Repairs | undefined,
): string[] {
  return version === 2
    ? [
        `Converted from the older bundle format 2 (Corroborate ${appVersion}).`,
        ...repairWarning(repairs!),
      ]
    : [];
}

/** What precedes the annotations: the manifest and every article, checked and hashed. */
export interface BundleHead {
  manifest: {
    appVersion: string;
    createdAt: string;
    counts: { annotations: number; groups: number };
  };
  articles: Article[];
  repairs: Repairs | undefined;
  /** Progress steps: one per article, two for the annotations. */
  total: number;
  /**
   * With `hashesLater`, every check but the articles' sha256 has run: this runs those (in
   * article order, with the same message). Otherwise a no-op.
   */
  verifyHashes: () => Promise<void>;
}

/**
 * `hashesLater`: skip the sha256 checks and leave them to `verifyHashes` (Web Crypto digests run
 * off this thread: an import starts writing the articles while they are computed).
 */
export async function readManifestAndArticles(
  version: 2 | 3,
  written: string,
  texts: Map<string, string>,
  opts: ProgressOptions,
  hashesLater = false,
): Promise<BundleHead> {
  const repairs: Repairs | undefined = version === 2 ? { strings: 0 } : undefined;
  const manifestJson = parseJsonEntry(ENTRY.manifest, texts.get(ENTRY.manifest), repairs);
  const articlesJson = parseJsonEntry(ENTRY.articles, texts.get(ENTRY.articles), repairs);
  checkArticlesVersion(version, written, articlesJson);
  const manifest =
    version === 3
      ? parseWith(ENTRY.manifest, ManifestSchema, manifestJson)
      : parseWith(ENTRY.manifest, V2ManifestSchema, manifestJson);
  const file =
    version === 3
      ? parseWith(ENTRY.articles, ArticlesFileSchema, articlesJson)
      : upgradeArticlesV2(parseWith(ENTRY.articles, V2ArticlesFileSchema, articlesJson));
  const { counts } = manifest;
  checkCount('articles', counts.articles, file.articles.length, ENTRY.articles);

  const total = file.articles.length + 2;
  const articles: Article[] = [];
  const ids = new Set<string>();
  const shas = new Map<string, string>();
  // Hashes are computed up to HASH_AHEAD articles ahead of the checks: Web Crypto runs them off
  // this thread, so waiting on one digest at a time left the reader idle between articles.
  const digests: Promise<string>[] = [];
  const digestOf = (i: number) => {
    for (let j = digests.length; j < Math.min(file.articles.length, i + HASH_AHEAD); j++) {
      digests.push(sha256Hex(file.articles[j]!.text));
    }
    return digests[i]!;
  };
  const nameOf = (a: { title: string; text: string }) => `“${excerpt(a.title || a.text)}”`;
  const checkHash = async (i: number) => {
    const a = file.articles[i]!;
    // The text is well-formed (the schema refused lone surrogates), so the UTF-8 bytes hashed
    // here are exactly the stored string: no replacement character can make two texts collide.
    if ((await digestOf(i)) !== a.sha256) {
      fail(
        'hash-mismatch',
        `The text of article ${nameOf(a)} does not match its fingerprint (sha256): it was changed after export or the file is damaged. ${EXPORT_AGAIN}`,
        ENTRY.articles,
      );
    }
  };
  for (const [i, a] of file.articles.entries()) {
    checkAborted(opts);
    const name = nameOf(a);
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
    // Corroborate 0.1.0 stamped some rows modified a moment before created (format 2): those
    // are read with modified = created; a format 3 bundle never holds one, so there it is damage.
    if (version === 3) checkTimes(`articles[${i}]`, ENTRY.articles, a.createdAt, a.updatedAt);
    if (canonicalizeText(a.text) !== a.text) {
      fail(
        'not-canonical',
        `The text of article ${name} is not in Corroborate's normalized form (line breaks, spacing or Unicode form differ), so its offsets cannot be trusted. ${EXPORT_AGAIN}`,
        ENTRY.articles,
      );
    }
    if (!hashesLater) await checkHash(i);
    // Articles are named by their text everywhere: the id in the file is not kept (annotations
    // point at the sha256 URN), so a bundle written by another tool with its own ids still reads.
    if (a.structure !== null) checkStructure(a.text, a.structure, i);
    articles.push({
      id: a.sha256,
      sha256: a.sha256,
      title: a.title,
      source: a.source,
      authors: a.authors,
      url: a.url,
      language: a.language,
      date: a.date,
      text: a.text,
      structure: a.structure,
      origin: { kind: a.origin.kind, name: a.origin.name, format: a.origin.format },
      createdAt: fromIso(a.createdAt),
      updatedAt: Math.max(fromIso(a.createdAt), fromIso(a.updatedAt)),
      deletedAt: null,
    });
    opts.onProgress?.(i + 1, total, 'Checking articles');
  }

  const verifyHashes = async () => {
    if (!hashesLater) return;
    for (let i = 0; i < file.articles.length; i++) {
      checkAborted(opts);
      await checkHash(i);
    }
  };
  return { manifest, articles, repairs, total, verifyHashes };
}

/** A time must not run backwards: modified before created means the row was tampered with. */
export function checkTimes(path: string, entry: string, created: string, modified: string): void {
  if (fromIso(modified) < fromIso(created)) {
    fail(
      'invalid-content',
      `${entry} does not match the bundle format at ${path}: it was modified (${modified}) before it was created (${created}). ${EXPORT_AGAIN}`,
      entry,
    );
  }
}

/** One block per line and every mark inside its line: the viewer relies on both. */
function checkStructure(text: string, structure: ArticleStructure, i: number): void {
  const lines = text.length === 0 ? [] : text.split('\n');
  const at = `articles.json does not match the bundle format at articles[${i}].structure`;
  if (structure.blocks.length !== lines.length) {
    fail(
      'invalid-content',
      `${at}: it has ${structure.blocks.length} blocks but the text has ${lines.length} lines (one block per line). ${EXPORT_AGAIN}`,
      ENTRY.articles,
    );
  }
  structure.blocks.forEach((b, n) => {
    for (const m of b.marks ?? []) {
      if (m.start >= m.end || m.end > lines[n]!.length) {
        fail(
          'invalid-content',
          `${at}.blocks[${n}]: a ${m.type} mark covers ${m.start}–${m.end} of a line of ${lines[n]!.length} characters. ${EXPORT_AGAIN}`,
          ENTRY.articles,
        );
      }
    }
  });
}

/**
 * The articles' shape must match the manifest's version: format 3 articles carry `authors`,
 * format 2 articles do not. Reading one as the other either fails on "expected array" or, worse,
 * silently drops fields, so the mismatch is named instead.
 */
function checkArticlesVersion(version: 2 | 3, written: string, json: unknown): void {
  const first = (json as { articles?: unknown[] } | null)?.articles?.[0];
  if (typeof first !== 'object' || first === null) return;
  const content = 'authors' in first ? 3 : 2;
  if (content === version) return;
  fail(
    'version-mismatch',
    `The bundle's manifest says format ${written}, but its contents are in format ${content} (${content === 3 ? 'its articles have authors' : 'its articles have no authors or structure'}), so the manifest was replaced or the zip was put together by hand. ${EXPORT_AGAIN}`,
    ENTRY.manifest,
  );
}

export function checkCount(what: string, declared: number, actual: number, entry: string): void {
  if (declared !== actual) {
    fail(
      'count-mismatch',
      `The bundle's manifest lists ${declared} ${what} but ${entry} holds ${actual}: the bundle is incomplete or was edited after export. ${EXPORT_AGAIN}`,
      entry,
    );
  }
}
