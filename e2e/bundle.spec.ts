/**
 * Bundles through the UI, as an editor uses them: annotate, export, wipe, import the file back and
 * find everything; bad files refused with a message and the library untouched; markup inside an
 * article shown as text and never run, in the app and in the exported HTML report.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeBundle } from '../shared/bundle';
import { canonicalizeText } from '../shared/text/canonical';
import type { Annotation, Article } from '../shared/model/types';
import { SEED_TITLES, dragSelect, openArticle } from './support/editor';
import { annotationDefaults, articleDefaults } from '../shared/model/defaults';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

let tmp: string;
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-e2e-bundle-'));
});
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function start(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
}

async function libraryTitles(page: Page): Promise<string[]> {
  return (
    await page.locator('[data-testid="library-item"] .library-title').allTextContents()
  ).sort();
}

/** Every article's title with its annotations as the side panel lists them. */
async function workspaceAsShown(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const title of await libraryTitles(page)) {
    await openArticle(page, title);
    const items = page.getByTestId('annotation-item');
    await expect(page.locator('.panel-title .count')).toHaveText(/\d+/);
    const n = Number(await page.locator('.panel-title .count').textContent());
    await expect(items).toHaveCount(n);
    out[title] = (await items.allTextContents()).sort();
  }
  return out;
}

async function tagClaim(page: Page, text: string) {
  const before = await page.getByTestId('annotation-item').count();
  await dragSelect(page, text);
  await page.keyboard.press('c');
  await expect(page.getByTestId('annotation-item')).toHaveCount(before + 1);
}

