/**
 * The zip's table of contents, read from the central directory (the part every zip tool treats as
 * authoritative), plus the checks that tell "not a zip", "cut short" and "damaged" apart. Nothing
 * is inflated here; unzip.ts streams the entries this returns.
 */
import { EXPORT_AGAIN, fail } from './errors';

export interface ZipEntryInfo {
  name: string;
  /** APPNOTE 4.4.5 compression method: 0 stored, 8 deflate, 12 bzip2, 14 LZMA, … */
  method: number;
  flags: number;
  compressedSize: number;
  /** Uncompressed size as the header claims it; unzip.ts checks it against the real output. */
  declaredSize: number;
  localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const END_MIN = 22;

/** Names for methods other tools use, so the message says what the editor's zip tool did. */
const METHOD_NAMES = new Map<number, string>([
  [1, 'Shrink'],
  [6, 'Implode'],
  [9, 'Deflate64'],
  [12, 'bzip2'],
  [14, 'LZMA'],
  [93, 'Zstandard'],
  [95, 'XZ'],
  [96, 'JPEG'],
  [97, 'WavPack'],
  [98, 'PPMd'],
  [99, 'AES encryption'],
]);
export function methodName(method: number): string {
  return METHOD_NAMES.get(method) ?? `method ${method}`;
}

export const CUT_SHORT =
  'The bundle is cut short: the end of the zip archive is missing, so the copy or download was probably interrupted. Copy or download it again.';

/**
 * Where the entries are. Distinguishes: a file that merely starts with "PK" (not a zip), a real
 * zip whose end is missing (cut short), and a zip whose directory is inconsistent (damaged).
 */
export function readDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const end = findEnd(bytes, view);
  if (end < 0) {
    if (plausibleLocalHeader(bytes, view, 0)) fail('truncated', CUT_SHORT);
    notAZip('it starts like a zip archive but the rest is not zip data');
  }
  const count = u16(end + 10);
  const dirSize = u32(end + 12);
  const dirOffset = u32(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    fail(
      'corrupt',
      `The bundle is a ZIP64 archive, which Corroborate never writes (bundles stay far below 4 GB). ${EXPORT_AGAIN}`,
    );
  }
  if (dirOffset + dirSize > end) damaged('its table of contents points past its end');
  const entries: ZipEntryInfo[] = [];
  let at = dirOffset;
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== SIG_CENTRAL) damaged('its table of contents is broken');
    const flags = u16(at + 8);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    if (at + 46 + nameLen > end) damaged('its table of contents is broken');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLen);
    // Bit 11: the name is UTF-8; otherwise IBM 437, which agrees with latin1 for the ASCII
    // names a bundle has (and for spotting "..", "/" and "\").
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    entries.push({
      name,
      method: u16(at + 10),
      flags,
      compressedSize: u32(at + 20),
      declaredSize: u32(at + 24),
      localOffset: u32(at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The offset of the first byte of an entry's data, after checking its local header. */
export function dataStart(bytes: Uint8Array, entry: ZipEntryInfo): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) {
    damaged(`the header of ${entry.name} is missing`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) fail('truncated', CUT_SHORT);
  return start;
}

function findEnd(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - END_MIN;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (
      view.getUint32(i, true) === SIG_END &&
      i + END_MIN + view.getUint16(i + 20, true) <= bytes.length
    ) {
      return i;
    }
  }
  return -1;
}

/** A local file header whose name fits in the file and is printable: a zip, maybe cut short. */
function plausibleLocalHeader(bytes: Uint8Array, view: DataView, at: number): boolean {
  if (bytes.length < at + 30 || view.getUint32(at, true) !== SIG_LOCAL) return false;
  const version = view.getUint16(at + 4, true);
  const nameLen = view.getUint16(at + 26, true);
  if (version > 63 || nameLen === 0 || nameLen > 1024 || at + 30 + nameLen > bytes.length) {
    return false;
  }
  return bytes.subarray(at + 30, at + 30 + nameLen).every((b) => b >= 0x20 && b !== 0x7f);
}

function notAZip(why: string): never {
  fail(
    'not-a-zip',
    `This is not a Corroborate bundle: ${why}. Choose a .corroborate file exported from Corroborate.`,
  );
}

function damaged(why: string): never {
  fail('corrupt', `The bundle is damaged and cannot be unpacked (${why}). ${EXPORT_AGAIN}`);
}
