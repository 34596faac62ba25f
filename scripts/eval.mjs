#!/usr/bin/env node
/**
 * `npm run eval`: matching quality on the ECB+ development set, the seeds and the conflict set
 * (shared/testing/evalCli.ts, bundled by esbuild). Prints figures; not part of `npm test`.
 * Flags: --per-topic, --sweep (cuts), --cv (topic cross-validation of the ranking constants;
 * slow). ECBPLUS_DIR overrides where the development set is read from.
 */
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const outfile = join(root, 'node_modules/.cache/corroborate-eval/eval.mjs');
await build({
  entryPoints: [join(root, 'shared/testing/evalCli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  // The bundle moves; keep the development set's default location relative to the worktree.
  define: {
    'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'shared/testing/x.ts')).href),
  },
});
await import(pathToFileURL(outfile).href);
