/**
 * Every value a bundle may carry is bounded, so a hostile or damaged file is refused with a
 * message naming the field and its limit instead of reaching the database (a 9e15 ms time that
 * later breaks every export, a 2 GB title that freezes the library). The limits are far above
 * anything an editor produces and are part of the published JSON Schema (maxLength, maxItems,
 * patterns), except the two a JSON Schema cannot state: a real calendar range for times and
 * well-formed Unicode (no lone surrogates), which the reader checks.
 */
import { z } from 'zod';

export const LIMITS = {
  id: 256,
  title: 2_000,
  source: 300,
  author: 300,
  authors: 100,
  url: 4_096,
  language: 35,
  /** 64 Mi UTF-16 units: a 50 MB article fits. */
  text: 64 * 1024 * 1024,
  blocks: 2_000_000,
  marks: 10_000,
  quote: 1_000_000,
  context: 1_000,
  speaker: 1_000,
  /** Notes, reasoning and resolutions: long enough for a memo, bounded all the same. */
  note: 1_000_000,
  tag: 200,
  tags: 100,
  label: 10_000,
  verdict: 200,
  appVersion: 64,
  articles: 100_000,
  items: 2_000_000,
} as const;

/** Times are accepted from 1990 to the end of 2099: rows are created by this app, now. */
export const MIN_TIME = Date.UTC(1990, 0, 1);
export const MAX_TIME = Date.UTC(2100, 0, 1) - 1;
export const TIME_RANGE_TEXT = 'between 1990-01-01 and 2099-12-31';

export function inTimeRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_TIME && ms <= MAX_TIME;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False when the string holds half of a UTF-16 surrogate pair, which is not text. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Lone surrogates replaced by U+FFFD, exactly what UTF-8 encoding (TextEncoder, sha256Hex) does
 * to them: so the string stored is the string hashed, and no two texts share one sha256.
 */
export function toWellFormed(s: string): string {
  return LONE_SURROGATE.test(s) ? s.replace(LONE_SURROGATES, '\uFFFD') : s;
}

export const LONE_SURROGATE_MESSAGE =
  'contains a lone surrogate (half of a UTF-16 character pair), which is not valid text';

/** A bounded, well-formed string; messages name the limit, the path names the field. */
export function text(max: number, min = 0) {
  const base = z
    .string()
    .max(max, `is longer than the limit of ${max.toLocaleString('en-US')} characters`);
  return (min > 0 ? base.min(min, `must not be empty`) : base).refine(isWellFormed, {
    message: LONE_SURROGATE_MESSAGE,
    abort: true,
  });
}

/** An array with at most `max` items (message names the limit). */
export function bounded<T extends z.ZodType>(item: T, max: number) {
  return z.array(item).max(max, `has more than the limit of ${max.toLocaleString('en-US')} items`);
}

// Year 1990–2099, real month/day ranges, always UTC with milliseconds optional: a pattern any
// JSON Schema validator understands, instead of the "date-time" format Ajv strict mode rejects.
export const ISO_PATTERN =
  /^(?:199\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;

/** ISO 8601 UTC time in the accepted range (the pattern holds the range; Date.parse the day). */
export const isoTime = z
  .string()
  .regex(
    ISO_PATTERN,
    `must be an ISO 8601 UTC time ${TIME_RANGE_TEXT}, e.g. 2017-09-28T14:03:00.000Z`,
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a real calendar date' })
  .describe(`ISO 8601 date-time in UTC ${TIME_RANGE_TEXT}, e.g. 2017-09-28T14:03:00.000Z`);

/** Epoch milliseconds in the accepted range (format 1 stored times as numbers). */
export const epochMs = z
  .number()
  .int()
  .min(MIN_TIME, `must be a time ${TIME_RANGE_TEXT} (epoch milliseconds)`)
  .max(MAX_TIME, `must be a time ${TIME_RANGE_TEXT} (epoch milliseconds)`);

export const count = z.number().int().min(0).max(LIMITS.items);
export const id = text(LIMITS.id, 1);
