import type { FetchUrlResult, OpenedFile } from '../../../shared/ipc/contract';
import type { ArticleOrigin } from '../../../shared/model/types';
import { decodeBytes, MAX_PDF_BYTES } from '../../../shared/text/decode';
import { notify, reportError } from '../../components/toasts';
import { platform } from '../../platform/platform';
import { readFiles } from '../../platform/browserPlatform';
import { openArticle } from '../../state/uiState';
import { undo } from '../../state/history';
import { describeImport, importPrepared, type ImportReport } from './importArticles';
import { prepareFile, prepareText, type Prepared } from './prepareArticle';
import {
  importCancelled,
  isImportCancelled,
  throwIfCancelled,
  type ImportControl,
  type ImportProgress,
} from './importCancel';
import { startImportTask } from './importTask';

export const ARTICLE_FILTERS = [
  {
    name: 'Articles',
    extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx'],
  },
];

/** File › Import articles…: the native dialog in Electron, a file picker in the browser. */
export async function importFromDialog(): Promise<void> {
  try {
    const result = await platform.openFiles({
      title: 'Import articles',
      filters: ARTICLE_FILTERS,
      multiple: true,
      // The largest format (PDF) bounds the read; each format's own limit is checked after.
      maxBytes: MAX_PDF_BYTES,
    });
    if (!result.canceled) await importOpenedFiles(result.files);
  } catch (e) {
    reportError('Importing articles', e);
  }
}

export async function importDroppedFiles(files: File[]): Promise<void> {
  try {
    await importOpenedFiles(await readFiles(files, MAX_PDF_BYTES));
  } catch (e) {
    reportError('Importing dropped files', e);
  }
}

export async function importPastedText(text: string): Promise<ImportReport | null> {
  try {
    const prepared = await prepareText(text, { kind: 'paste', name: null, format: 'paste' });
    return await finish([prepared], 'Paste article');
  } catch (e) {
    reportError('Adding the pasted text', e);
    return null;
  }
}

/** How opening a web address ended: imported, cancelled by the editor, or why it could not. */
export type UrlImportOutcome = 'imported' | 'cancelled' | { reason: string };

/**
 * File › Open web address…: the main process fetches the page (browsers cannot: CORS) and it
 * takes the same path as an imported file. The download shows its progress (bytes received, of
 * the declared size when the site sends one) with Cancel, which aborts the request in main;
 * nothing is written until the page is read, so a cancelled open adds nothing.
 */
export async function importFromUrl(address: string): Promise<UrlImportOutcome> {
  const controller = new AbortController();
  const { signal } = controller;
  const task = startImportTask(`Opening ${address}`, () => controller.abort());
  if (!task)
    return { reason: 'an import is still running: wait for it to finish or cancel it first' };
  try {
    task.update({ phase: 'Connecting…', done: 0, total: 0 });
    const fetched = await platform.fetchUrl(address, {
      signal,
      onProgress: (received, total) =>
        task.update({
          phase: `Downloading… ${megabytes(received)}${total ? ` of ${megabytes(total)}` : ''}`,
          done: received,
          total: total ?? 0,
        }),
    });
    if (!fetched.ok) {
      if (fetched.cancelled || signal.aborted) throw importCancelled();
      return { reason: fetched.reason };
    }
    throwIfCancelled(signal);
    const onProgress: ImportProgress = (done, total, stage) =>
      task.update({ phase: `${stage}…`, done, total });
    const prepared = await prepareFetched(fetched, { signal, onProgress });
    if (!prepared.ok) return { reason: prepared.reason };
    if (!prepared.article.url) prepared.article.url = fetched.url;
    throwIfCancelled(signal);
    // From here the row is written in one transaction: it can no longer be stopped halfway.
    task.update({ phase: 'Saving…', done: 1, total: 1, cancel: null });
    await finish([prepared], 'Open web address');
    return 'imported';
  } catch (e) {
    if (!isImportCancelled(e)) throw e;
    notify('info', 'Opening the address was cancelled. Nothing was added to the library.');
    return 'cancelled';
  } finally {
    task.end();
  }
}

async function prepareFetched(
  fetched: Extract<FetchUrlResult, { ok: true }>,
  control: ImportControl,
): Promise<Prepared> {
  const kind: ArticleOrigin['kind'] = 'url';
  // The model names a fetched article by its address.
  const name = fetched.url;
  const binary = fetched.contentType.includes('pdf')
    ? 'pdf'
    : fetched.contentType.includes('wordprocessingml')
      ? 'docx'
      : null;
  if (binary) {
    const { prepareBinary } = await import('./prepareBinary');
    return prepareBinary(name, fetched.bytes, binary, kind, control);
  }
  const decoded = await decodeBytes(fetched.bytes);
  if (!decoded.ok) return { ok: false, name, reason: decoded.reason };
  const format =
    fetched.contentType === 'text/plain'
      ? 'txt'
      : fetched.contentType === 'text/markdown'
        ? 'md'
        : 'html';
  return prepareText(decoded.text, { kind, name, format }, fetched.url, control);
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads every file (PDFs, Word files and web pages in workers) with progress and Cancel,
 * then stores them all in one transaction. Cancel works until that write starts; nothing is
 * written before it, so a cancelled import leaves the library exactly as it was.
 */
async function importOpenedFiles(files: OpenedFile[]): Promise<ImportReport | null> {
  const controller = new AbortController();
  const { signal } = controller;
  const single = files.length === 1 ? files[0]! : null;
  const task = startImportTask(
    single ? `Importing “${single.name}”` : `Importing ${files.length} files`,
    () => controller.abort(),
  );
  if (!task) {
    notify('info', 'An import is still running: wait for it to finish or cancel it first.');
    return null;
  }
  try {
    const prepared: Prepared[] = [];
    for (const [i, f] of files.entries()) {
      throwIfCancelled(signal);
      const which = single ? '' : ` (file ${i + 1} of ${files.length}: ${f.name})`;
      task.update({ phase: `Reading…${which}`, done: i, total: files.length });
      const onProgress: ImportProgress = (done, total, stage) =>
        task.update({ phase: `${stage}…${which}`, done, total });
      prepared.push(
        f.bytes
          ? await prepareFile(f.name, f.bytes, 'file', { signal, onProgress })
          : { ok: false, name: f.name, reason: f.error ?? 'it could not be read' },
      );
    }
    throwIfCancelled(signal);
    // From here the rows are written in one transaction: it can no longer be stopped halfway.
    task.update({ phase: 'Saving…', done: 1, total: 1, cancel: null });
    return await finish(prepared, files.length === 1 ? 'Import article' : 'Import articles');
  } catch (e) {
    if (!isImportCancelled(e)) throw e;
    notify('info', 'Import cancelled. Nothing was added to the library.');
    return null;
  } finally {
    task.end();
  }
}

async function finish(prepared: Prepared[], label: string): Promise<ImportReport> {
  const report = await importPrepared(prepared, label);
  const { message, isError } = describeImport(report);
  notify(
    isError ? 'error' : 'info',
    message,
    report.imported.length ? { label: 'Undo', run: () => void undo() } : undefined,
  );
  const first = report.imported[0] ?? null;
  if (first) await openArticle(first.id);
  else if (report.duplicates[0]) await openArticle(report.duplicates[0].existingId);
  return report;
}
