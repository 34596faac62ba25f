import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { SEED_TITLES, openArticle } from './support/editor';

const HOSTILE_HTML = `<!doctype html><html><head><title>Council votes on budget</title>
<meta property="og:site_name" content="Springfield Gazette">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<script>window.__pwned = 'script'</script><style>body{display:none}</style></head>
<body><h1>Council votes on budget</h1>
<p>The council approved a <b>$4.2 million</b> budget on Tuesday.<img src="x" onerror="window.__pwned='onerror'"></p>
<p onclick="window.__pwned='onclick'">Seven members voted in favour, two against.</p>
<iframe src="javascript:window.top.__pwned='iframe'"></iframe>
<p><a href="javascript:window.__pwned='link'">Read more</a></p></body></html>`;

async function chooseFiles(
  page: Page,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
}

async function libraryTitles(page: Page) {
  return page.getByTestId('library-item').locator('.library-title').allTextContents();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
});

test('first run: five samples with titles, the date of seed 002 and the source of seed 003', async ({
  page,
}) => {
  const items = page.getByTestId('library-item');
  await expect(items.filter({ hasText: SEED_TITLES.nearly500Criminal })).toContainText(
    '2017-09-28',
  );
  await expect(items.filter({ hasText: SEED_TITLES.newsmax })).toContainText('Newsmax');
  await openArticle(page, SEED_TITLES.nearly500Criminal);
  // The date marker is metadata, not article text.
  await expect(page.locator('.viewer-content p').first()).toHaveText(
    /^Nearly 500 criminal illegal aliens/,
  );
  // One paragraph per non-empty line of the file.
  const lines = readFileSync('seeds/002_2af8ad94a9a3ce6e.txt', 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  await expect(page.locator('.viewer-content p')).toHaveCount(lines.length);
});

test('search filters the library by title and by text', async ({ page }) => {
  await page.getByTestId('library-search').fill('Newsmax');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await page.getByTestId('library-search').fill('Albence');
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await expect(page.getByTestId('library-item')).toContainText(SEED_TITLES.federalAgents);
  await expect(page.getByTestId('library-item')).toContainText('Matthew Albence');
  await page.getByTestId('library-search').fill('magnet illegal');
  await expect(page.getByTestId('library-item')).toHaveCount(4);
  await page.getByTestId('library-search').fill('zebra');
  await expect(page.getByTestId('library-item')).toHaveCount(0);
  await expect(page.getByText('No article matches')).toBeVisible();
});

test('an HTML file with scripts imports as text and nothing in it ever runs', async ({ page }) => {
  await chooseFiles(page, [
    { name: 'budget.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) },
  ]);
  await expect(page.getByTestId('article-title')).toHaveText('Council votes on budget');
  await expect(page.getByTestId('library-item')).toHaveCount(6);
  await expect(page.getByTestId('library-item').filter({ hasText: 'Council votes' })).toContainText(
    'Springfield Gazette · 2024-03-05',
  );
  // Readability keeps the article (its headline becomes the title, shown above it); the
  // javascript: link is plain text.
  const lines = page.locator('.viewer-content h1, .viewer-content p');
  await expect(lines).toHaveText([
    'The council approved a $4.2 million budget on Tuesday.',
    'Seven members voted in favour, two against.',
    'Read more',
  ]);
  await expect(page.locator('.viewer-content a')).toHaveCount(0);
  await page.locator('.viewer-content').getByText('Read more').click();
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('Council votes on budget');
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
  await expect(
    page.locator('.viewer-content script, .viewer-content img, .viewer-content iframe'),
  ).toHaveCount(0);
});

test('bad files are refused with the file name and reason; the library is unchanged', async ({
  page,
}) => {
  const before = await libraryTitles(page);
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  await chooseFiles(page, [{ name: 'photo.txt', mimeType: 'text/plain', buffer: png }]);
  await expect(page.getByTestId('toast-error')).toContainText(
    'Could not import photo.txt: it is a PNG image, not text',
  );
  await chooseFiles(page, [
    { name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) },
  ]);
  await expect(page.getByTestId('toast-error').last()).toContainText(
    'Could not import empty.md: the file is empty',
  );
  // Legacy encodings are decoded now (see sources.spec); only real binary is refused.
  await chooseFiles(page, [
    {
      name: 'blob.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    },
  ]);
  await expect(page.getByTestId('toast-error').last()).toContainText(
    'blob.txt: it looks like a binary file, not text',
  );
  await chooseFiles(page, [
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 0x61) },
  ]);
  await expect(page.getByTestId('toast-error').last()).toContainText(
    'huge.txt: the file is 6 MB, over the 5 MB limit',
  );
  expect(await libraryTitles(page)).toEqual(before);
  await page.reload();
  await expect(page.getByTestId('library-item')).toHaveCount(5);
});

