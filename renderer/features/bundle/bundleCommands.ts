import { notify, reportError } from '../../components/toasts';
import { platform } from '../../platform/platform';
import { isCancelled } from '../../db/applyBundle';
import { readOrganisation, readRatingScale } from '../review/workspaceSettings';
import type { ExportFormat } from './exportData';
import { BundleTaskCancelled, exportOffThread } from './bundleWorkerClient';
import { db } from '../../db/database';
import { BUNDLE_FILTERS, MAX_BUNDLE_BYTES, importBundleFile } from './runImport';
import { bundleStore, nextPaint, setBundleUi, updateTask } from './bundleStore';

/**
 * The export and import commands as the editor runs them: with a progress dialog that can be
 * cancelled, a clear message for every failure, and a report when an import succeeds.
 */

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

class ExportCancelled extends Error {}

export async function runExport(
  format: ExportFormat,
  articleIds: readonly string[] | null,
): Promise<void> {
  if (bundleStore.get().task) return;
  const controller = new AbortController();
  const stopIfCancelled = () => {
    if (controller.signal.aborted) throw new ExportCancelled();
  };
  setBundleUi({
    task: {
      title: 'Exporting',
      phase: 'Reading the workspace…',
      done: 0,
      total: 3,
      cancel: () => controller.abort(),
    },
  });
  try {
    await nextPaint();
    // Rows are read and the file built in the bundle worker (Cancel terminates it).
    const { file, articles, annotations } = await exportOffThread(
      {
        databaseName: db.name,
        format,
        articleIds,
        now: Date.now(),
        organisation: format === 'claimreview' ? await readOrganisation() : null,
        scale: format === 'claimreview' ? await readRatingScale() : [],
      },
      {
        signal: controller.signal,
        onProgress: (done, total) => updateTask({ phase: 'Packing…', done, total }),
      },
    ).catch((e: unknown) => {
      if (e instanceof BundleTaskCancelled) throw new ExportCancelled();
      throw e;
    });
    stopIfCancelled();
    // Past this point the file dialog (or download) takes over; cancelling there writes nothing.
    setBundleUi({ task: null });
    const saved = await platform.saveFile({
      title: 'Export',
      suggestedName: file.suggestedName,
      filters: file.filters,
      data: file.data,
    });
    if (!saved.canceled) {
      notify(
        'info',
        `Exported ${plural(articles, 'article')} and ${plural(annotations, 'annotation')} to “${saved.name ?? file.suggestedName}”.`,
      );
    }
  } catch (e) {
    if (e instanceof ExportCancelled) notify('info', 'Export cancelled. No file was written.');
    else reportError('Exporting', e);
  } finally {
    setBundleUi({ task: null });
  }
}

/** File › Import bundle…: pick one .corroborate file, validate it, merge it in one transaction. */
export async function runImportFromDialog(): Promise<void> {
  if (bundleStore.get().task) return;
  let name = 'the bundle';
  try {
    const picked = await platform.openFiles({
      title: 'Import bundle',
      filters: BUNDLE_FILTERS,
      multiple: false,
      maxBytes: MAX_BUNDLE_BYTES,
    });
    const file = picked.files[0];
    if (picked.canceled || !file) return;
    name = file.name;
    const controller = new AbortController();
    setBundleUi({
      task: {
        title: `Importing “${name}”`,
        phase: 'Checking the bundle…',
        done: 0,
        total: 1,
        cancel: () => controller.abort(),
      },
    });
    await nextPaint();
    const outcome = await importBundleFile(file, {
      signal: controller.signal,
      onProgress: (phase, done, total, stage) =>
        updateTask({
          phase: phase === 'reading' ? `${stage || 'Checking the bundle'}…` : 'Saving…',
          done,
          total,
        }),
    });
    if (!outcome.ok) {
      // Some reasons (a full disk) already say that nothing changed: say it once.
      const tail = outcome.message.includes('Nothing was changed') ? '' : ' Nothing was changed.';
      notify('error', `Could not import “${name}”. ${outcome.message}${tail}`);
      return;
    }
    setBundleUi({ report: outcome });
  } catch (e) {
    if (isCancelled(e)) notify('info', 'Import cancelled. Nothing was changed.');
    else reportError(`Importing “${name}”`, e);
  } finally {
    setBundleUi({ task: null });
  }
}
