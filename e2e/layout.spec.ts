import { expect, test, type Page } from '@playwright/test';
import { dragSelect, openArticle, SEED_TITLES } from './support/editor';

/**
 * Issue 9: a layout that fits a laptop. At 1000×700, three articles side by side keep whole
 * words, folding the panels widens the columns (and is remembered), and a long quote as a group
 * label never makes anything scroll sideways.
 */
if (process.env.E2E_BASE_URL) test.use({ baseURL: process.env.E2E_BASE_URL });
test.use({ viewport: { width: 1000, height: 700 } });

async function start(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
}

/** Widths of the review columns and how many words of their text are split over two lines. */
function columnReport(page: Page) {
  return page.evaluate(() => {
    const cols = Array.from(
      document.querySelectorAll<HTMLElement>('[data-testid="review-column"]'),
    );
    return cols.map((col) => {
      const content = col.querySelector<HTMLElement>('.viewer-content')!;
      let split = 0;
      let words = 0;
      const paras = Array.from(content.children).slice(0, 4);
      for (const p of paras) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          for (const m of n.data.matchAll(/\S+/g)) {
            const r = document.createRange();
            r.setStart(n, m.index);
            r.setEnd(n, m.index + m[0].length);
            const tops = new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top)));
            words++;
            if (tops.size > 1) split++;
          }
        }
      }
      return { width: col.getBoundingClientRect().width, words, split };
    });
  });
}

/** Sideways overflow of the page and of every panel. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth}`);
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('.side-panel, .inspector, .group-card, .main'),
    )) {
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    }
    return out;
  });
}

test('three articles side by side at 1000×700 keep whole words; folding panels widens them', async ({
  page,
}) => {
  await start(page);
  await page.getByRole('tab', { name: 'Side by side' }).click();
  for (const title of [SEED_TITLES.federalAgents, SEED_TITLES.newsmax, SEED_TITLES.ice498])
    await page.getByTestId('review-pick').filter({ hasText: title }).click();
  await expect(page.getByTestId('review-column')).toHaveCount(3);

  const before = await columnReport(page);
  for (const c of before) {
    expect(c.width).toBeGreaterThanOrEqual(280);
    expect(c.words).toBeGreaterThan(20);
    expect(c.split).toBe(0);
  }
  // More columns than fit scroll sideways inside the review, never the page.
  expect(await sidewaysOverflow(page)).toEqual([]);

  await page.getByTestId('toggle-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(0);
  const after = await columnReport(page);
  for (const [i, c] of after.entries()) {
    expect(c.width).toBeGreaterThan(before[i]!.width + 20);
    expect(c.split).toBe(0);
  }
  // Remembered across a restart; Ctrl+B brings the library back.
  await page.reload();
  await expect(page.getByTestId('review-column')).toHaveCount(3);
  await expect(page.getByTestId('toggle-library')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Control+b');
  await expect(page.getByTestId('library-item')).toHaveCount(5);

  // The annotation panel folds too (Ctrl+Alt+B), widening the reading column.
  await page.getByRole('tab', { name: 'Read' }).click();
  await openArticle(page, SEED_TITLES.federalAgents);
  const reading = page.locator('.reading-main');
  const w1 = (await reading.boundingBox())!.width;
  await page.keyboard.press('Control+Alt+b');
  await expect(page.getByTestId('toggle-inspector')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await reading.boundingBox())!.width).toBeGreaterThan(w1 + 200);
});

test('a long quote as a group label causes no sideways scroll', async ({ page }) => {
  await start(page);
  const homan =
    'Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration';
  await openArticle(page, SEED_TITLES.newsmax);
  await dragSelect(page, homan);
  await page.keyboard.press('q');
  await page.getByTestId('speaker-input').fill('Tom Homan');
  await page.keyboard.press('Enter');
  await page.getByTestId('find-quote').click();
  await page.getByTestId('quote-hit').first().getByTestId('quote-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);
  await expect(page.getByTestId('group-label')).toHaveValue(/^Sanctuary jurisdictions/);
  expect(await sidewaysOverflow(page)).toEqual([]);
  // The label's full text stays available.
  await expect(page.getByTestId('group-label')).toHaveValue(new RegExp(homan.slice(0, 100)));

  await page.getByRole('tab', { name: 'Claim groups' }).click();
  await expect(page.getByTestId('group-card')).toHaveCount(1);
  expect(await sidewaysOverflow(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-row')).toHaveCount(1);
  await expect(page.locator('.matrix-label')).toHaveAttribute(
    'title',
    new RegExp(homan.slice(0, 60)),
  );
  expect(await sidewaysOverflow(page)).toEqual([]);
});
