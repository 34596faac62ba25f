/**
 * Opening the zip safely. Everything here runs before any entry is parsed: the size limit,
 * what kind of file this is, entry names (no `../`, no absolute paths, no duplicates), and the
 * declared uncompressed total (zip-bomb guard). Only the entries the reader knows are inflated.
 */
import { unzipSync } from 'fflate';
import {
  BundleFailure,
  EXPORT_AGAIN,
  bundleError,
  fail,
  formatBytes,
  type BundleError,
} from './errors';
import { MAX_BUNDLE_BYTES, MAX_UNCOMPRESSED_BYTES } from './format';

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
  /** Decoded UTF-8 text of each wanted entry present in the zip. */
  texts: Map<string, string>;
  /** Names of other files in the zip (not inflated). Folders are left out. */
  others: string[];
}

export function unzipEntries(bytes: Uint8Array, wanted: ReadonlySet<string>): UnzippedEntries {
  sniff(bytes);
  const seen = new Set<string>();
  const others: string[] = [];
  let declared = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(file) {
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
        declared += file.originalSize;
        if (declared > MAX_UNCOMPRESSED_BYTES) {
          fail(
            'too-large',
            `The bundle would unpack to more than ${formatBytes(MAX_UNCOMPRESSED_BYTES)}, far beyond any real workspace; it was not opened. Export fewer articles at a time.`,
          );
        }
        if (wanted.has(file.name)) return true;
        if (!file.name.endsWith('/')) others.push(file.name);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof BundleFailure) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (msg === 'invalid zip data') {
      fail(
        'truncated',
        'The bundle is cut short: the end of the zip archive is missing, so the copy or download was probably interrupted. Copy or download it again.',
      );
    }
    fail('corrupt', `The bundle is damaged and cannot be unpacked (${msg}). ${EXPORT_AGAIN}`);
  }

  const texts = new Map<string, string>();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const [name, data] of Object.entries(raw)) {
    try {
      texts.set(name, utf8.decode(data));
    } catch {
      fail(
        'corrupt',
        `${name} in the bundle is not UTF-8 text, so it is damaged. ${EXPORT_AGAIN}`,
        name,
      );
    }
  }
  return { texts, others };
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
