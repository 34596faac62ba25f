/**
 * Canonical article text: the one string every offset in Corroborate counts against.
 *
 * Rules (stable: changing them changes sha256 identities and stored offsets):
 *  - Unicode NFC, so the same visible text hashes the same whichever editor saved it;
 *  - CRLF / CR / Unicode line and paragraph separators become LF;
 *  - control characters other than LF become a space (tabs, NUL, form feeds never reach the viewer);
 *  - runs of horizontal white space (incl. NBSP) collapse to one space, each line is trimmed;
 *  - empty lines are dropped: one paragraph per line, joined by a single '\n';
 *  - a lone surrogate (half of a UTF-16 pair, not text) becomes U+FFFD, as UTF-8 encoding does,
 *    so the text stored is exactly the text its sha256 was computed on.
 */
export function canonicalizeText(raw: string): string {
  const text = raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return splitParagraphs(text).join('\n');
}

function splitParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** Paragraphs of a canonical text. */
export function paragraphsOf(canonical: string): string[] {
  return canonical.length === 0 ? [] : canonical.split('\n');
}
