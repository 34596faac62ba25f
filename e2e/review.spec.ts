import { expect, test, type Page } from '@playwright/test';
import {
  clickText,
  dragSelect,
  highlightCount,
  LA_101,
  LA_167,
  openArticle,
  SEED_TITLES,
  tagClaim,
} from './support/editor';

/**
 * Issue 3: link matching claims across articles, flag conflicts, review sources side by side.
 * Everything is done as an editor would: mouse drags, key presses, clicks on what is shown.
 */

// Lets a run use its own preview server while other suites share the default one.
if (process.env.E2E_BASE_URL) test.use({ baseURL: process.env.E2E_BASE_URL });

const LA_LIST = 'Los Angeles, California (101)';
const NEARLY_500 = 'Federal immigration agents made nearly 500 arrests';

async function start(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
}

/** Select `text` with the mouse, press Q and name the speaker. */
async function tagQuote(page: Page, text: string, speaker: string) {
  await dragSelect(page, text);
  await page.keyboard.press('q');
  await page.getByTestId('speaker-input').fill(speaker);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-text')).toHaveText(text);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** Whether `text` in review column `viewer` is scrolled into that column's visible area. */
function inColumnView(page: Page, text: string, viewer: number) {
  return page.evaluate(
    ({ text, viewer }) => {
      const root = document.querySelectorAll<HTMLElement>(
        '[data-testid="article-viewer"] .viewer-content',
      )[viewer]!;
      const para = Array.from(root.children).find((p) => p.textContent?.includes(text));
      if (!para) throw new Error(`not in viewer ${viewer}: ${text}`);
      const box = root.closest('.review-col-scroll')!.getBoundingClientRect();
      const r = para.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    },
    { text, viewer },
  );
}

test('tag a claim, accept two suggestions, see the group in the matrix', async ({ page }) => {
  await start(page);
  await openArticle(page, SEED_TITLES.federalAgents);
  await tagClaim(page, NEARLY_500);

  await page.getByTestId('link-open').click();
  const suggestions = page.getByTestId('suggestion');
  await expect(suggestions.first()).toBeVisible();
  // Each suggestion says why it matched: the shared figure is marked.
  await expect(suggestions.first().locator('mark.why-number')).not.toHaveCount(0);

  const first = suggestions.first();
  const firstArticle = await first.getAttribute('data-article-id');
  await first.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);
  await expect(first.getByTestId('suggestion-accept')).toHaveText('Linked');

  const other = page
    .locator(`[data-testid="suggestion"]:not([data-article-id="${firstArticle}"])`)
    .filter({ has: page.locator('[data-testid="suggestion-accept"]:not([disabled])') })
    .first();
  await other.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(3);
  await expect(page.getByTestId('agree-flag')).toBeVisible();

  await tab(page, 'Matrix');
  await expect(page.getByTestId('matrix-row')).toHaveCount(1);
  await expect(page.getByTestId('matrix-source')).toHaveCount(5);
  const cells = page.getByTestId('matrix-cell');
  await expect(cells).toHaveCount(5);
  await expect(cells.and(page.locator('[data-state="states"]'))).toHaveCount(1);
  await expect(cells.and(page.locator('[data-state="agrees"]'))).toHaveCount(2);
  // Not linked is not absent (issue 7): the two other samples state the total too, unlinked.
  const likely = cells.and(page.locator('[data-state="likely"]'));
  await expect(likely).toHaveCount(2);
  await expect(likely.first()).toHaveAttribute('title', /likely here .*Click to link it/);
  // One click links that sentence: the cell becomes a member that agrees.
  await likely.first().click();
  await expect(cells.and(page.locator('[data-state="agrees"]'))).toHaveCount(3);
  await expect(likely).toHaveCount(1);

  // A cell opens that span side by side, with its group followed.
  await cells.and(page.locator('[data-state="agrees"]')).first().click();
  await expect(page.getByTestId('review-view')).toBeVisible();
  await expect(page.getByTestId('review-focus-label')).toHaveText(NEARLY_500);
  await expect.poll(() => highlightCount(page, 'cb-focus')).toBeGreaterThanOrEqual(2);
});

