/**
 * The desktop app itself: launches the built Electron app (dist-electron/main.cjs +
 * dist/renderer) and checks the window, the preload bridge and the sandbox from inside the page.
 * It finds the Electron binary the way `npm start` does, without triggering electron's download,
 * and skips (saying why) where no binary is installed.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { BRIDGE_KEYS, IPC_CHANNELS } from '../shared/ipc/contract';
import type { MenuCommand } from '../shared/ipc/contract';
import { locateElectronBinary } from '../scripts/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const binary = locateElectronBinary({
  electronDir,
  fs: { existsSync: fs.existsSync, readFileSync: (p) => fs.readFileSync(p, 'utf8') },
});

test.skip(
  !binary.available,
  `Electron binary not installed (${binary.available ? '' : binary.reason}: its download is blocked on this machine); run \`npx install-electron\` on a normal machine`,
);
test.skip(
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
  'Electron needs a display on Linux: run under xvfb-run or a desktop session',
);

declare global {
  interface Window {
    __menuCommands?: MenuCommand[];
  }
}

let app: ElectronApplication;
let page: Page;
let profile: string;

test.beforeAll(async () => {
  if (!binary.available) return;
  for (const built of [
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
    'dist/renderer/index.html',
  ]) {
    if (!fs.existsSync(path.join(root, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before the Electron e2e test`);
    }
  }
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-e2e-electron-'));
  const env: Record<string, string> = { CORROBORATE_USER_DATA_DIR: profile };
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  app = await electron.launch({
    executablePath: binary.binaryPath,
    args: [root],
    cwd: root,
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('opens the Corroborate window on the app:// origin with a working database', async () => {
  await expect(page).toHaveTitle(/Corroborate/);
  expect(await page.evaluate(() => window.location.origin)).toBe('app://corroborate');
  await expect(page.locator('#root')).not.toBeEmpty();
  await expect(page.getByTestId('fatal')).toHaveCount(0);
  await expect(page.getByTestId('library-search')).toBeVisible();
});

test('exposes exactly the contract bridge and no Node', async () => {
  const view = await page.evaluate(() => ({
    keys: Object.keys(window.corroborate ?? {}).sort(),
    platform: window.corroborate?.platform,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    buffer: typeof (window as unknown as { Buffer?: unknown }).Buffer,
  }));
  expect(view).toEqual({
    keys: [...BRIDGE_KEYS].sort(),
    platform: 'electron',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    buffer: 'undefined',
  });
});

test('main validates IPC arguments from the page', async () => {
  const error = await page.evaluate(() =>
    window.corroborate?.openFiles({ title: 'x', filters: [], multiple: true, maxBytes: -1 }).then(
      () => 'resolved',
      (e: unknown) => String(e),
    ),
  );
  expect(error).toMatch(/maxBytes/);
});

test('remote content is blocked', async () => {
  const outcome = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(outcome).toBe('blocked');
});

test('menu commands reach the page through the bridge', async () => {
  await page.evaluate(() => {
    window.__menuCommands = [];
    window.corroborate?.onMenuCommand((cmd) => window.__menuCommands?.push(cmd));
  });
  await app.evaluate(({ BrowserWindow }, channel) => {
    const win = BrowserWindow.getAllWindows()[0];
    win?.webContents.send(channel, 'find');
    win?.webContents.send(channel, 'not-a-command');
  }, IPC_CHANNELS.menuCommand);
  await expect.poll(() => page.evaluate(() => window.__menuCommands)).toEqual(['find']);
});

test('Ctrl+L opens a web address: main fetches the page from a local server and it arrives cleaned, with its outlet', async () => {
  // A local HTTP server stands for the web (loopback only): the saved news page fixture.
  const html = fs.readFileSync(
    path.join(root, 'renderer/features/library/fixtures/news-page.html'),
  );
  const server = http.createServer((req, res) => {
    if (req.url === '/strike') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  try {
    await page.locator('body').click();
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+l' : 'Control+l');
    const dialog = page.getByTestId('open-url-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Web address').fill(`http://127.0.0.1:${port}/strike`);
    await dialog.getByLabel('Web address').press('Enter');
    await expect(dialog).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('article-title')).toContainText(
      'Harbour strike ends after 11 days',
    );
    await expect(page.getByTestId('article-source')).toHaveText('The Harbour Gazette');
    // Only the article survives: the site's menu and footer are gone.
    await expect(page.locator('.viewer-content')).not.toContainText('All rights reserved');
  } finally {
    server.close();
  }
});
