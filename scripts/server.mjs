#!/usr/bin/env node
// `npm run server` / `npm run story -- …`: bundles server/cli.ts with esbuild (dependencies stay
// in node_modules) and runs it with the given arguments. Node ≥ 20.19 (tested on 20.20 and 22).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outfile = join(root, 'node_modules/.cache/corroborate-server/cli.mjs');
await build({
  entryPoints: [join(root, 'server/cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const child = spawn(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
