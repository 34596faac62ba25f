/**
 * Sources as first-class records (issue 8), driven as an editor would: import a saved news
 * page, read it as it was written, tag claims inside its list and headings, edit its outlet
 * and see the new name in the matrix and the CSV, undo a metadata edit.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { dragSelect, highlightCount, openArticle } from './support/editor';

const NEWS_PAGE = readFileSync('renderer/features/library/fixtures/news-page.html');
const TITLE = 'Harbour strike ends after 11 days';

/** The same event, reported by another outlet: what an editor compares the page with. */
const ECHO_PAGE = `<!doctype html><html lang="en"><head><title>Eastmouth dockers back deal</title>
<meta property="og:site_name" content="Eastmouth Echo">
<meta property="article:published_time" content="2017-09-28T20:00:00Z"></head>
<body><article><h1>Eastmouth dockers back pay deal</h1>
<p>Port workers in Eastmouth voted to accept a 4% pay rise on Thursday, ending the 11-day strike at the docks.</p>
<p>The ballot result was 612 votes in favour and 288 against, the union said on Thursday evening after the count.</p>
<p>More than 40 ships had been waiting off the coast while the strike went on, according to the port authority.</p>
</article></body></html>`;

async function importFiles(page: Page, files: { name: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files.map((f) => ({ ...f, mimeType: 'text/html' })));
}

async function importNewsPage(page: Page) {
  await importFiles(page, [{ name: 'strike.html', buffer: NEWS_PAGE }]);
  await expect(page.getByTestId('article-title')).toContainText(TITLE);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
});

test('a saved news page arrives as the article alone, with its source and structure', async ({
  page,
}) => {
  await importNewsPage(page);
  await expect(page.getByTestId('article-source')).toHaveText('The Harbour Gazette');
  await expect(page.getByTestId('article-authors')).toHaveText('By Maria Lopez, Tom Okafor');
  await expect(page.locator('.article-meta time')).toHaveText('2017-09-28');
  const viewer = page.locator('.viewer-content');
  await expect(viewer.locator('h2')).toHaveText(['What the deal includes', 'Cost to the port']);
  await expect(viewer.locator('ul > li')).toHaveCount(3);
  await expect(viewer.locator('blockquote')).toContainText('a deal our members can live with');
  await expect(viewer.locator('table th')).toHaveText(['Week', 'Ships waiting']);
  await expect(viewer.locator('strong, b, .viewer-bold').first()).toHaveText('4% pay rise');
  for (const junk of ['Share on Twitter', 'Related stories', 'Privacy policy', 'Politics'])
    await expect(viewer).not.toContainText(junk);
  // The javascript: link is text only; a real link is data and never navigates the window.
  await expect(viewer.locator('a')).toHaveCount(1);
  const before = page.url();
  await viewer.getByRole('link', { name: 'Eastmouth Port Authority' }).click();
  await expect(page.getByText('Link to https://www.eastmouthports.example/')).toBeVisible();
  expect(page.url()).toBe(before);
  // The library names the outlet too.
  await expect(
    page.getByTestId('library-item').filter({ hasText: TITLE }).locator('.library-meta'),
  ).toContainText('The Harbour Gazette · 2017-09-28');
});

