/**
 * A list row shows at most this many characters of a quote or note (the inspector shows it all):
 * laying out a 50 MB note in a row froze the window for seconds, and a row is a glance anyway.
 */
export const ROW_TEXT_LIMIT = 400;

export function rowText(text: string): string {
  return text.length > ROW_TEXT_LIMIT ? `${text.slice(0, ROW_TEXT_LIMIT - 1)}…` : text;
}
