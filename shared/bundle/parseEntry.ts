import type { z } from 'zod';
import { EXPORT_AGAIN, fail } from './errors';

/** JSON.parse with an error that names the entry. */
export function parseJsonEntry(name: string, text: string | undefined): unknown {
  if (text === undefined) {
    fail(
      'missing-entry',
      `The bundle has no ${name}, so it is incomplete or not a Corroborate bundle. ${EXPORT_AGAIN}`,
      name,
    );
  }
  try {
    return JSON.parse(text);
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
