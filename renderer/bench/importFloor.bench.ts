import type { BenchReport } from './report';
import { memorySpan } from './phase';
import { writeBundle } from '../../shared/bundle';
import { sampleWorkspace } from '../../shared/bundle/sample';
import { CorroborateDatabase } from '../db/database';
import { readWorkspace } from '../db/applyBundle';
import { APP_VERSION } from '../features/bundle/exportData';
import {
  exportOffThread,
  importOffThread,
  prewarmBundleWorker,
} from '../features/bundle/bundleWorkerClient';

/**
 * Import and open against the floor (issue 11): a raw IndexedDB put of the 10,000 annotation
 * rows the app stores, in one transaction into one store without indexes, and a raw getAll of
 * them, measured in the same run as the app's import of the 200-article / 10,000-annotation
 * bundle (all in the bundle worker, as the app does it) and its open (every row of every table). Also the export
 * (read + zip, in the worker) and the worst main-thread task during each (PerformanceObserver
 * longtask). These are the app's import and export paths: the bundle figures of the bench.
 */

const SEEDS = import.meta.glob('../../seeds/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function rawDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('rows', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Worst long task (ms) while `run` runs; 0 when none passed the 50 ms the API reports. */
async function worstTask<T>(
  span: string,
  run: () => Promise<T>,
): Promise<{ value: T; worst: number }> {
  let worst = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) worst = Math.max(worst, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const value = await memorySpan(span, run);
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { value, worst };
}

export async function benchImportFloor(report: BenchReport): Promise<void> {
  const sources = Object.entries(SEEDS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => ({ name: name.split('/').pop()!, text }));
  const ws = await sampleWorkspace(sources, {
    articles: 200,
    annotations: 10_000,
    annotationsPerGroup: 20,
  });
  const bytes = writeBundle(ws, { appVersion: APP_VERSION, now: Date.now() });
  const rows = ws.annotations;
  const rowBytes = Math.round(JSON.stringify(rows).length / rows.length);

  await deleteRaw('corroborate-bench-raw');
  const raw = await rawDb('corroborate-bench-raw');
  const target = new CorroborateDatabase('corroborate-bench-floor');
  // What the import stored, as the open read it back (for the schema floor below).
  let storedRows: Awaited<ReturnType<typeof readWorkspace>> | null = null;
  await target.delete();
  try {
    const p0 = performance.now();
    const tx = raw.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (const r of rows) store.put(r);
    await done(tx);
    const putMs = performance.now() - p0;
    report(
      `raw IndexedDB put of ${rows.length.toLocaleString('en')} rows (${rowBytes} B each as JSON), one transaction`,
      putMs,
    );

    const g0 = performance.now();
    const got = await new Promise<unknown[]>((resolve, reject) => {
      const req = raw.transaction('rows').objectStore('rows').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const getMs = performance.now() - g0;
    if (got.length !== rows.length) throw new Error('raw getAll lost rows');
    report(`raw IndexedDB getAll of the same rows`, getMs);

    await target.open();
    // The app starts its bundle worker at launch (App.tsx); so does the bench, before timing.
    prewarmBundleWorker();
    await new Promise((r) => setTimeout(r, 1_500));
    const imp = await worstTask('the 10,000-annotation import', async () => {
      const t0 = performance.now();
      let firstWrite = 0;
      // Exactly what the app does: the whole import in the bundle worker, writing while it reads.
      const result = await importOffThread(bytes, {
        databaseName: target.name,
        onProgress: (phase) => {
          if (phase === 'writing' && !firstWrite) firstWrite = performance.now() - t0;
        },
      });
      if (!result.ok) throw new Error(result.message);
      return { total: performance.now() - t0, staged: firstWrite };
    });
    report(
      'app import of 200 articles / 10,000 annotations (in the worker: read, plan, write)',
      imp.value.total,
      `writing began after ${imp.value.staged.toFixed(0)} ms (container, articles, groups checked); ratio to raw put ${(imp.value.total / putMs).toFixed(2)}× (target ≤ 1.5×); worst main-thread task ${imp.worst.toFixed(0)} ms`,
    );
    report('app import ÷ raw put', imp.value.total / putMs, 'target ≤ 1.5', '×');

    const open = await worstTask('the open of that workspace', async () => {
      const t0 = performance.now();
      const snap = await readWorkspace(target);
      if (snap.annotations.length !== rows.length) throw new Error('open lost rows');
      storedRows = snap;
      return performance.now() - t0;
    });
    report(
      'app open of that workspace (every row of every table)',
      open.value,
      `ratio to raw getAll ${(open.value / getMs).toFixed(2)}× (target ≤ 1.5×); worst main-thread task ${open.worst.toFixed(0)} ms`,
    );
    report('app open ÷ raw getAll', open.value / getMs, 'target ≤ 1.5', '×');

    // The app's own floor: exactly the records the import stored (articles, annotation packs
    // and their id directory, groups), put raw (no Dexie, no reading, no checks) into a database
    // with the app's schema and indexes, one transaction. It splits the import's ratio into what
    // the stored shape costs (this ÷ raw put) and what reading, checking and planning add
    // (import ÷ this).
    const tables = ['articles', 'annotationPacks', 'annotationArticles', 'groups'] as const;
    type Stored = (typeof tables)[number];
    const stored: Record<Stored, unknown[]> = {
      articles: storedRows!.articles,
      annotationPacks: await target.annotationPacks.toArray(),
      annotationArticles: await target.annotationArticles.toArray(),
      groups: storedRows!.groups,
    };
    /** Raw puts of the stored records of `only` into a new database with the app's schema. */
    const putIntoSchema = async (only: readonly Stored[]) => {
      const schemaDb = new CorroborateDatabase('corroborate-bench-schema');
      await schemaDb.delete();
      await schemaDb.open();
      try {
        const t0 = performance.now();
        const tx = schemaDb.backendDB().transaction([...only], 'readwrite');
        for (const t of only) {
          const store = tx.objectStore(t);
          for (const r of stored[t]) store.put(r);
        }
        await done(tx);
        return performance.now() - t0;
      } finally {
        schemaDb.close();
        await schemaDb.delete();
      }
    };
    const schemaMs = await putIntoSchema(tables);
    const kib = (rows: unknown[]) =>
      Math.round(JSON.stringify(rows).length / 1024).toLocaleString('en');
    report(
      "raw put of the records the import stored, into the app's schema (indexes, articles, groups)",
      schemaMs,
      `${stored.articles.length} articles (${kib(stored.articles)} KiB as JSON), ${rows.length.toLocaleString('en')} annotations in ${stored.annotationPacks.length} packs (${kib(storedRows!.annotations)} KiB) and ${stored.annotationArticles.length} directory rows, ${stored.groups.length} groups; ${(schemaMs / putMs).toFixed(2)}× the raw put (what the stored shape costs); app import ÷ this ${(imp.value.total / schemaMs).toFixed(2)}× (what reading, checks and planning add)`,
    );
    const annotationsMs = await putIntoSchema(['annotationPacks', 'annotationArticles']);
    report(
      "of which the annotations alone: their packs and directory, into the app's indexed stores (raw put, one transaction)",
      annotationsMs,
      `${(annotationsMs / putMs).toFixed(2)}× the raw put of the same rows as one record each, without indexes`,
    );

    await new Promise((r) => setTimeout(r, 1_500)); // the next spare worker has started
    const exp = await worstTask('the export of that workspace', async () => {
      const t0 = performance.now();
      // As the app exports: the worker reads the rows and zips them; only the bytes come back.
      const out = await exportOffThread({
        databaseName: target.name,
        format: 'bundle',
        articleIds: null,
        now: Date.now(),
        organisation: null,
        scale: [],
      });
      const data = out.file.data as Uint8Array;
      return { ms: performance.now() - t0, size: data.length };
    });
    report(
      'app export of that workspace (read + zip, both in the worker)',
      exp.value.ms,
      `${(exp.value.size / 1024).toFixed(0)} KB; worst main-thread task ${exp.worst.toFixed(0)} ms`,
    );
  } finally {
    raw.close();
    target.close();
    await Promise.all([deleteRaw('corroborate-bench-raw'), target.delete()]);
  }
}
