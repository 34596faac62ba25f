/**
 * Opening the zip safely. Before anything is inflated: the size limit, what kind of file this
 * is, entry names (no `../`, no absolute paths, no duplicates), compression methods and the
 * declared uncompressed total. While inflating: the bytes really produced (zip-bomb guard).
 * Only the entries the reader knows are inflated.
 */
import { Inflate } from 'fflate';
import {
  BundleFailure,
  EXPORT_AGAIN,
  bundleError,
  fail,
  formatBytes,
  type BundleError,
} from './errors';
import { checkAborted } from './abort';
import { MAX_BUNDLE_BYTES, MAX_UNCOMPRESSED_BYTES } from './format';
import type { ProgressOptions } from './types';
import { dataStart, methodName, readDirectory, type ZipEntryInfo } from './zipDirectory';

/** Check the size before reading the file at all (the renderer has File.size / stat size). */
export function checkBundleSize(byteLength: number): BundleError | null {
  if (byteLength > MAX_BUNDLE_BYTES) {
    return bundleError(
      'too-large',
      `This file is ${formatBytes(byteLength)}; Corroborate opens bundles up to ${formatBytes(MAX_BUNDLE_BYTES)}. Export fewer articles at a time and import the parts one by one.`,
    );
  }
  if (byteLength === 0) {
    return bundleError('empty', 'This file is empty (0 bytes). Copy or download the bundle again.');
  }
  return null;
}

/** Why an entry name is unsafe to honour, or null when it is a plain relative name. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.includes('\\')) return 'uses backslashes, which Windows treats as folders';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((seg) => seg === '..')) return 'climbs out of the bundle with “..”';
  return null;
}

export interface UnzippedEntries {
  /** Decoded UTF-8 text of each wanted entry present in the zip (deferred ones not yet). */
  texts: Map<string, string>;
  /** Names of other files in the zip (not inflated). Folders are left out. */
  others: string[];
  /** Wanted entries present but left to `inflateDeferred` (see UnzipOptions.defer). */
  deferred: Set<string>;
  /** Inflate a deferred entry: checked and counted exactly like the others (same limits). */
  inflateDeferred(name: string): Promise<string>;
}

export interface UnzipOptions extends ProgressOptions {
  /** Total actual inflated bytes allowed (tests lower it); default MAX_UNCOMPRESSED_BYTES. */
  maxBytes?: number;
  /**
   * Wanted entries to inflate later, when asked (an import writes the articles while the
   * annotations are inflated). Honoured only for entries after every other wanted entry in the
   * zip, so the entries inflated now are the ones an eager read would inflate first, in the
   * same order, and meet the same first failure.
   */
  defer?: ReadonlySet<string>;
}

/**
 * Inflate the wanted entries, counting the bytes the inflater really produces, per entry and in
 * total. The sizes in zip headers are claims: a zip bomb declares 1,000 bytes and inflates to
 * 4 GiB. Reading stops as soon as an entry produces more than it declared or the total passes
 * the limit, so at most one slice's output beyond the claim is ever held.
 */
