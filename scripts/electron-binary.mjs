// Decides how `npm start` runs Corroborate: in Electron when its binary is installed (or can be
// fetched now), otherwise in browser mode with the identical renderer. Plain functions with the
// file system and the installer injected, so the decision is unit-tested (electron-binary.test.ts).
// Never `require('electron')` here: its index.js starts a download when the binary is missing.
import path from 'node:path';

export const BROWSER_MODE_URL = 'http://localhost:5173/';
export const INSTALL_TIMEOUT_MS = 120_000;

/**
 * Where node_modules/electron says its executable is. Mirrors electron/index.js (path.txt names
 * the executable relative to dist/) without its download side effect.
 * @param {{ electronDir: string, fs: { existsSync(p: string): boolean, readFileSync(p: string, enc: 'utf8'): string } }} input
 * @returns {{ available: true, binaryPath: string } | { available: false, reason: string }}
 */
export function locateElectronBinary({ electronDir, fs }) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
    return { available: false, reason: 'the electron package is not installed' };
  }
  if (!fs.existsSync(pathFile)) {
    return {
      available: false,
      reason: 'node_modules/electron/path.txt missing: binary never downloaded',
    };
  }
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  if (relative === '' || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    return { available: false, reason: 'node_modules/electron/path.txt is malformed' };
  }
  const binaryPath = path.join(electronDir, 'dist', relative);
  if (!fs.existsSync(binaryPath)) {
    return { available: false, reason: `node_modules/electron/dist/${relative} missing` };
  }
  return { available: true, binaryPath };
}

/**
 * The one-line cause of a failed `install.js` run, from its captured output. @electron/get
 * prints a stack trace; the first line that names an error is the useful part.
 * @param {{ status: number | null, timedOut: boolean, output: string }} run
 */
export function summarizeInstallFailure({ status, timedOut, output }) {
  if (timedOut) return `timed out after ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s`;
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const errorLine =
    lines.find((line) =>
      /error|fail|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|\b40\d\b|\b50\d\b/i.test(
        line,
      ),
    ) ?? lines[0];
  const reason = errorLine ?? `installer exited with status ${status ?? 'unknown'}`;
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}

/**
 * @typedef {{ mode: 'electron', binaryPath: string, fetched: boolean } | { mode: 'browser', reason: string }} LaunchDecision
 * @param {{
 *   env: Record<string, string | undefined>,
 *   platform: string,
 *   locate: () => ReturnType<typeof locateElectronBinary>,
 *   install: () => { ok: boolean, reason: string },
 * }} input
 * @returns {LaunchDecision}
 */
export function decideLaunchMode({ env, platform, locate, install }) {
  if (env.CORROBORATE_BROWSER === '1') {
    return { mode: 'browser', reason: 'CORROBORATE_BROWSER=1 requested browser mode' };
  }
  let found = locate();
  let fetched = false;
  if (!found.available) {
    const attempt = install();
    if (!attempt.ok) {
      return {
        mode: 'browser',
        reason: `Electron binary not available (download failed: ${attempt.reason})`,
      };
    }
    found = locate();
    if (!found.available) {
      return {
        mode: 'browser',
        reason: `Electron binary not available (installer finished but ${found.reason})`,
      };
    }
    fetched = true;
  }
  // Electron on Linux needs a display server; without one it would crash at start-up.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { mode: 'browser', reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  return { mode: 'electron', binaryPath: found.binaryPath, fetched };
}

/** The single line printed when falling back to browser mode. */
export function browserModeLine(reason) {
  const prefix = reason.startsWith('Electron binary not available')
    ? reason
    : `Electron not started (${reason})`;
  return `${prefix} — serving Corroborate in browser mode at ${BROWSER_MODE_URL}`;
}
