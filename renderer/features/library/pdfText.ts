import type { PdfItem, PdfPage } from '../../../shared/structure/pdfLayout';

/**
 * Reads every page's positioned text with pdf.js. The pdf.js module is passed in: the app uses
 * the browser build inside pdfRead.worker.ts, Node tests and the bench use the legacy build. Only text is read: no rendering, fonts or images.
 */
export interface PdfJsLike {
  getDocument(src: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
  }): {
    promise: Promise<PdfDocLike>;
    destroy(): Promise<void>;
  };
}

interface PdfDocLike {
  numPages: number;
  getMetadata(): Promise<{ info?: unknown }>;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    getTextContent(): Promise<{ items: unknown[] }>;
    cleanup(): void;
  }>;
}

export interface PdfInfo {
  title: string | null;
  author: string | null;
  created: string | null;
  language: string | null;
}

export async function readPdfPages(
  pdfjs: PdfJsLike,
  bytes: Uint8Array,
  onPage?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ pages: PdfPage[]; info: PdfInfo }> {
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes survive.
  if (signal?.aborted) throw new DOMException('PDF import cancelled', 'AbortError');
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false });
  // Cancel stops pdf.js at once (its worker drops the document), even inside a slow page.
  const stop = () => void task.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  const cancelled = () => new DOMException('PDF import cancelled', 'AbortError');
  let doc: PdfDocLike;
  try {
    doc = await task.promise;
  } catch (e) {
    signal?.removeEventListener('abort', stop);
    throw signal?.aborted ? cancelled() : e;
  }
  try {
    const meta = await doc.getMetadata().catch(() => ({ info: undefined }));
    const info = (meta.info ?? {}) as Record<string, unknown>;
    const pages: PdfPage[] = [];
    onPage?.(0, doc.numPages);
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw cancelled();
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
        if (typeof it.str !== 'string' || !it.transform) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
        items.push({
          str: it.str,
          x: e,
          y: f,
          width: it.width ?? 0,
          size: Math.hypot(a, b) || it.height || 10,
        });
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
      onPage?.(n, doc.numPages);
    }
    const str = (k: string) =>
      typeof info[k] === 'string' && (info[k] as string).trim() ? (info[k] as string).trim() : null;
    return {
      pages,
      info: {
        title: str('Title'),
        author: str('Author'),
        created: pdfDate(str('CreationDate')),
        language: str('Language'),
      },
    };
  } catch (e) {
    throw signal?.aborted ? cancelled() : e;
  } finally {
    signal?.removeEventListener('abort', stop);
    await task.destroy();
  }
}

/** "D:20170928120000Z" → "2017-09-28". */
function pdfDate(raw: string | null): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(raw ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