export async function unzipEntries(
  bytes: Uint8Array,
  wanted: ReadonlySet<string>,
  opts: UnzipOptions = {},
): Promise<UnzippedEntries> {
  sniff(bytes);
  const limit = opts.maxBytes ?? MAX_UNCOMPRESSED_BYTES;
  const entries = readDirectory(bytes);
  const seen = new Set<string>();
  const others: string[] = [];
  const chosen: ZipEntryInfo[] = [];
  let declared = 0;
  for (const file of entries) {
    const why = unsafeEntryName(file.name);
    if (why) {
      fail(
        'unsafe-path',
        `The bundle contains an entry named “${file.name}” that ${why}. Corroborate never writes such entries, so the file was altered or is not a real bundle; it was not opened.`,
        file.name,
      );
    }
    if (seen.has(file.name)) {
      fail(
        'duplicate-entry',
        `The bundle contains “${file.name}” twice, so it is unclear which one counts. ${EXPORT_AGAIN}`,
        file.name,
      );
    }
    seen.add(file.name);
    declared += file.declaredSize;
    if (declared > limit) {
      fail(
        'too-large',
        `The bundle would unpack to more than ${formatBytes(limit)}, far beyond any real workspace; it was not opened. Export fewer articles at a time.`,
      );
    }
    if (wanted.has(file.name)) chosen.push(file);
    else if (!file.name.endsWith('/')) others.push(file.name);
  }

  for (const file of chosen) {
    if (file.flags & 1) {
      fail(
        'unsupported-method',
        `${file.name} in the bundle is encrypted; Corroborate bundles never are. Unzip it with its password, then ask whoever sent it to export it again from Corroborate.`,
        file.name,
      );
    }
    if (file.method !== 0 && file.method !== 8) {
      fail(
        'unsupported-method',
        `${file.name} in the bundle is compressed with ${methodName(file.method)}, which Corroborate cannot unpack (it reads deflate and stored entries, which it writes itself). Unzip the file and zip it again with standard (deflate) compression, or ask whoever sent it to export it again from Corroborate.`,
        file.name,
      );
    }
  }

  // Deferred: a tail of the chosen entries, each named in opts.defer.
  let eager = chosen.length;
  while (eager > 0 && opts.defer?.has(chosen[eager - 1]!.name)) eager--;
  const later = chosen.slice(eager);
  const texts = new Map<string, string>();
  const total = chosen.slice(0, eager).reduce((n, f) => n + f.compressedSize, 0);
  let fed = 0;
  let inflated = 0;
  const tooBig = (name: string): never =>
    fail(
      'too-large',
      `This bundle unpacks to more than ${formatBytes(inflated)} (it claims ${formatBytes(declared)}): ${name} holds more than its zip header says, so the file was altered or built to exhaust memory. It was not opened. ${EXPORT_AGAIN}`,
      name,
    );
  const inflateOne = async (file: ZipEntryInfo, report: boolean): Promise<string> => {
    const start = dataStart(bytes, file);
    const data = bytes.subarray(start, start + file.compressedSize);
    let produced = 0;
    const parts: Uint8Array[] = [];
    // Counts every byte the inflater really produces, whichever inflater it is.
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      inflated += chunk.length;
      if (produced > file.declaredSize || inflated > limit) tooBig(file.name);
      if (chunk.length > 0) parts.push(chunk);
    };
    // A deferred entry is inflated while the import writes: it reports no reading progress.
    const progress = (at: number) => report && opts.onProgress?.(fed + at, total, 'Unpacking');
    if (file.method === 0) {
      take(data);
    } else {
      const before = inflated;
      const native = await inflateNative(data, file.declaredSize, take, progress, opts);
      if (!native) {
        // No native inflater here, or it refused the data: fflate decides, and its message is
        // the one shown (the same message whichever platform reads the file).
        inflated = before;
        produced = 0;
        parts.length = 0;
        inflateFflate(file.name, data, take, progress, opts);
      }
    }
    fed += data.length;
    if (produced !== file.declaredSize) {
      fail(
        'corrupt',
        `The bundle is damaged and cannot be unpacked (${file.name} holds ${produced} bytes but its header says ${file.declaredSize}). ${EXPORT_AGAIN}`,
        file.name,
      );
    }
    return decodeText(file.name, concat(parts, produced));
  };
  for (const file of chosen.slice(0, eager)) texts.set(file.name, await inflateOne(file, true));
  return {
    texts,
    others,
    deferred: new Set(later.map((f) => f.name)),
    inflateDeferred: (name) => {
      const file = later.find((f) => f.name === name);
      if (!file) throw new Error(`${name} was not deferred`);
      return inflateOne(file, false);
    },
  };
}

/** The part of the platform's DecompressionStream used here (shared/ is typed without the DOM). */
interface NativeDecompressor {
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readable: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(): Promise<void>;
    };
  };
}
const NativeInflater = (
  globalThis as { DecompressionStream?: new (format: string) => NativeDecompressor }
).DecompressionStream;

/**
 * Inflate with the platform's zlib (DecompressionStream): native code, several times faster than
 * fflate in JavaScript, most of all in a freshly started worker whose JavaScript is not yet
 * optimised (a 10 MB entry: ~65 ms against ~190 ms). Output arrives in chunks as it is read and
 * every byte is counted, so a zip bomb stops one chunk past its claim. Resolves false when there
 * is no native inflater, it refused the data, or the entry is too large: fflate then reads the
 * entry again and decides, so every refusal and its message (which states the bytes inflated
 * when reading stopped) are the same on every platform. Cancel propagates.
 */