test('undo of an accepted suggestion removes the new annotation and the link', async ({ page }) => {
  await start(page);
  await openArticle(page, SEED_TITLES.federalAgents);
  await tagClaim(page, NEARLY_500);
  await page.getByTestId('link-open').click();
  const newsmax = page
    .getByTestId('suggestion')
    .filter({ hasText: 'ICE arrested nearly 500 people' })
    .first();
  await expect(newsmax.getByTestId('suggestion-accept')).toHaveText('Tag & link');
  await newsmax.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('group-member')).toHaveCount(0);
  await expect(page.getByTestId('link-section')).toContainText('Not linked');
  // The claim tagged in the Newsmax article by accepting went with the undo.
  await openArticle(page, SEED_TITLES.newsmax);
  await expect(page.getByTestId('annotations-empty')).toBeVisible();
  await tab(page, 'Matrix');
  await expect(page.getByTestId('matrix-empty')).toBeVisible();
  // Redo brings both back in one step.
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('matrix-row')).toHaveCount(1);
});

test('link the Los Angeles figures, see the conflict, follow it side by side, reload', async ({
  page,
}) => {
  test.slow(); // a long editing session: tag, link, reload, review, tag again
  await start(page);
  await openArticle(page, SEED_TITLES.federalAgents);
  await tagClaim(page, LA_101);
  await openArticle(page, SEED_TITLES.newsmax);
  await tagClaim(page, LA_167);

  // Link 101 to the already tagged 167 through its suggestion, then tag+link the list entry.
  await openArticle(page, SEED_TITLES.federalAgents);
  await clickText(page, LA_101);
  await expect(page.getByTestId('inspector-text')).toHaveText(LA_101);
  await page.getByTestId('link-open').click();
  const to167 = page.getByTestId('suggestion').filter({ hasText: '167 arrests' }).first();
  await expect(to167.getByTestId('suggestion-accept')).toHaveText('Link');
  await expect(to167.locator('mark.why-term', { hasText: 'Los' })).toHaveCount(1);
  await to167.getByTestId('suggestion-accept').click();
  // "At least 101" and 167 do not contradict each other (issue 7): consistent, and it says why.
  const consistent = page.getByTestId('agree-flag');
  await expect(consistent).toHaveAttribute('data-state', 'consistent');
  await expect(consistent).toHaveText('Consistent');
  await expect(consistent).toHaveAttribute(
    'title',
    /^Compatible figures for arrested: At least 101 .*, 167 /,
  );
  await expect(page.getByTestId('conflict-flag')).toHaveCount(0);
  const toList = page.getByTestId('suggestion').filter({ hasText: LA_LIST }).first();
  await toList.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(3);
  // The list entry states 101 exactly: 101 vs 167 is a conflict, with its explanation.
  await expect(page.getByTestId('conflict-flag')).toBeVisible();
  await expect(page.getByTestId('conflict-explanation')).toHaveText(
    /^Different figures for arrested: At least 101 .*vs 167 .*vs 101/,
  );
  const values = page.getByTestId('conflict-value');
  await expect(values.filter({ hasText: 'At least 101' })).toHaveCount(1);
  await expect(values.filter({ hasText: '167' })).toHaveCount(1);
  await expect(
    page.getByTestId('group-member').and(page.locator('[data-state="conflicts"]')),
  ).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('library-item')).toHaveCount(5);

  await tab(page, 'Claim groups');
  const card = page.getByTestId('group-card');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-state', 'conflicting');
  await expect(card.getByTestId('group-member-open')).toHaveCount(3);
  await expect(card.getByTestId('member-figures').filter({ hasText: '167' })).toHaveCount(1);

  await tab(page, 'Matrix');
  await expect(page.getByTestId('matrix-conflict')).toHaveCount(1);
  await expect(
    page.getByTestId('matrix-cell').and(page.locator('[data-state="conflicts"]')),
  ).toContainText('167');

  // Side by side: three samples, follow the group by clicking a highlight.
  await tab(page, 'Side by side');
  for (const title of [
    SEED_TITLES.federalAgents,
    SEED_TITLES.newsmax,
    SEED_TITLES.nearly500Criminal,
  ])
    await page.getByTestId('review-pick').filter({ hasText: title }).click();
  await expect(page.getByTestId('review-column')).toHaveCount(3);
  await expect.poll(() => highlightCount(page, 'cb-group-0')).toBe(3);
  expect(await inColumnView(page, LA_LIST, 2)).toBe(false);

  await clickText(page, LA_101, { viewer: 0 });
  await expect(page.getByTestId('review-focus-label')).toHaveText(LA_101);
  await expect(page.getByTestId('review-focus').getByTestId('conflict-flag')).toBeVisible();
  await expect.poll(() => highlightCount(page, 'cb-focus')).toBe(3);
  await expect.poll(() => inColumnView(page, LA_LIST, 2)).toBe(true);
  await expect.poll(() => inColumnView(page, LA_167, 1)).toBe(true);
  const states = page.getByTestId('column-state');
  await expect(states.nth(0)).toContainText('states the claim');
  await expect(states.nth(1)).toContainText('conflicts: 167');
  await expect(states.nth(2)).toContainText('agrees');

  // Following from another column scrolls the first one back to its member.
  await page
    .getByTestId('review-column')
    .nth(0)
    .locator('.review-col-scroll')
    .evaluate((el) => (el.scrollTop = 0));
  await clickText(page, LA_LIST, { viewer: 2 });
  await expect.poll(() => inColumnView(page, LA_101, 0)).toBe(true);

  // A fourth column without a member is not called "absent" while the matching worker finds a
  // likely sentence there (issue 7): it shows that sentence, unlinked, as the matrix does.
  await page.getByTestId('review-pick').filter({ hasText: SEED_TITLES.statesCities }).click();
  await expect(page.getByTestId('review-column')).toHaveCount(4);
  const fourth = page.getByTestId('review-column').nth(3);
  await expect(fourth.getByTestId('column-likely')).toBeVisible();
  await expect(fourth.getByTestId('column-likely-text')).toContainText('Los Angeles');
  await expect(page.getByTestId('column-likely')).toHaveCount(1);

  // C works in any column; J/K step between the groups on screen.
  await tagClaim(page, 'ICE arrested nearly 500 people', 1);
  await page.getByTestId('link-open').click();
  await page
    .getByTestId('suggestion')
    .filter({ hasText: NEARLY_500 })
    .first()
    .getByTestId('suggestion-accept')
    .click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);
  await page.getByTestId('inspector').getByRole('button', { name: /Close/ }).click();
  // Two groups are on screen; each J moves the focus to the other one, K back.
  const label = page.getByTestId('review-focus-label');
  const before = (await label.count()) ? await label.textContent() : null;
  await page.keyboard.press('j');
  if (before) await expect(label).not.toHaveText(before);
  await expect(label).toBeVisible();
  const first = await label.textContent();
  await page.keyboard.press('j');
  await expect(label).not.toHaveText(first!);
  await page.keyboard.press('k');
  await expect(label).toHaveText(first!);

  // The choice of columns and the followed group survive a restart.
  await page.reload();
  await expect(page.getByTestId('review-column')).toHaveCount(4);
  await expect(label).toHaveText(first!);
});

