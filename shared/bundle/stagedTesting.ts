import type { Annotation } from '../model/types';
import type { BundleError } from './errors';
import { err, ok, type Result } from './result';
import { canonicalError, stageBundle } from './staged';
import type { ParsedBundle } from './types';

/**
 * A staged read carried to the end the way the importer does it (chunks of `chunk`
 * annotations, then finish), with the importer's message for a failure: what tests compare
 * with readBundle.
 */
export async function readStagedWhole(
  bytes: Uint8Array,
  chunk: number,
): Promise<Result<ParsedBundle, BundleError>> {
  const staged = await stageBundle(bytes);
  if (!staged.ok) return staged;
  const s = staged.value;
  try {
    const annotations: Annotation[] = [];
    for (let rows = s.next(chunk); rows.length > 0; rows = s.next(chunk)) annotations.push(...rows);
    s.finish();
    return ok({
      formatVersion: s.formatVersion,
      appVersion: s.appVersion,
      createdAt: s.createdAt,
      articles: s.articles,
      annotations,
      groups: s.groups,
      warnings: s.warnings,
    });
  } catch (e) {
    return err(await canonicalError(bytes, e));
  }
}