async function inflateNative(
  data: Uint8Array,
  declared: number,
  take: (chunk: Uint8Array) => void,
  progress: (at: number) => void,
  opts: ProgressOptions,
): Promise<boolean> {
  if (!NativeInflater || data.length === 0) return false;
  let stream: NativeDecompressor;
  try {
    stream = new NativeInflater('deflate-raw');
  } catch {
    return false; // 'deflate-raw' unknown to this platform
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // The input goes in SLICE by SLICE, each once the previous one is inflated: the stream
  // inflates a written chunk whole, so one write of a 4 MB bomb would produce its 4 GiB before
  // the first output chunk could be counted. Errors surface through the reader.
  let stopped = false;
  void (async () => {
    for (let at = 0; at < data.length && !stopped; at += SLICE) {
      await writer.write(data.subarray(at, Math.min(at + SLICE, data.length)));
    }
    if (!stopped) await writer.close();
  })().catch(() => {});
  let out = 0;
  let finished = false;
  try {
    for (;;) {
      checkAborted(opts);
      let next: { done: boolean; value?: Uint8Array };
      try {
        next = await reader.read();
      } catch {
        finished = true; // the stream refused the data and is closed
        return false;
      }
      if (next.done || !next.value) {
        finished = true;
        return true;
      }
      try {
        take(next.value);
      } catch (e) {
        if (e instanceof BundleFailure && e.error.code === 'too-large') return false;
        throw e;
      }
      out += next.value.length;
      // The stream does not say how much input it consumed: estimate from the output.
      progress(Math.min(data.length, Math.round((out / Math.max(1, declared)) * data.length)));
    }
  } finally {
    // Too large, cancelled or done: no more input, and an unfinished stream is dropped.
    stopped = true;
    if (!finished) reader.cancel().catch(() => {});
  }
}

/**
 * Input is fed to the inflater in slices this big. Deflate expands at most about 1032:1, so one
 * slice can produce at most ~8 MB before the byte count is checked again.
 */
const SLICE = 8 * 1024;

function inflateFflate(
  name: string,
  data: Uint8Array,
  take: (chunk: Uint8Array) => void,
  progress: (at: number) => void,
  opts: ProgressOptions,
): void {
  const inflater = new Inflate((chunk) => take(chunk));
  for (let at = 0; at < data.length; at += SLICE) {
    checkAborted(opts);
    const end = Math.min(at + SLICE, data.length);
    try {
      inflater.push(data.subarray(at, end), end === data.length);
    } catch (e) {
      if (e instanceof BundleFailure) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      fail(
        'corrupt',
        `The bundle is damaged and cannot be unpacked (${name}: ${msg}). ${EXPORT_AGAIN}`,
        name,
      );
    }
    progress(end);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8: a replacement character would silently change text whose sha256 is checked. */
function decodeText(name: string, data: Uint8Array): string {
  try {
    return utf8.decode(data);
  } catch {
    fail(
      'invalid-text',
      `${name} in the bundle is not valid UTF-8 text, so it is damaged or was not written by Corroborate. ${EXPORT_AGAIN}`,
      name,
    );
  }
}

/** Refuse early, with a specific message, anything that is not a zip archive. */
function sniff(bytes: Uint8Array): void {
  const sizeError = checkBundleSize(bytes.length);
  if (sizeError) throw new BundleFailure(sizeError);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (isZip) return;
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch {
      // Not even valid JSON: the generic message below fits.
    }
    const type = (parsed as { type?: unknown } | null)?.type;
    if (type === 'AnnotationCollection' || type === 'Annotation') {
      fail(
        'json-not-bundle',
        'This is a W3C Web Annotation JSON-LD file, not a .corroborate bundle: it has the annotations but not the article texts they point to. Ask for a .corroborate bundle, which carries both.',
      );
    }
    fail(
      'json-not-bundle',
      'This is a JSON text file, not a .corroborate bundle (a zip archive). Choose a .corroborate file exported from Corroborate.',
    );
  }
  fail(
    'not-a-zip',
    'This is not a Corroborate bundle: it is not a zip archive. Choose a .corroborate file exported from Corroborate.',
  );
}
