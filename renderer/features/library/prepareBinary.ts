import type { ArticleOrigin } from '../../../shared/model/types';
import { maxBytesFor, sizeProblem } from '../../../shared/text/decode';
import { importDocx } from './docxImport';
import { finishPrepared, type Prepared } from './finishPrepared';

/**
 * PDF and Word files: binary formats whose readers are large, so this module (and they) load
 * only when such a file is imported.
 */
export async function prepareBinary(
  name: string,
  bytes: Uint8Array,
  format: 'pdf' | 'docx',
  kind: ArticleOrigin['kind'],
): Promise<Prepared> {
  const tooBig = sizeProblem(bytes.byteLength, maxBytesFor(format));
  if (tooBig) return { ok: false, name, reason: tooBig };
  const origin: ArticleOrigin = { kind, name, format };
  if (format === 'docx') {
    const result = await importDocx(bytes);
    if ('reason' in result) return { ok: false, name, reason: result.reason };
    return finishPrepared(name, origin, result.built, { ...result.facts, fileName: name });
  }
  const { importPdf } = await import('./pdfImport');
  const result = await importPdf(bytes);
  if ('reason' in result) return { ok: false, name, reason: result.reason };
  return finishPrepared(name, origin, result.built, { ...result.facts, fileName: name });
}
