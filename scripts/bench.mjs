#!/usr/bin/env node
/* global window, document -- used inside page.evaluate callbacks, which run in Chromium */
/**
 * `npm run bench`: prints speed and memory figures. Not a test; nothing here fails on a number.
 *  1. Node benchmarks (bench/*.bench.ts): pure logic (matching, bundle format), bundled by esbuild.
 *  2. Browser benchmarks (renderer/bench/*.ts): the real UI and IndexedDB in Debian's Chromium,
 *     with a throwaway profile, served from a separate build (dist/bench).
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { rendererMemory } from './rendererMemory.mjs';

const root = resolve(import.meta.dirname, '..');
const figures = [];
// Node benchmarks report (name, value, unit); browser ones (name, value, detail?, unit = ms).
const report = (section, kind) => (name, value, extra, unit) => {
  figures.push({ section, name, value, extra, unit });
  const suffix = kind === 'unit' ? ` ${extra}` : ` ${unit ?? 'ms'}${extra ? ` (${extra})` : ''}`;
  console.log(`  ${name}: ${format(value)}${suffix}`);
};
const format = (v) =>
  typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : String(v);

async function nodeBenches() {
  console.log('Node (pure logic):');
  const outdir = join(root, 'node_modules/.cache/corroborate-bench');
  const files = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts'));
  for (const file of files) {
    const outfile = join(outdir, file.replace(/\.ts$/, '.mjs'));
    await build({
      entryPoints: [join(root, 'bench', file)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const mod = await import(pathToFileURL(outfile).href);
    await mod.bench(report(file, 'unit'));
  }
}

function run(cmd, args, opts = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function waitFor(url, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start`);
}

async function browserBenches() {
  console.log('Chromium (UI + IndexedDB):');
  await run('npx', ['vite', 'build', '--config', 'vite.bench.config.ts', '--logLevel', 'warn']);
  const port = Number(process.env.BENCH_PORT ?? 4174);
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'vite.bench.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/bench.html`);
    const pages = [];
    if (process.env.BENCH_ONLY) {
      // BENCH_ONLY=ImportFloor runs one browser bench (by its name without "bench");
      // BENCH_CASE=article (or annotations, note) with BENCH_ONLY=HugeContent, one heavy case.
      pages.push({ only: process.env.BENCH_ONLY, case: process.env.BENCH_CASE });
    } else {
      // Each heavy case in a page of its own: its memory peak is its own, not what earlier
      // benches of the same renderer left behind.
      pages.push({ skip: 'HugeContent' });
      for (const c of ['annotations', 'article', 'note'])
        pages.push({ only: 'HugeContent', case: c });
    }
    for (const params of pages) await benchPage(port, params);
  } finally {
    process.kill(-server.pid, 'SIGTERM');
  }
}

/** One fresh Chromium (throwaway profile) running bench.html with `params`; adds its figures. */
async function benchPage(port, params) {
  const profile = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    const { chromiumPath, CHROMIUM_ARGS } = await import(
      pathToFileURL(join(root, 'node_modules/.cache/corroborate-bench/chromium.mjs')).href
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      viewport: { width: 1400, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const memory = rendererMemory(profile);
    page.on('console', (m) => memory.onConsole(m.text()));
    page.on('pageerror', (e) => console.error('  page error:', e.message));
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
    await page.goto(`http://127.0.0.1:${port}/bench.html?${query}`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const results = await page.evaluate(() => window.runBenches());
    const add = report('browser', 'detail');
    for (const r of results) add(r.name, r.value, r.detail, r.unit);
    for (const p of memory.stop()) {
      add(
        `peak renderer memory (RSS, page + Workers) during ${p.name}`,
        p.bytes / 2 ** 20,
        '',
        'MiB',
      );
    }
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Tag → paint between two editors' windows (bench/syncPaint.browser.ts): the production renderer,
 * built apart into dist/bench-app and served on its own port, in two Chromium profiles.
 */
async function syncPaintBench() {
  console.log('Team sync (two Chromium windows, real server):');
  await run('npx', [
    'vite',
    'build',
    '--config',
    'vite.config.ts',
    '--outDir',
    '../dist/bench-app',
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  const port = Number(process.env.BENCH_APP_PORT ?? 4175);
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'vite.config.ts',
      '--outDir',
      '../dist/bench-app',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    const outfile = join(root, 'node_modules/.cache/corroborate-bench/syncPaint.mjs');
    await build({
      entryPoints: [join(root, 'bench/syncPaint.browser.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const { chromiumPath, CHROMIUM_ARGS } = await import(
      pathToFileURL(join(root, 'node_modules/.cache/corroborate-bench/chromium.mjs')).href
    );
    const mod = await import(pathToFileURL(outfile).href);
    await mod.benchSyncPaint(report('syncPaint', 'unit'), {
      baseURL: `http://127.0.0.1:${port}/`,
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
  } finally {
    process.kill(-server.pid, 'SIGTERM');
  }
}

await build({
  entryPoints: [join(root, 'e2e/support/chromium.ts')],
  outfile: join(root, 'node_modules/.cache/corroborate-bench/chromium.mjs'),
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
console.log(`Corroborate benchmarks — ${new Date().toISOString()}`);
// BENCH_ONLY=syncPaint runs the two-window sync bench alone; any other name, one browser bench.
const only = process.env.BENCH_ONLY;
if (!only) await nodeBenches();
if (only !== 'syncPaint') await browserBenches();
if (!only || only === 'syncPaint') await syncPaintBench();
console.log(`${figures.length} figures.`);
