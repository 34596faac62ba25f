import { parseHTML } from 'linkedom';
import type { ParseHtml } from './htmlExtract';

/**
 * HTML → a linkedom document: a DOM without layout, scripts or network, usable in a Worker
 * (which has no DOMParser) and in Node. linkedom's parser is not the browser's, which is why its
 * output is only ever handed to DOMPurify as a string, never trusted as a tree.
 */
export const linkedomParse: ParseHtml = (html) => parseHTML(html).document as unknown as Document;
