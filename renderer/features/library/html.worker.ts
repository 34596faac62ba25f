/**
 * The heavy half of the HTML import off the main thread: linkedom parses the page and Readability
 * finds the article in it (see htmlExtract.ts). Only the article's HTML and the page's facts go
 * back; the main thread sanitises that HTML with DOMPurify in a real DOM before reading it.
 * Cancel terminates this worker.
 */
import { extractPage } from './htmlExtract';
import { linkedomParse } from './linkedomParse';
import type { HtmlWorkerRequest, HtmlWorkerResponse } from './htmlWorkerClient';

self.onmessage = (event: MessageEvent<HtmlWorkerRequest>) => {
  const post = (msg: HtmlWorkerResponse) => (self as unknown as Worker).postMessage(msg);
  try {
    const { html, readability } = event.data;
    post({ ok: true, extract: extractPage(html, linkedomParse, readability) });
  } catch (e) {
    post({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
