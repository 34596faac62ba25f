/**
 * Word → HTML (mammoth) off the main thread: unzipping and walking the XML of a large .docx
 * takes long enough to freeze the window, and Cancel simply terminates this worker. The HTML
 * comes back to the main thread, which sanitises it (DOMPurify needs a DOM; Workers have none).
 */
import { docxToHtml } from './docxHtml';
import type { DocxWorkerResponse } from './docxWorkerClient';

self.onmessage = async (event: MessageEvent<Uint8Array>) => {
  const post = (msg: DocxWorkerResponse) => (self as unknown as Worker).postMessage(msg);
  try {
    post({ ok: true, html: await docxToHtml(event.data) });
  } catch (e) {
    post({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
