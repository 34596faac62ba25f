/**
 * A bundle read in two stages, so an import can write while it reads. `stageBundle` reads and
 * checks everything up to the annotations (container, manifest, articles and their hashes, the
 * collection's envelope, the claim groups); the annotations are then checked and converted a
 * chunk at a time by `next`, each chunk written to IndexedDB while the next one is converted.
 * IndexedDB runs the writes on its own thread, so reading and writing overlap instead of adding
 * up: this is what brings a 10,000-annotation import near the cost of the raw writes (bench).
 *
 * It performs exactly readBundle's checks, so it fails on exactly the bundles readBundle
 * refuses; but it meets them in a different order (one annotation at a time rather than one
 * check at a time over all of them), so its messages are not the canonical ones. A caller that
 * catches a failure therefore asks readBundle for the message (`canonicalError`): failures are
 * rare, and the editor sees one message per bad file, whichever way it was imported.
 */
import type { Annotation, Article, ClaimGroup } from '../model/types';
import { checkAborted } from './abort';
import { BundleFailure, EXPORT_AGAIN, bundleError, fail, type BundleError } from './errors';
import { ENTRY } from './format';
import { isPlainTextItem } from './textItemCheck';
import { collectionReader, type CollectionReader } from './jsonld';
import { parseJsonEntry, parseWith } from './parseEntry';
import {
  checkCount,
  checkTimes,
  ignoredEntries,
  openContainer,
  readBundle,
  readContainer,
  readManifestAndArticles,
  versionWarnings,
  type BundleHead,
  type Container,
} from './read';
import { err, ok, type Result } from './result';
import {
  AnnotationCollectionSchema,
  AnnotationItemSchema,
  CollectionEnvelopeSchema,
  type GroupAnnotationLd,
  type TextAnnotationLd,
} from './schema';
import type { ParsedBundle, ProgressOptions } from './types';

export interface StagedBundle {
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  articles: Article[];
  /**
   * Reads what follows the articles: their sha256 checks, the annotations entry (inflated and
   * parsed) and the claim groups. Until it resolves only the fields above are set. Memoised;
   * already done for a bundle from stageBundle. Rejects with BundleFailure.
   */
  load(): Promise<void>;
  groups: ClaimGroup[];
  warnings: string[];
  /** Text annotations in the bundle (all still to be read by `next`). */
  annotationCount: number;
  /** Strings of each text annotation that will be stored (quote, context, note): disk estimate. */
  annotationText: () => Iterable<{ quote: string; note: string }>;
  /** Check and convert the next `n` annotations, in bundle order. Throws BundleFailure. */
  next(n: number): Annotation[];
  /** The checks that need every annotation; call after the last `next`. Throws BundleFailure. */
  finish(): void;
}

/** Stage a bundle, or return the first thing wrong with it (readBundle's message). */
export async function stageBundle(
  bytes: Uint8Array,
  opts: ProgressOptions = {},
): Promise<Result<StagedBundle, BundleError>> {
  const staged = await stageBundleHead(bytes, opts);
  if (!staged.ok) return staged;
  try {
    await staged.value.load();
    return staged;
  } catch (e) {
    return err(await canonicalError(bytes, e));
  }
}

/**
 * Stage a bundle up to its articles (parsed and checked, all but their sha256), leaving the
 * rest to `load()`: an import starts writing the articles while the annotations entry is
 * inflated and parsed and the hashes are computed. A failure found by `load()` may not be the
 * first one readBundle would report: pass it to `canonicalError`.
 */
export async function stageBundleHead(
  bytes: Uint8Array,
  opts: ProgressOptions = {},
): Promise<Result<StagedBundle, BundleError>> {
  let box: Container;
  try {
    box = await openContainer(bytes, opts, DEFER);
  } catch (e) {
    // The entries inflated so far are the ones readBundle inflates first, in its order: its
    // message, without inflating a zip bomb twice.
    if (e instanceof BundleFailure) return err(e.error);
    return err(await canonicalError(bytes, e));
  }
  try {
    // Formats 1 and 2 are read whole and upgraded in memory: old files, rarely large.
    if (box.version !== 3) {
      for (const name of [...box.deferred]) await box.inflateDeferred(name);
      return ok(stageParsed(await readContainer(box, opts)));
    }
    const head = await readManifestAndArticles(3, box.written, box.texts, opts, true);
    checkAborted(opts);
    return ok(stageLater(box, head, opts));
  } catch (e) {
    // Checks after the inflated entries: readBundle would have inflated the deferred one first.
    if (box.deferred.size === 0 && e instanceof BundleFailure) return err(e.error);
    return err(await canonicalError(bytes, e));
  }
}

/** The annotations entry is the last one Corroborate writes, and by far the largest. */
const DEFER: ReadonlySet<string> = new Set([ENTRY.annotations]);

/**
 * The message for a bundle a staged read refused: readBundle's, so it does not depend on how the
 * file was read. Cancel and unexpected errors keep their own.
 */
export async function canonicalError(bytes: Uint8Array, e: unknown): Promise<BundleError> {
  if (e instanceof BundleFailure && e.error.code === 'aborted') return e.error;
  const canonical = await readBundle(bytes);
  if (!canonical.ok) return canonical.error;
  if (e instanceof BundleFailure) return e.error;
  const why = e instanceof Error ? e.message : String(e);
  return bundleError('corrupt', `The bundle could not be read (${why}). ${EXPORT_AGAIN}`);
}

