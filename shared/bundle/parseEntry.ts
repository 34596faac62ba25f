import type { z } from 'zod';
import { toWellFormed } from './bounds';
import { EXPORT_AGAIN, fail } from './errors';

/** Counts strings repaired while reading an older format (see parseJsonEntry). */
export interface Repairs {
  strings: number;
}

/**
 * JSON.parse with an error that names the entry. With `repairs` (formats 1 and 2 only), lone
 * surrogates are replaced by U+FFFD instead of being refused: app 0.1.x cut titles inside emoji
 * pairs, and UTF-8 (hence its sha256) already saw U+FFFD there, so the repaired string is the
 * one the fingerprint was computed on. Format 3 is written well-formed and refused otherwise.
 */
export function parseJsonEntry(name: string, text: string | undefined, repairs?: Repairs): unknown {
  if (text === undefined) {
    fail(
      'missing-entry',
      `The bundle has no ${name}, so it is incomplete or not a Corroborate bundle. ${EXPORT_AGAIN}`,
      name,
    );
  }
  try {
    if (!repairs) return JSON.parse(text);
    return JSON.parse(text, (_key, value: unknown) => {
      if (typeof value !== 'string') return value;
      const fixed = toWellFormed(value);
      if (fixed !== value) repairs.strings++;
      return fixed;
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    fail('invalid-json', `${name} in the bundle is not valid JSON (${why}). ${EXPORT_AGAIN}`, name);
  }
}

/** Schema validation with an error naming the first problem by its path, e.g. articles[3].sha256. */
export function parseWith<S extends z.ZodType>(
  name: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0]!;
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : '';
  fail(
    'invalid-content',
    `${name} does not match the bundle format at ${formatPath(first.path)}: ${first.message}${more}. ${EXPORT_AGAIN}`,
    name,
  );
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

export function repairWarning(repairs: Repairs): string[] {
  return repairs.strings === 0
    ? []
    : [
        `Replaced broken characters (half of an emoji pair, left by an older version) with � in ${repairs.strings} place(s).`,
      ];
}