async function importFile(page: Page, file: string | { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-bundle').click();
  await (
    await chooser
  ).setFiles(typeof file === 'string' ? file : { ...file, mimeType: 'application/octet-stream' });
}

async function exportAs(page: Page, format: 'bundle' | 'html' = 'bundle'): Promise<string> {
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  if (format === 'html') await dialog.getByLabel('HTML report').check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-confirm').click();
  const file = await download;
  const target = path.join(tmp, `${test.info().testId}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return target;
}

function sha256Of(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** A bundle of one article, written by the real writer, for the bad-input cases. */
function tinyBundle(
  text: string,
  title = 'A bundled article',
  annotations: Annotation[] = [],
): Uint8Array {
  const canonical = canonicalizeText(text);
  const sha256 = sha256Of(canonical);
  const article: Article = {
    ...articleDefaults(),
    // Articles are named by their text: the id is the sha256.
    id: sha256,
    sha256,
    title,
    source: null,
    date: null,
    text: canonical,
    origin: { kind: 'file', name: 'bundled.txt', format: 'txt' },
    createdAt: Date.UTC(2024, 0, 1),
    updatedAt: Date.UTC(2024, 0, 1),
  };
  return writeBundle(
    { articles: [article], annotations, groups: [] },
    { appVersion: '0.1.0', now: Date.UTC(2024, 0, 2) },
  );
}

test('annotate, export a bundle, wipe, import it: everything is back', async ({ page }) => {
  await start(page);
  await openArticle(page, SEED_TITLES.ice498);
  await tagClaim(page, 'arrested for federal immigration violations');
  await tagClaim(page, 'its four-day “Safe City” operation');
  await openArticle(page, SEED_TITLES.newsmax);
  await tagClaim(page, '167 arrests were made in and around Los Angeles');
  const before = await workspaceAsShown(page);
  expect(Object.values(before).flat()).toHaveLength(3);

  // Ctrl+E opens the same dialog as the button; Escape closes it.
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  const bundle = await exportAs(page);
  expect(path.extname(bundle)).toBe('.corroborate');
  expect(fs.readFileSync(bundle).subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByTestId('wipe-open').click();
  await page.getByTestId('wipe-confirm').click();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('library-item')).toHaveCount(0);

  await importFile(page, bundle);
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('import-articles')).toContainText('5');
  await expect(report.getByTestId('import-annotations').locator('td').first()).toHaveText('3');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  expect(await workspaceAsShown(page)).toEqual(before);

  // The same file again changes nothing, and says so.
  await importFile(page, bundle);
  await expect(page.getByTestId('import-nothing-new')).toBeVisible();
  await expect(report.getByTestId('import-annotations').locator('td').first()).toHaveText('0');
  await report.getByRole('button', { name: 'Done' }).click();
  expect(await workspaceAsShown(page)).toEqual(before);
});

test('bad files are refused with a message and the library is unchanged', async ({ page }) => {
  await start(page);
  await openArticle(page, SEED_TITLES.statesCities);
  await tagClaim(page, 'arrested almost 500 undocumented immigrants');
  const before = await workspaceAsShown(page);

  const good = tinyBundle('One paragraph about 498 arrests.\nA second paragraph.');
  const entries = Object.fromEntries(
    Object.entries(unzipSync(good)).map(([k, v]) => [k, strFromU8(v)]),
  );
  const manifest = JSON.parse(entries['manifest.json']!);
  const newer = zipSync(
    Object.fromEntries(
      Object.entries({
        ...entries,
        'manifest.json': JSON.stringify({ ...manifest, formatVersion: 99, appVersion: '9.0.0' }),
      }).map(([k, v]) => [k, strToU8(v)]),
    ),
  );
  // A file over the limit, refused by its size: sparse, so it costs no disk space.
  const huge = path.join(tmp, 'huge.corroborate');
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 200 * 1024 * 1024);

  const cases: { file: string | { name: string; buffer: Buffer }; says: RegExp }[] = [
    {
      file: { name: 'notes.corroborate', buffer: Buffer.from('Just some text, not a zip.\n') },
      says: /not a zip archive/,
    },
    {
      file: { name: 'cut.corroborate', buffer: Buffer.from(good.subarray(0, good.length - 40)) },
      says: /cut short/,
    },
    {
      file: { name: 'future.corroborate', buffer: Buffer.from(newer) },
      says: /made by a newer version of Corroborate/,
    },
    { file: huge, says: /200\.0 MB.*up to 100\.0 MB/ },
  ];
  for (const c of cases) {
    await importFile(page, c.file);
    const error = page.getByTestId('toast-error');
    await expect(error).toContainText(c.says);
    await expect(error).toContainText('Nothing was changed');
    await expect(page.getByTestId('import-report')).toHaveCount(0);
    await error.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('toast-error')).toHaveCount(0);
    expect(await libraryTitles(page)).toEqual(Object.keys(before).sort());
  }
  expect(await workspaceAsShown(page)).toEqual(before);
});

test('markup inside article text is shown as text and never run', async ({ page }) => {
  await page.addInitScript(() => {
    window.__pwned = undefined;
  });
  await start(page);
  const hostile = [
    'Officials said <img src=x onerror="window.__pwned=1"> was in the release.',
    '<script>window.__pwned=2</script> A second paragraph <b>bold?</b> &amp; more.',
  ].join('\n');
  await importFile(page, {
    name: 'hostile.corroborate',
    buffer: Buffer.from(tinyBundle(hostile, 'Hostile <b>markup</b> article')),
  });
  await page.getByTestId('import-report').getByRole('button', { name: 'Done' }).click();
  await openArticle(page, 'Hostile <b>markup</b>');
  const viewer = page.getByTestId('article-viewer');
  await expect(viewer).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(viewer).toContainText('<script>window.__pwned=2</script>');
  await expect(viewer.locator('img, script, b')).toHaveCount(0);
  await expect(page.getByTestId('article-title')).toHaveText('Hostile <b>markup</b> article');
  await tagClaim(page, 'A second paragraph <b>bold?</b>');

  // The HTML report carries the same text escaped; opened on its own it runs nothing either.
  const report = await exportAs(page, 'html');
  const html = fs.readFileSync(report, 'utf8');
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
  expect(html).not.toContain('<img');
  const reportPage = await page.context().newPage();
  await reportPage.addInitScript(() => {
    window.__pwned = undefined;
  });
  await reportPage.goto(`file://${report}`);
  await expect(reportPage.locator('body')).toContainText('<script>window.__pwned=2</script>');
  expect(await reportPage.evaluate(() => window.__pwned)).toBeUndefined();
  await reportPage.close();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('an annotation whose text is gone waits in the review queue; the editor places it', async ({
  page,
}) => {
  await start(page);
  const text =
    'Officials counted 498 arrests in ten cities.\nThe Times said 167 arrests were made in Los Angeles.';
  const lost: Annotation = {
    ...annotationDefaults(),
    id: 'lost-1',
    articleId: sha256Of(canonicalizeText(text)),
    kind: 'claim',
    position: { type: 'TextPositionSelector', start: 0, end: 27 },
    // Edited after export: nothing in the article resembles it any more.
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Zebras annexed the aquarium',
      prefix: '',
      suffix: '',
    },
    speaker: null,
    note: 'from the wire',
    groupId: null,
    stance: null,
    createdAt: Date.UTC(2024, 0, 1),
    updatedAt: Date.UTC(2024, 0, 1),
  };
  await importFile(page, {
    name: 'queue.corroborate',
    buffer: Buffer.from(tinyBundle(text, 'Officials counted 498 arrests', [lost])),
  });
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-review')).toContainText('Zebras annexed the aquarium');
  await expect(report.getByTestId('import-review')).toContainText('Officials counted 498 arrests');
  await report.getByRole('button', { name: 'Review now' }).click();

  await expect(page.getByTestId('reanchor-badge')).toContainText('1');
  const item = page.getByTestId('reanchor-item');
  await expect(item).toContainText('Its quote is no longer in the article.');
  await item.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('article-title')).toHaveText('Officials counted 498 arrests');
  await expect(page.getByTestId('annotations-empty')).toBeVisible();

  await dragSelect(page, '167 arrests were made in Los Angeles');
  await item.getByRole('button', { name: 'Use selection' }).click();
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.getByTestId('annotation-item')).toContainText(
    '167 arrests were made in Los Angeles',
  );
  await expect(page.getByTestId('annotation-item')).toContainText('from the wire');
  await expect(page.getByTestId('reanchor-item')).toHaveCount(0);
  await expect(page.getByTestId('reanchor-badge')).toHaveCount(0);
});
