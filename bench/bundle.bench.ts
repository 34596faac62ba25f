/**
 * Bundle benchmark (Node, bundled by esbuild): 200 articles made from the seed texts with 10,000
 * deterministic annotations. Times the pure parts — writeBundle, readBundle, planMerge — and
 * reports sizes and the heap growth during import. IndexedDB timings are measured in the
 * renderer separately.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleWorkspace } from '../shared/bundle/sample';
import { bundleEntries, writeBundle } from '../shared/bundle/write';
import { readBundle } from '../shared/bundle/read';
import { planMerge } from '../shared/bundle/merge';
import type { ParsedBundle, Workspace } from '../shared/bundle/types';
import { exportCsv } from '../shared/export/csv';
import { exportHtmlReport } from '../shared/export/html';

type Report = (name: string, value: number, unit: string) => void;

const NOW = Date.UTC(2024, 4, 1);

export async function bench(report: Report): Promise<void> {
  const seeds = findSeeds();
  const sources = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(seeds, f), 'utf8') }));
  const ws = await sampleWorkspace(sources, { articles: 200, annotations: 10_000 });

  const write = await time(() => writeBundle(ws, { appVersion: 'bench', now: NOW }));
  const bytes = write.value;
  report('bundle.write (200 articles, 10k annotations)', write.ms, 'ms');
  report('bundle.size', bytes.length / 1024, 'KiB');
  const entries = Object.values(bundleEntries(ws, { appVersion: 'bench', now: NOW }));
  const rawBytes = entries.reduce((n, e) => n + new TextEncoder().encode(e).length, 0);
  // Flattered by the benchmark reusing 5 seed texts; real workspaces compress about 4x.
  report('bundle.compression ratio (entries / zip)', rawBytes / bytes.length, 'x');

  // Import: read + plan into an empty workspace, sampling the heap on every progress callback.
  const heap = heapSampler();
  const read = await time(() => readBundle(bytes, { onProgress: heap.sample }));
  if (!read.value.ok) throw new Error(read.value.error.message);
  const parsed = read.value.value;
  const empty: Workspace = { articles: [], annotations: [], groups: [] };
  const plan = await time(() => planMerge(empty, parsed, NOW, { onProgress: heap.sample }));
  heap.sample();
  report('bundle.read (unzip, validate, hash)', read.ms, 'ms');
  report('bundle.planMerge into empty workspace', plan.ms, 'ms');
  report('bundle.import heap growth (peak heapUsed - before)', heap.peakMiB(), 'MiB');
  report(
    'bundle.import rows planned',
    plan.value.annotations.length + plan.value.articles.length + plan.value.groups.length,
    'rows',
  );

  const again = await time(() => planMerge(ws, parsed, NOW));
  if (!again.value.empty) throw new Error('re-import of the same bundle should plan nothing');
  report('bundle.planMerge same bundle again (no-op)', again.ms, 'ms');

  // Worst realistic case: 10% of annotations arrive with offsets that no longer fit.
  const shifted: ParsedBundle = {
    ...parsed,
    annotations: parsed.annotations.map((a, i) =>
      i % 10 === 0
        ? {
            ...a,
            position: { ...a.position, start: a.position.start + 7, end: a.position.end + 7 },
          }
        : a,
    ),
  };
  const re = await time(() => planMerge(empty, shifted, NOW));
  report('bundle.planMerge with 1,000 re-anchors', re.ms, 'ms');
  report('bundle.re-anchored', re.value.summary.annotations.reanchored, 'annotations');
  report('bundle.sent to review', re.value.review.length, 'annotations');

  const csv = await time(() => exportCsv(ws));
  report('export.csv', csv.ms, 'ms');
  const html = await time(() => exportHtmlReport(ws, { now: NOW }));
  report('export.html report', html.ms, 'ms');
  report('export.html size', html.value.length / 1024, 'KiB');
}

/** The repo's seeds/ folder, wherever esbuild put this file: walk up from it, then from cwd. */
function findSeeds(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'seeds', '000_19a4d7180f664ba4.txt'))) return join(dir, 'seeds');
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('seeds/ not found: run the benchmark from the repository');
}

async function time<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

function heapSampler() {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
    peakMiB: () => (peak - before) / (1024 * 1024),
  };
}
