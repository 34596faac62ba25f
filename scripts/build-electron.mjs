#!/usr/bin/env node
// Bundles the Electron main process and preload into dist-electron/ as CommonJS.
// CommonJS because a sandboxed preload cannot load ES modules, and one format for both keeps
// package.json "main" (dist-electron/main.cjs) simple. 'electron' stays external: it is
// provided by the Electron runtime (the npm package is only a launcher).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entry → output, relative to the repo root. Tests read this to check package.json "main". */
export const ELECTRON_BUNDLES = [
  { entry: 'electron/main.ts', outfile: 'dist-electron/main.cjs' },
  { entry: 'electron/preload.ts', outfile: 'dist-electron/preload.cjs' },
];

/** @param {{ minify?: boolean, outRoot?: string }} [options] outRoot: where dist-electron/ goes */
export async function buildElectron({ minify = false, outRoot = root } = {}) {
  await Promise.all(
    ELECTRON_BUNDLES.map(({ entry, outfile }) =>
      build({
        entryPoints: [path.join(root, entry)],
        outfile: path.join(outRoot, outfile),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: ['electron'],
        sourcemap: 'linked',
        minify,
        logLevel: 'warning',
        legalComments: 'none',
      }),
    ),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log(`built ${ELECTRON_BUNDLES.map((b) => b.outfile).join(', ')}`);
}
