/**
 * Constants of the `.corroborate` bundle format. Changing any of them is a format change: bump
 * FORMAT_VERSION and teach migrate.ts to read the old shape.
 *
 * Why a zip (fflate) and not one JSON file:
 *  - news text compresses about 4x with deflate, so bundles stay small enough to mail;
 *  - each part is a plain, separately readable file (unzip it and read annotations.jsonld in any
 *    Web Annotation tool), and new optional parts can be added without touching old ones;
 *  - zip is the container every OS opens, so editors can inspect a bundle without the app.
 * The price is zip's own attack surface (entry paths such as `../x`, zip bombs, truncation); the
 * reader checks paths and declared sizes before inflating anything.
 */

export const FORMAT_NAME = 'corroborate-bundle';
/**
 * v1: the pre-release draft (migrate.ts). v2: W3C JSON-LD annotations, code-point offsets
 * (migrateV2.ts). v3: source fields and structure, tags and authors, verdicts and status, W3C
 * targets other tools accept, bounded values.
 */
export const FORMAT_VERSION = 3;
export const BUNDLE_EXTENSION = '.corroborate';
export const BUNDLE_MIME = 'application/vnd.corroborate.bundle+zip';

/** Bundles above this are refused before a single byte is read (check the file size first). */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
/** Sum of the entries' declared uncompressed sizes above this is refused (zip-bomb guard). */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

export const ENTRY = {
  manifest: 'manifest.json',
  articles: 'articles.json',
  annotations: 'annotations.jsonld',
} as const;

/** JSON-LD context: the W3C model plus a small `corroborate:` vocabulary for what it lacks. */
export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CORROBORATE_VOCAB = 'urn:corroborate:vocab:';
export const JSONLD_CONTEXT = [W3C_ANNO_CONTEXT, { corroborate: CORROBORATE_VOCAB }] as const;

const URN = {
  article: 'urn:corroborate:article:',
  annotation: 'urn:corroborate:annotation:',
  group: 'urn:corroborate:group:',
} as const;
export type UrnKind = keyof typeof URN;

/** Articles are named by the sha256 of their canonical text: the same text is the same article everywhere. */
export function articleUrn(sha256: string): string {
  return URN.article + sha256;
}
/** Ids are percent-encoded so any app id yields a valid URN and decodes back unchanged. */
export function annotationUrn(id: string): string {
  return URN.annotation + encodeURIComponent(id);
}
export function groupUrn(id: string): string {
  return URN.group + encodeURIComponent(id);
}

/** The id inside a URN of the given kind, or null when the URN is of another kind or malformed. */
export function parseUrn(kind: UrnKind, urn: string): string | null {
  if (!urn.startsWith(URN[kind])) return null;
  const rest = urn.slice(URN[kind].length);
  if (rest.length === 0) return null;
  if (kind === 'article') return /^[0-9a-f]{64}$/.test(rest) ? rest : null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
export function fromIso(iso: string): number {
  return Date.parse(iso);
}
