import type { ArticleOrigin } from '../../../shared/model/types';
import { maxBytesFor, sizeProblem } from '../../../shared/text/decode';
import { importDocx } from './docxImport';
import { finishPrepared, type Prepared } from './finishPrepared';
import type { ImportControl } from './importCancel';

/**
 * PDF and Word files: binary formats whose readers are large, so this module (and they) load
 * only when such a file is imported. Both parse off the main thread (pdf.js wholly in
 * pdfRead.worker.ts, mammoth in docx.worker.ts), report progress and stop on the signal; they
 * write nothing.
 */
export async function prepareBinary(
  name: string,
  bytes: Uint8Array,
  format: 'pdf' | 'docx',
  kind: ArticleOrigin['kind'],
  control: ImportControl = {},
): Promise<Prepared> {
  const tooBig = sizeProblem(bytes.byteLength, maxBytesFor(format));
  if (tooBig) return { ok: false, name, reason: tooBig };
  const origin: ArticleOrigin = { kind, name, format };
  if (format === 'docx') {
    control.onProgress?.(0, 1, 'Converting the Word document');
    const result = await importDocx(bytes, control.signal);
    if ('reason' in result) return { ok: false, name, reason: result.reason };
    return finishPrepared(name, origin, result.built, { ...result.facts, fileName: name });
  }
  const { importPdf } = await import('./pdfImport');
  const result = await importPdf(bytes, control);
  if ('reason' in result) return { ok: false, name, reason: result.reason };
  return finishPrepared(name, origin, result.built, { ...result.facts, fileName: name });
}
