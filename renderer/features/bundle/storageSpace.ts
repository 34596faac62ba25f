import { formatBytes } from '../../../shared/bundle/errors';
import type { StagedBundle } from '../../../shared/bundle';

/**
 * Disk space for imports: estimate before writing, refuse with the numbers when it will not fit,
 * and turn IndexedDB's QuotaExceededError into a sentence. The import itself runs in one
 * transaction, so a quota failure rolls every row back and the space is released at once:
 * the next edit in the same session writes normally.
 */

/**
 * What the rows will take in IndexedDB: UTF-16 text (2 bytes a character, as Chromium stores
 * strings that are not Latin-1) plus per-row overhead for keys, indexes and structure,
 * measured on the sample workspace (renderer/bench) and rounded up.
 */
export function estimateImportBytes(
  b: Pick<StagedBundle, 'articles' | 'groups' | 'annotationText'>,
): number {
  let bytes = 0;
  for (const a of b.articles)
    bytes += 2 * a.text.length + 2_000 + (a.structure ? 40 * a.structure.blocks.length : 0);
  for (const a of b.annotationText()) bytes += 2 * (a.quote.length + a.note.length) + 700;
  for (const g of b.groups)
    bytes += 2 * (g.label.length + g.reasoning.length + g.resolution.length) + 400;
  return bytes;
}

export interface SpaceEstimate {
  usage: number;
  quota: number;
}

export async function storageEstimate(): Promise<SpaceEstimate | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  try {
    const e = await navigator.storage.estimate();
    return e.quota === undefined ? null : { usage: e.usage ?? 0, quota: e.quota };
  } catch {
    return null;
  }
}

/**
 * `free` is what navigator.storage.estimate() reported, or null when it reported nothing. After
 * a real quota error it may claim more than was needed: Chromium reports a static quota (usage +
 * 1 GiB on a small disk, + 10 GiB on a large one), so the true free space is only known to be
 * less than what the import needed, and the message says that rather than a wrong number.
 */
export function diskFullMessage(needed: number, free: number | null): string {
  const freeText =
    free !== null && free < needed
      ? formatBytes(Math.max(0, free))
      : `less than ${formatBytes(needed)}: the browser does not report the real free space`;
  return `The disk is full (needed ${formatBytes(needed)}, free ${freeText}). Free some disk space, then import again. Nothing was changed.`;
}

/** A refusal message when the import will not fit, or null (also when nothing is known). */
export function checkSpace(needed: number, estimate: SpaceEstimate | null): string | null {
  if (!estimate) return null;
  const free = estimate.quota - estimate.usage;
  return needed > free ? diskFullMessage(needed, free) : null;
}

/** True for IndexedDB's quota failure, however Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown; failures?: unknown[] } | null; e;) {
    if (e.name === 'QuotaExceededError') return true;
    if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f))) return true;
    e = (e.inner as typeof e) ?? null;
  }
  return false;
}

export type Persistence = 'persistent' | 'best-effort' | 'unavailable';

/**
 * Ask the browser to keep this app's data under storage pressure (Chromium grants it to
 * installed apps and Electron; a plain tab may be refused). Asked once at start; the settings
 * panel shows the answer.
 */
export async function requestPersistence(): Promise<Persistence> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unavailable';
  try {
    if (await navigator.storage.persisted()) return 'persistent';
    return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unavailable';
  }
}
