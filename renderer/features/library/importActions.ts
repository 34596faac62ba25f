import type { OpenedFile } from '../../../shared/ipc/contract';
import { MAX_ARTICLE_BYTES } from '../../../shared/text/decode';
import { notify, reportError } from '../../components/toasts';
import { platform } from '../../platform/platform';
import { readFiles } from '../../platform/browserPlatform';
import { openArticle } from '../../state/uiState';
import { undo } from '../../state/history';
import { describeImport, importPrepared, type ImportReport } from './importArticles';
import { prepareFile, prepareText, type Prepared } from './prepareArticle';

export const ARTICLE_FILTERS = [
  { name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] },
];

/** File › Import articles…: the native dialog in Electron, a file picker in the browser. */
export async function importFromDialog(): Promise<void> {
  try {
    const result = await platform.openFiles({
      title: 'Import articles',
      filters: ARTICLE_FILTERS,
      multiple: true,
      maxBytes: MAX_ARTICLE_BYTES,
    });
    if (!result.canceled) await importOpenedFiles(result.files);
  } catch (e) {
    reportError('Importing articles', e);
  }
}

export async function importDroppedFiles(files: File[]): Promise<void> {
  try {
    await importOpenedFiles(await readFiles(files, MAX_ARTICLE_BYTES));
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

async function importOpenedFiles(files: OpenedFile[]): Promise<ImportReport> {
  const prepared: Prepared[] = [];
  for (const f of files) {
    prepared.push(
      f.bytes
        ? await prepareFile(f.name, f.bytes)
        : { ok: false, name: f.name, reason: f.error ?? 'it could not be read' },
    );
  }
  return finish(prepared, files.length === 1 ? 'Import article' : 'Import articles');
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