test('claims tagged inside a list item and a heading survive a reload', async ({ page }) => {
  await importNewsPage(page);
  await dragSelect(page, 'an end to unpaid standby shifts at weekends');
  await page.keyboard.press('c');
  await expect(page.getByTestId('inspector-text')).toHaveText(
    'an end to unpaid standby shifts at weekends',
  );
  await page.keyboard.press('Escape');
  await dragSelect(page, 'Cost to the port');
  await page.keyboard.press('c');
  await expect(page.getByTestId('inspector-text')).toHaveText('Cost to the port');

  await page.reload();
  await openArticle(page, TITLE);
  await expect(page.locator('.annotation-item')).toHaveCount(2);
  // In text order: the list item comes before the heading.
  await expect(page.locator('.annotation-item')).toContainText([
    'an end to unpaid standby shifts at weekends',
    'Cost to the port',
  ]);
  await expect.poll(() => highlightCount(page, 'cb-claim')).toBe(2);
  // The painted ranges cover exactly the tagged words, inside the <li> and the <h2>.
  const painted = await page.evaluate(() =>
    // Painted ranges are StaticRanges (domOffsets.ts): read their text through a Range.
    [...(CSS.highlights.get('cb-claim') ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return [
        range.toString(),
        (r.startContainer.parentElement?.closest('li, h2') as HTMLElement | null)?.tagName,
      ];
    }),
  );
  expect(painted.sort()).toEqual([
    ['Cost to the port', 'H2'],
    ['an end to unpaid standby shifts at weekends', 'LI'],
  ]);
});

test('the edited outlet name shows in the library, the matrix header and the CSV', async ({
  page,
}) => {
  await importFiles(page, [{ name: 'echo.html', buffer: Buffer.from(ECHO_PAGE) }]);
  await expect(page.getByTestId('article-source')).toHaveText('Eastmouth Echo');
  await importNewsPage(page);

  const outlet = page.getByTestId('source-source');
  await outlet.fill('Harbour Gazette');
  await outlet.press('Enter');
  await expect(page.getByTestId('article-source')).toHaveText('Harbour Gazette');
  await expect(
    page.getByTestId('library-item').filter({ hasText: TITLE }).locator('.library-meta'),
  ).toContainText('Harbour Gazette');

  await dragSelect(page, 'accept a 4% pay rise');
  await page.keyboard.press('c');
  await page.getByTestId('link-open').click();
  const echo = page.getByTestId('suggestion').filter({ hasText: 'Eastmouth' }).first();
  await echo.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);

  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(
    page.getByTestId('matrix-source').filter({ hasText: 'Harbour Gazette' }),
  ).toHaveCount(1);
  await expect(page.getByTestId('matrix-source').filter({ hasText: 'Eastmouth Echo' })).toHaveCount(
    1,
  );

  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('Spreadsheet (CSV)').check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-confirm').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  // One row per annotation; the source column holds each article's outlet short name.
  const rows = csv.split(/\r?\n/).filter((l) => l.includes('accept a 4% pay rise'));
  expect(rows).toHaveLength(2);
  expect(rows.find((r) => r.startsWith('Harbour strike ends'))).toContain(
    ',Harbour Gazette,claim,',
  );
  expect(rows.find((r) => r.startsWith('Eastmouth dockers'))).toContain(',Eastmouth Echo,claim,');
});

test('a metadata edit is validated and undoable', async ({ page }) => {
  await importNewsPage(page);
  const date = page.getByTestId('source-date');
  await expect(date).toHaveValue('2017-09-28');
  await date.fill('next Thursday');
  await date.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'is not a date' })).toBeVisible();
  await expect(page.locator('.article-meta time')).toHaveText('2017-09-28');
  const url = page.getByTestId('source-url');
  await url.fill('harbourgazette.example/strike');
  await url.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'not a web address' })).toBeVisible();
  await url.press('Escape');

  await date.fill('2017-09-29');
  await date.press('Enter');
  await expect(page.locator('.article-meta time')).toHaveText('2017-09-29');
  await page.locator('.viewer-content').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.article-meta time')).toHaveText('2017-09-28');
  await expect(date).toHaveValue('2017-09-28');
});

test('opening a web address in browser mode explains the desktop app is needed', async ({
  page,
}) => {
  await page.keyboard.press('Control+l');
  const dialog = page.getByTestId('open-url-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('open-url-browser-note')).toContainText('needs the desktop app');
  await expect(dialog.getByTestId('open-url-browser-note')).toContainText('CORS');
  await expect(dialog.getByRole('button', { name: 'Import a saved page…' })).toBeVisible();
});