test('find a quote in all sources, tag+link the copies, flag an altered copy', async ({ page }) => {
  test.slow();
  await start(page);
  const homan =
    'Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement';
  await openArticle(page, SEED_TITLES.newsmax);
  await tagQuote(page, homan, 'Tom Homan');
  await page.getByTestId('find-quote').click();
  const hits = page.getByTestId('quote-hit');
  await expect(hits).toHaveCount(2);
  await expect(hits.and(page.locator('[data-verbatim="true"]'))).toHaveCount(2);
  await hits.nth(0).getByTestId('quote-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);
  await hits.nth(1).getByTestId('quote-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(3);
  await expect(page.getByTestId('integrity-flag')).toHaveCount(0);
  // The copies are quotes by the same speaker.
  await openArticle(page, SEED_TITLES.federalAgents);
  const item = page.getByTestId('annotation-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-kind', 'quote');
  await expect(item).toContainText('Tom Homan');

  // A copy that starts earlier than the other is flagged, with the word-level difference.
  const safeCity =
    'focused on cities and regions where ICE deportation officers are denied access to jails and prisons to interview suspected immigration violators or jurisdictions where ICE detainers are not honored';
  await tagQuote(page, `Operation Safe City ${safeCity}`, 'ICE');
  await openArticle(page, SEED_TITLES.ice498);
  await tagQuote(page, safeCity, 'ICE');
  await page.getByTestId('find-quote').click();
  // The hit covers the shared words; the longer copy tagged there is what gets linked.
  const copy = page.getByTestId('quote-hit').filter({ hasText: SEED_TITLES.federalAgents });
  await expect(copy.getByTestId('quote-accept')).toHaveText('Link');
  await copy.getByTestId('quote-accept').click();
  await expect(page.getByTestId('integrity-flag')).toBeVisible();
  await expect(page.getByTestId('quote-diff').first()).toContainText('operation safe city');
  await tab(page, 'Matrix');
  await expect(page.getByTestId('matrix-row')).toHaveCount(2);
});
