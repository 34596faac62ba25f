import { readFileSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server/app';
import { memoryLogger } from '../server/log';
import { issueToken } from '../server/tokens';
import { TEST_SECRET, tempDatabase } from '../server/testing';
import { dragSelect, highlightCount, openArticle, SEED_TITLES } from './support/editor';

// Issue 10's loopback ports: 47100 for the e2e sync server.
const SERVER = 'ws://127.0.0.1:47100';
const CLAIM =
  'The operation saw 498 individuals from 42 countries arrested for federal immigration violations, ICE said.';

let server: RunningServer;
let database: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  database = tempDatabase();
  server = await startServer(
    {
      host: '127.0.0.1',
      port: 47100,
      database,
      secret: TEST_SECRET,
      redis: null,
      name: 'e2e',
      debounce: 50,
    },
    memoryLogger(),
  );
  server.members.createStory('ice-raids', 'ICE raids');
  server.members.setMember('ice-raids', 'Ana', 'editor');
  server.members.setMember('ice-raids', 'Ben', 'editor');
  server.members.setMember('ice-raids', 'Vic', 'viewer');
});

test.afterAll(async () => {
  await server?.stop();
});

/**
 * A fresh browser profile. The built renderer's CSP allows the sync server only when built with
 * CORROBORATE_SYNC_SERVER=ws://127.0.0.1:47100 (as CI does); otherwise CSP is bypassed here.
 */
async function profile(browser: Browser): Promise<Page> {
  const html = readFileSync('dist/renderer/index.html', 'utf8');
  const context = await browser.newContext({ bypassCSP: !html.includes('ws://127.0.0.1:47100') });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  return page;
}

async function join(page: Page, editor: 'Ana' | 'Ben' | 'Vic', share: string[] = []) {
  const role = editor === 'Vic' ? 'viewer' : 'editor';
  const token = await issueToken({ story: 'ice-raids', editor, role }, TEST_SECRET, 3600);
  await page.getByTestId('share-open').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.getByTestId('share-server').fill(SERVER);
  await dialog.getByTestId('share-token').fill(token);
  for (const title of share) await dialog.getByLabel(title, { exact: false }).check();
  await dialog.getByTestId('share-join').click();
  await expect(dialog.getByTestId('share-status')).toContainText('Connected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-status')).toContainText('Connected');
}

test('editor A tags a claim; editor B sees it within 2 s, with its author; a viewer cannot change it', async ({
  browser,
}) => {
  const a = await profile(browser);
  const b = await profile(browser);
  await join(a, 'Ana', [SEED_TITLES.ice498]);
  await join(b, 'Ben');
  await openArticle(a, SEED_TITLES.ice498);
  await openArticle(b, SEED_TITLES.ice498);

  await dragSelect(a, CLAIM);
  await a.keyboard.press('c');
  await expect(a.getByTestId('annotation-item')).toHaveCount(1);
  await expect(b.getByTestId('annotation-item')).toHaveCount(1, { timeout: 2000 });
  await expect.poll(() => highlightCount(b, 'cb-claim'), { timeout: 2000 }).toBe(1);
  await expect(b.getByTestId('annotation-author')).toHaveText('Ana');

  // B's speaker edit reaches A.
  await b.getByTestId('annotation-item').first().click();
  await b.getByTestId('inspector-note').fill('Check the 42 countries figure.');
  await b.getByTestId('inspector-note').blur();
  await expect(a.getByTestId('annotation-item').first()).toContainText('42 countries figure', {
    timeout: 3000,
  });

  // A third, fresh profile (a viewer) gets everything from the server alone.
  const v = await profile(browser);
  await join(v, 'Vic');
  await openArticle(v, SEED_TITLES.ice498);
  await expect(v.getByTestId('annotation-item')).toHaveCount(1);
  await expect(v.getByTestId('annotation-item').first()).toContainText('42 countries figure');

  // The viewer's edit is not accepted: it never reaches A, and the viewer's copy reverts.
  await v.getByTestId('annotation-item').first().click();
  await v.getByTestId('inspector-note').fill('Viewer rewrote this.');
  await v.getByTestId('inspector-note').blur();
  await expect(v.getByTestId('annotation-item').first()).toContainText('42 countries figure');
  await a.waitForTimeout(500);
  await expect(a.getByTestId('annotation-item').first()).not.toContainText('Viewer rewrote');
});
