import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BROWSER_MODE_URL,
  browserModeLine,
  decideLaunchMode,
  locateElectronBinary,
  summarizeInstallFailure,
} from './electron-binary.mjs';
import type { LocateResult } from './electron-binary.mjs';

const realFs = { existsSync, readFileSync: (p: string) => readFileSync(p, 'utf8') };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway node_modules/electron with just the files the locator looks at. */
function electronDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-electron-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"electron"}');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('locateElectronBinary', () => {
  it('finds the executable that path.txt names under dist/', () => {
    const dir = electronDir({ 'path.txt': 'electron', 'dist/electron': '#!bin' });
    expect(locateElectronBinary({ electronDir: dir, fs: realFs })).toEqual({
      available: true,
      binaryPath: path.join(dir, 'dist', 'electron'),
    });
  });

  it('explains what is missing', () => {
    const noPathTxt = locateElectronBinary({ electronDir: electronDir({}), fs: realFs });
    expect(noPathTxt).toMatchObject({
      available: false,
      reason: expect.stringMatching(/path\.txt/),
    });
    const noDist = locateElectronBinary({
      electronDir: electronDir({ 'path.txt': 'electron' }),
      fs: realFs,
    });
    expect(noDist).toMatchObject({
      available: false,
      reason: expect.stringMatching(/dist\/electron missing/),
    });
    const escape = locateElectronBinary({
      electronDir: electronDir({ 'path.txt': '../../bin/sh' }),
      fs: realFs,
    });
    expect(escape).toMatchObject({ available: false, reason: expect.stringMatching(/malformed/) });
  });

  it('matches the state of this checkout (the real node_modules/electron)', () => {
    const dir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));
    const found = locateElectronBinary({ electronDir: dir, fs: realFs });
    const pathTxt = path.join(dir, 'path.txt');
    const expected =
      existsSync(pathTxt) && existsSync(path.join(dir, 'dist', readFileSync(pathTxt, 'utf8')));
    expect(found.available).toBe(expected);
  });
});

describe('summarizeInstallFailure', () => {
  it('reduces the real installer failure on this machine to one line', () => {
    // Run electron's installer against an unreachable mirror: the same failure path as offline.
    const installer = fileURLToPath(
      new URL('../node_modules/electron/install.js', import.meta.url),
    );
    const cache = mkdtempSync(path.join(tmpdir(), 'corroborate-electron-cache-'));
    dirs.push(cache);
    const run = spawnSync(process.execPath, [installer], {
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: cache,
        ELECTRON_OVERRIDE_DIST_PATH: path.join(cache, 'dist'),
      },
    });
    expect(run.status).not.toBe(0);
    const reason = summarizeInstallFailure({
      status: run.status,
      timedOut: false,
      output: `${run.stderr}\n${run.stdout}`,
    });
    expect(reason).not.toContain('\n');
    expect(reason).not.toMatch(/^at /);
    expect(reason.length).toBeLessThanOrEqual(120);
    expect(reason).toMatch(/fail|error|ECONNREFUSED/i);
  });

  it('skips stack frames and reports timeouts and silent exits', () => {
    expect(
      summarizeInstallFailure({
        status: 1,
        timedOut: false,
        output: 'TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n',
      }),
    ).toBe('TypeError: fetch failed');
    expect(
      summarizeInstallFailure({
        status: 1,
        timedOut: false,
        output: 'Downloading...\nHTTPError: Response code 404 (Not Found) for https://x\n',
      }),
    ).toMatch(/^HTTPError: Response code 404/);
    expect(summarizeInstallFailure({ status: null, timedOut: true, output: '' })).toBe(
      'timed out after 120 s',
    );
    expect(summarizeInstallFailure({ status: 3, timedOut: false, output: '' })).toBe(
      'installer exited with status 3',
    );
    expect(
      summarizeInstallFailure({ status: 1, timedOut: false, output: `Error: ${'x'.repeat(300)}` }),
    ).toHaveLength(120);
  });
});

describe('decideLaunchMode', () => {
  const found: LocateResult = { available: true, binaryPath: '/e/dist/electron' };
  const missing: LocateResult = { available: false, reason: 'dist/electron missing' };
  const display = { DISPLAY: ':0' };

  it('launches an installed binary without trying to download', () => {
    const install = vi.fn(() => ({ ok: true, reason: '' }));
    expect(
      decideLaunchMode({ env: display, platform: 'linux', locate: () => found, install }),
    ).toEqual({ mode: 'electron', binaryPath: '/e/dist/electron', fetched: false });
    expect(install).not.toHaveBeenCalled();
  });

  it('tries the download once, then launches what it fetched', () => {
    const locate = vi.fn().mockReturnValueOnce(missing).mockReturnValueOnce(found);
    const install = vi.fn(() => ({ ok: true, reason: '' }));
    expect(decideLaunchMode({ env: display, platform: 'linux', locate, install })).toEqual({
      mode: 'electron',
      binaryPath: '/e/dist/electron',
      fetched: true,
    });
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('falls back to browser mode with the download failure as the reason', () => {
    const install = vi.fn(() => ({ ok: false, reason: 'TypeError: fetch failed' }));
    const decision = decideLaunchMode({
      env: display,
      platform: 'linux',
      locate: () => missing,
      install,
    });
    expect(decision).toEqual({
      mode: 'browser',
      reason: 'Electron binary not available (download failed: TypeError: fetch failed)',
    });
    expect(install).toHaveBeenCalledTimes(1);
    if (decision.mode !== 'browser') throw new Error('unreachable');
    expect(browserModeLine(decision.reason)).toBe(
      `Electron binary not available (download failed: TypeError: fetch failed) — serving Corroborate in browser mode at ${BROWSER_MODE_URL}`,
    );
  });

  it('falls back when the installer claims success but no binary appeared', () => {
    const decision = decideLaunchMode({
      env: display,
      platform: 'win32',
      locate: () => missing,
      install: () => ({ ok: true, reason: '' }),
    });
    expect(decision).toMatchObject({
      mode: 'browser',
      reason: expect.stringMatching(/installer finished/),
    });
  });

  it('CORROBORATE_BROWSER=1 forces browser mode without looking for a binary', () => {
    const locate = vi.fn(() => found);
    const install = vi.fn(() => ({ ok: true, reason: '' }));
    const decision = decideLaunchMode({
      env: { ...display, CORROBORATE_BROWSER: '1' },
      platform: 'linux',
      locate,
      install,
    });
    expect(decision.mode).toBe('browser');
    expect(locate).not.toHaveBeenCalled();
    expect(install).not.toHaveBeenCalled();
  });

  it('does not start Electron on a Linux machine without a display', () => {
    const install = () => ({ ok: true, reason: '' });
    expect(
      decideLaunchMode({ env: {}, platform: 'linux', locate: () => found, install }),
    ).toMatchObject({ mode: 'browser', reason: expect.stringMatching(/no display/) });
    expect(
      decideLaunchMode({
        env: { WAYLAND_DISPLAY: 'wayland-0' },
        platform: 'linux',
        locate: () => found,
        install,
      }).mode,
    ).toBe('electron');
    expect(
      decideLaunchMode({ env: {}, platform: 'darwin', locate: () => found, install }).mode,
    ).toBe('electron');
  });
});
