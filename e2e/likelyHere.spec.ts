import { expect, test } from '@playwright/test';
import {
  clickText,
  highlightCount,
  LA_101,
  LA_167,
  linkLosAngeles,
  SEED_TITLES,
} from './support/editor';

/**
 * Issue 7, item 5 in side by side: "not linked" is not "absent". With a claim group focused,
 * a column that holds no member shows the sentence most likely to state the claim, and one
 * click on "Link" tags it and links it into the group (one undo step).
 */
if (process.env.E2E_BASE_URL) test.use({ baseURL: process.env.E2E_BASE_URL });

test('side by side: the LA arrests group shows "likely here" in the unlinked column; Link adds it, undo takes it back', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  // The Los Angeles group: 101 (Federal agents) linked to 167 (Newsmax) through its suggestion.
  await linkLosAngeles(page);

  // Side by side with the Breitbart list, which names Los Angeles but is not linked.
  await page.getByRole('tab', { name: 'Side by side' }).click();
  for (const title of [
    SEED_TITLES.federalAgents,
    SEED_TITLES.newsmax,
    SEED_TITLES.nearly500Criminal,
  ])
    await page.getByTestId('review-pick').filter({ hasText: title }).click();
  await expect(page.getByTestId('review-column')).toHaveCount(3);
  await clickText(page, LA_101, { viewer: 0 });
  // The group is labelled after its oldest member, the 167 tagged first.
  await expect(page.getByTestId('review-focus-label')).toHaveText(LA_167);
  await expect.poll(() => highlightCount(page, 'cb-focus')).toBe(2);

  const third = page.getByTestId('review-column').nth(2);
  const likely = third.getByTestId('column-likely');
  await expect(likely).toBeVisible();
  await expect(likely).toContainText(/Likely here \(\d+%\)/);
  // The matching worker's pick: the list entry naming Los Angeles with its figure.
  const sentence = 'Los Angeles, California (101)';
  await expect(third.getByTestId('column-likely-text')).toHaveText(sentence);
  // The columns that hold a member say what they state, not "likely".
  await expect(page.getByTestId('column-likely')).toHaveCount(1);
  await expect(page.getByTestId('column-state')).toHaveCount(2);

  // One click: the sentence is tagged in that column and joins the group.
  await third.getByTestId('column-likely-link').click();
  await expect(third.getByTestId('column-state')).toBeVisible();
  await expect(page.getByTestId('column-likely')).toHaveCount(0);
  await expect.poll(() => highlightCount(page, 'cb-focus')).toBe(3);
  // The list's plain "(101)" contradicts 167: the focus bar now flags the conflict.
  await expect(page.getByTestId('review-focus').getByTestId('conflict-flag')).toBeVisible();
  await expect(third.getByTestId('column-state')).toContainText('101');

  // One undo removes the new annotation and the link; the suggestion is back.
  await page.keyboard.press('Control+z');
  await expect(third.getByTestId('column-likely-text')).toHaveText(sentence);
  await expect.poll(() => highlightCount(page, 'cb-focus')).toBe(2);
  await expect(page.getByTestId('column-state')).toHaveCount(2);
});
