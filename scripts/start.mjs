#!/usr/bin/env node
// `npm start`: build the renderer and the Electron bundles, then run Corroborate in Electron if
// its binary is installed (or can be fetched now), else serve the same renderer in browser mode.
// CORROBORATE_BROWSER=1 forces browser mode. The decision itself lives in electron-binary.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import {
  INSTALL_TIMEOUT_MS,
  browserModeLine,
  decideLaunchMode,
  locateElectronBinary,
  summarizeInstallFailure,
} from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

function runVite(args, stdio) {
  return spawn(process.execPath, [viteBin, ...args, '--config', 'vite.config.ts'], {
    cwd: root,
    stdio,
  });
}

function exitWith(child) {
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function buildAll() {
  const viteBuild = runVite(['build', '--logLevel', 'warn'], 'inherit');
  const [code] = await Promise.all([
    new Promise((resolve) => viteBuild.on('exit', resolve)),
    buildElectron(),
  ]);
  if (code !== 0) {
    console.error(`Renderer build failed (vite exited with ${code}).`);
    process.exit(typeof code === 'number' ? code : 1);
  }
}

/** Runs electron's own installer once, output captured so only a one-line reason is shown. */
function installElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!fs.existsSync(installer)) return { ok: false, reason: 'node_modules/electron is missing' };
  console.log('Electron binary not installed; trying to fetch it once…');
  const run = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status === 0 && !run.error) return { ok: true, reason: '' };
  return {
    ok: false,
    reason: summarizeInstallFailure({
      status: run.status,
      timedOut: run.error?.code === 'ETIMEDOUT' || run.signal === 'SIGTERM',
      output: `${run.stderr ?? ''}\n${run.stdout ?? ''}`,
    }),
  };
}

await buildAll();

const decision = decideLaunchMode({
  env: process.env,
  platform: process.platform,
  locate: () => locateElectronBinary({ electronDir, fs }),
  install: installElectron,
});

if (decision.mode === 'electron') {
  // The app directory: Electron reads package.json "main" (dist-electron/main.cjs).
  // ELECTRON_RUN_AS_NODE (set by some tools) would turn the binary into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  exitWith(spawn(decision.binaryPath, [root], { cwd: root, stdio: 'inherit', env }));
} else {
  console.log(browserModeLine(decision.reason));
  exitWith(runVite(['preview', '--port', '5173', '--strictPort'], 'inherit'));
}
