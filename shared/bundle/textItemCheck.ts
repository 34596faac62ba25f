/**
 * A fast yes for the common case of TextAnnotationSchema (schema.ts). Checking 10,000 items
 * with zod took a large share of an import's CPU in a freshly started worker (issue 11); most
 * items are plain and pass. This check says true only for an item the schema accepts, with the
 * same bounds (LIMITS), patterns and well-formedness; for anything else it says false and the
 * caller asks zod, whose verdict and message stand. It never refuses on its own.
 * (textItemCheck.test.ts compares it with the schema on thousands of damaged items.)
 */
import { ISO_PATTERN, LIMITS, isWellFormed } from './bounds';
import type { TextAnnotationLd } from './schema';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** text(max, min) of bounds.ts. */
const isText = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length <= max && v.length >= min && isWellFormed(v);

const isTime = (v: unknown): boolean =>
  typeof v === 'string' && ISO_PATTERN.test(v) && !Number.isNaN(Date.parse(v));

/** `count` of bounds.ts: an integer from 0 to LIMITS.items. */
const isCount = (v: unknown): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.items;

/** urn() of schema.ts: at most LIMITS.id × 4 characters, the prefix, then at least one `.`. */
function isUrn(v: unknown, prefix: string): boolean {
  if (typeof v !== 'string' || v.length > LIMITS.id * 4 || !v.startsWith(prefix)) return false;
  const next = v.charCodeAt(prefix.length);
  // `.` in a regular expression matches anything but a line terminator.
  return !Number.isNaN(next) && next !== 10 && next !== 13 && next !== 0x2028 && next !== 0x2029;
}

const ARTICLE_SOURCE = /^urn:corroborate:article:[0-9a-f]{64}$/;

function isBody(b: unknown): boolean {
  if (!isObj(b)) return false;
  if (b.purpose === 'linking') {
    return b.type === 'SpecificResource' && isUrn(b.source, 'urn:corroborate:group:');
  }
  if (b.type !== 'TextualBody') return false;
  switch (b.purpose) {
    case 'classifying':
      return b.value === 'claim' || b.value === 'quote';
    case 'identifying':
      return isText(b.value, LIMITS.speaker);
    case 'commenting':
      return isText(b.value, LIMITS.note) && (b.format === undefined || b.format === 'text/plain');
    case 'tagging':
      return isText(b.value, LIMITS.tag, 1);
    case 'assessing':
      return b.value === 'agrees' || b.value === 'conflicts';
    default:
      return false;
  }
}

function isSelector(s: unknown): boolean {
  if (!isObj(s)) return false;
  if (s.type === 'TextQuoteSelector') {
    return (
      isText(s.exact, LIMITS.quote, 1) &&
      isText(s.prefix, LIMITS.context) &&
      isText(s.suffix, LIMITS.context)
    );
  }
  return s.type === 'TextPositionSelector' && isCount(s.start) && isCount(s.end);
}

/** True only if TextAnnotationSchema accepts `x` (then `x` reads as the schema's output). */
export function isPlainTextItem(x: unknown): x is TextAnnotationLd {
  if (!isObj(x)) return false;
  if (x.type !== 'Annotation' || x.motivation !== 'highlighting') return false;
  if (!isUrn(x.id, 'urn:corroborate:annotation:')) return false;
  if (!isTime(x.created) || !isTime(x.modified)) return false;
  if (x.creator !== undefined) {
    const c = x.creator;
    if (!isObj(c) || c.type !== 'Person' || !isText(c.name, LIMITS.author, 1)) return false;
  }
  const body = x.body;
  if (!Array.isArray(body) || body.length < 1 || body.length > LIMITS.tags + 8) return false;
  for (const b of body) if (!isBody(b)) return false;
  const t = x.target;
  if (!isObj(t) || t.type !== 'SpecificResource') return false;
  if (typeof t.source !== 'string' || !ARTICLE_SOURCE.test(t.source)) return false;
  const sel = t.selector;
  return Array.isArray(sel) && sel.length === 2 && isSelector(sel[0]) && isSelector(sel[1]);
}