/** An already parsed bundle behind the same interface (formats 1 and 2, tests). */
export function stageParsed(parsed: ParsedBundle): StagedBundle {
  let at = 0;
  return {
    formatVersion: parsed.formatVersion,
    appVersion: parsed.appVersion,
    createdAt: parsed.createdAt,
    articles: parsed.articles,
    load: () => Promise.resolve(),
    groups: parsed.groups,
    warnings: parsed.warnings,
    annotationCount: parsed.annotations.length,
    annotationText: () =>
      parsed.annotations.map((a) => ({
        quote: a.quote.exact + a.quote.prefix + a.quote.suffix,
        note: a.note,
      })),
    next(n) {
      const chunk = parsed.annotations.slice(at, at + n);
      at += chunk.length;
      return chunk;
    },
    finish() {},
  };
}

/** A format-3 bundle whose annotations are read by `load()`. */
function stageLater(box: Container, head: BundleHead, opts: ProgressOptions): StagedBundle {
  const { manifest, articles } = head;
  // The digests start now, off this thread; load() waits for their verdict.
  const hashes = head.verifyHashes();
  hashes.catch(() => {}); // awaited by load()
  let rest: ReturnType<typeof stageAnnotations> | null = null;
  let loading: Promise<void> | null = null;
  const loaded = () => {
    if (!rest) throw new Error('load() the staged bundle before reading its annotations');
    return rest;
  };
  const staged: StagedBundle = {
    formatVersion: 3,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    articles,
    load: () =>
      (loading ??= (async () => {
        // Both wait on work off this thread (Web Crypto, the native inflater): side by side.
        await Promise.all([hashes, box.inflateDeferred(ENTRY.annotations)]);
        checkAborted(opts);
        rest = stageAnnotations(box, manifest, articles);
        staged.groups = rest.groups;
        staged.annotationCount = rest.annotationCount;
      })()),
    groups: [],
    warnings: [...versionWarnings(3, manifest.appVersion, undefined), ...ignoredEntries(box)],
    annotationCount: 0,
    annotationText: () => loaded().annotationText(),
    next: (n) => loaded().next(n),
    finish: () => loaded().finish(),
  };
  return staged;
}

function stageAnnotations(
  box: Container,
  manifest: BundleHead['manifest'],
  articles: Article[],
): Pick<StagedBundle, 'groups' | 'annotationCount' | 'annotationText' | 'next' | 'finish'> {
  const { texts } = box;
  const E = ENTRY.annotations;
  const json = parseJsonEntry(E, texts.get(E));
  const envelope = CollectionEnvelopeSchema.safeParse(json);
  // The whole-collection parse gives the canonical message for a bad envelope.
  if (!envelope.success) parseWith(E, AnnotationCollectionSchema, json);
  const { total, first } = envelope.data!;
  const items = first.items as unknown[];

  const motivation = (x: unknown) => (x as { motivation?: unknown } | null)?.motivation;
  const textCount = items.filter((x) => motivation(x) === 'highlighting').length;
  checkCount('annotations', manifest.counts.annotations, textCount, E);
  checkCount('claim groups', manifest.counts.groups, items.length - textCount, E);

  const groupItems: GroupAnnotationLd[] = [];
  items.forEach((x, i) => {
    if (motivation(x) !== 'linking') return;
    const item = checkItem(x, i);
    groupItems.push(item as GroupAnnotationLd);
  });
  const reader: CollectionReader = collectionReader(total, items.length, groupItems, articles);

  let at = 0;
  return {
    groups: reader.groups,
    annotationCount: textCount,
    annotationText: () => textOf(items),
    next(n) {
      const out: Annotation[] = [];
      while (at < items.length && out.length < n) {
        const i = at++;
        const x = items[i];
        if (motivation(x) === 'linking') continue;
        out.push(reader.annotation(checkTextItem(x, i)));
      }
      return out;
    },
    finish() {
      if (at < items.length) throw new Error('finish() before every annotation was read');
      reader.finish();
    },
  };
}

/** A text annotation item: the fast check for the usual case, else the schema (checkItem). */
function checkTextItem(x: unknown, i: number): TextAnnotationLd {
  if (!isPlainTextItem(x)) return checkItem(x, i) as TextAnnotationLd;
  checkTimes(`first.items[${i}]`, ENTRY.annotations, x.created, x.modified);
  return x;
}

/** One item against the schema and the time rule, as the whole-collection parse checks it. */
function checkItem(x: unknown, i: number) {
  const parsed = AnnotationItemSchema.safeParse(x);
  if (!parsed.success) {
    fail(
      'invalid-content',
      `${ENTRY.annotations}: first.items[${i}] is not valid`,
      ENTRY.annotations,
    );
  }
  const item = parsed.data;
  checkTimes(`first.items[${i}]`, ENTRY.annotations, item.created, item.modified);
  return item;
}

/** The stored strings of each text annotation, read defensively from unchecked items. */
function* textOf(items: unknown[]): Iterable<{ quote: string; note: string }> {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  for (const x of items) {
    const item = x as {
      motivation?: unknown;
      target?: { selector?: { exact?: unknown; prefix?: unknown; suffix?: unknown }[] };
      body?: { purpose?: unknown; value?: unknown }[];
    };
    if (item?.motivation !== 'highlighting') continue;
    const q = Array.isArray(item.target?.selector)
      ? item.target.selector.find((s) => s && typeof s.exact === 'string')
      : undefined;
    const note = Array.isArray(item.body)
      ? item.body.find((b) => b?.purpose === 'commenting')
      : undefined;
    yield {
      quote: str(q?.exact) + str(q?.prefix) + str(q?.suffix),
      note: str(note?.value),
    };
  }
}
