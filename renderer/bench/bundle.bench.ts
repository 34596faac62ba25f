import type { BenchReport } from './report';
import { readBundle, writeBundle } from '../../shared/bundle';
import { sampleWorkspace } from '../../shared/bundle/sample';
import { CorroborateDatabase } from '../db/database';
import { importParsedBundle } from '../db/applyBundle';
import { APP_VERSION, collectWorkspace } from '../features/bundle/exportData';

/**
 * Bundle export and import against real IndexedDB, at the size the brief sets: 200 articles with
 * 10,000 annotations. Export = read every row + writeBundle; import = readBundle (validate) +
 * plan + write in one transaction into a fresh database. Targets: each under 2 s. Uses its own
 * databases, never the app's.
 */

const SEEDS = import.meta.glob('../../seeds/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const ARTICLES = 200;
const ANNOTATIONS = 10_000;

interface MemoryInfo {
  usedJSHeapSize: number;
}
function heapBytes(): number | null {
  const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
  return memory ? memory.usedJSHeapSize : null;
}
const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export async function benchBundle(report: BenchReport): Promise<void> {
  const sources = Object.entries(SEEDS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => ({ name: name.split('/').pop()!, text }));
  const ws = await sampleWorkspace(sources, {
    articles: ARTICLES,
    annotations: ANNOTATIONS,
    annotationsPerGroup: 20,
  });

  const source = new CorroborateDatabase('corroborate-bench-bundle-source');
  const target = new CorroborateDatabase('corroborate-bench');
  await Promise.all([source.delete(), target.delete()]);
  try {
    await source.open();
    await source.transaction('rw', source.articles, source.annotations, source.groups, async () => {
      await source.articles.bulkAdd(ws.articles);
      await source.annotations.bulkAdd(ws.annotations);
      await source.groups.bulkAdd(ws.groups);
    });

    // Export: what the Export… command does before handing the bytes to the save dialog.
    const e0 = performance.now();
    const rows = await collectWorkspace(null, source);
    const e1 = performance.now();
    const bytes = writeBundle(rows, { appVersion: APP_VERSION, now: Date.now() });
    const e2 = performance.now();
    report(
      `bundle export: ${ARTICLES} articles, ${ANNOTATIONS.toLocaleString('en')} annotations (target < 2000 ms)`,
      e2 - e0,
      `read ${(e1 - e0).toFixed(0)} ms + write ${(e2 - e1).toFixed(0)} ms; ${(bytes.length / 1024).toFixed(0)} KB`,
    );

    // Import into a fresh database, sampling the heap at every progress step.
    await target.open();
    const base = heapBytes();
    let peak = base ?? 0;
    const sample = () => {
      const now = heapBytes();
      if (now !== null && now > peak) peak = now;
    };
    const timer = setInterval(sample, 10);
    const i0 = performance.now();
    const read = await readBundle(bytes, { onProgress: sample });
    sample();
    if (!read.ok) throw new Error(`benchmark bundle refused: ${read.error.message}`);
    const i1 = performance.now();
    const plan = await importParsedBundle(read.value, { database: target, onProgress: sample });
    sample();
    const i2 = performance.now();
    clearInterval(timer);
    const stored = await target.annotations.count();
    if (stored !== ANNOTATIONS || plan.summary.review.length > 0) {
      throw new Error(`import stored ${stored} annotations, ${plan.summary.review.length} queued`);
    }
    report(
      `bundle import into a fresh database (target < 2000 ms)`,
      i2 - i0,
      `validate ${(i1 - i0).toFixed(0)} ms + plan and write ${(i2 - i1).toFixed(0)} ms`,
    );
    if (base !== null) {
      report(
        'bundle import: peak JS heap',
        mb(peak),
        `${mb(peak - base)} MB above the ${mb(base)} MB before the import`,
        'MB',
      );
    } else {
      report('bundle import: peak JS heap', Number.NaN, 'performance.memory not available', 'MB');
    }
  } finally {
    source.close();
    target.close();
    await Promise.all([source.delete(), target.delete()]);
  }
}