test('importing the same text twice says so and does not duplicate', async ({ page }) => {
  const text = 'Officials counted 1,204 ballots by noon.\n\nTurnout was higher than in 2019.';
  await chooseFiles(page, [
    { name: 'count.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
  ]);
  await expect(page.getByTestId('library-item')).toHaveCount(6);
  // Same canonical text, different line endings and spacing: still the same article.
  await chooseFiles(page, [
    {
      name: 'count-copy.md',
      mimeType: 'text/plain',
      buffer: Buffer.from(text.replace(/\n/g, '\r\n') + '\n'),
    },
  ]);
  await expect(
    page.getByText(
      'count-copy.md is already in the library as “Officials counted 1,204 ballots by noon”',
    ),
  ).toBeVisible();
  await expect(page.getByTestId('library-item')).toHaveCount(6);
});

test('paste text as a new article (keyboard), with a markdown file and a drop alongside', async ({
  page,
}) => {
  await page.keyboard.press('Control+Shift+V');
  await page
    .getByLabel('Article text')
    .fill('Mayor Ada Brown said 3 bridges will close.\nRepairs start Monday.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('article-title')).toHaveText(
    'Mayor Ada Brown said 3 bridges will close',
  );
  await expect(page.locator('.viewer-content p')).toHaveCount(2);

  await chooseFiles(page, [
    {
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Harbour report\n\nShips **docked**: 14.\n\n- one\n- two\n'),
    },
  ]);
  await expect(page.getByTestId('article-title')).toHaveText('Harbour report');
  // Markdown keeps its heading and list.
  await expect(
    page.locator('.viewer-content h1, .viewer-content p, .viewer-content li'),
  ).toHaveText(['Harbour report', 'Ships docked: 14.', 'one', 'two']);
  await expect(page.locator('.viewer-content ul > li')).toHaveCount(2);

  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(['Dropped story about 12 trains.'], 'dropped.txt', { type: 'text/plain' }),
    );
    const target = document.querySelector('.drop-root')!;
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByTestId('article-title')).toHaveText('Dropped story about 12 trains');
  await expect(page.getByTestId('library-item')).toHaveCount(8);
  await page.reload();
  await expect(page.getByTestId('library-item')).toHaveCount(8);
  // The open article is restored after the reload.
  await expect(page.getByTestId('article-title')).toHaveText('Dropped story about 12 trains');
});

test('deleting an article can be undone', async ({ page }) => {
  await page.getByTestId('library-item').first().hover();
  await page.getByRole('button', { name: `Delete ${SEED_TITLES.ice498}`, exact: false }).click();
  await expect(page.getByTestId('library-item')).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
});

test('a library of 3,000 articles is virtual: few rows in the page, ↑/↓/Home/End reach them all', async ({
  page,
}) => {
  // Written straight into IndexedDB in the app's shapes (shared/model/types.ts).
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('corroborate');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('articles', 'readwrite');
      for (let i = 1; i <= 3_000; i++) {
        const id = `many-${String(i).padStart(4, '0')}`;
        tx.objectStore('articles').put({
          id,
          sha256: id,
          title: `Story number ${i}`,
          source: 'Wire',
          authors: [],
          url: null,
          language: 'en',
          date: '2026-01-01',
          text: `Story number ${i} says something about the council.`,
          structure: null,
          origin: { kind: 'paste', name: null, format: 'paste' },
          createdAt: Date.now() + i,
          updatedAt: Date.now() + i,
          deletedAt: null,
        });
      }
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
  await page.reload();
  const list = page.getByTestId('library-list');
  await expect(list).toHaveAttribute('aria-label', 'Articles (3005)');
  const rows = list.locator('li');
  // Only the rows near the screen are in the page.
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '3005');

  const items = page.getByTestId('library-item');
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('li:has(:focus)')).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('End');
  await expect(page.locator('li:has(:focus)')).toHaveAttribute('aria-posinset', '3005');
  await expect(page.locator(':focus')).toContainText('Story number 3000');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toContainText('Story number 2999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-title')).toHaveText('Story number 2999');
  await page.getByTestId('library-item').filter({ hasText: 'Story number 2999' }).focus();
  await page.keyboard.press('Home');
  await expect(page.locator('li:has(:focus)')).toHaveAttribute('aria-posinset', '1');
  expect(await rows.count()).toBeLessThan(60);
});
