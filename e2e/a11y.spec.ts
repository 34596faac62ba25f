import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clickText, LA_101, linkLosAngeles, SEED_TITLES } from './support/editor';

/**
 * Issue 9: an automated accessibility check (axe-core) over the read, side-by-side, matrix and
 * claim-groups views, with real content on screen: no serious or critical violations. And the
 * annotations are an accessible list in reading order with the selected one named.
 */
if (process.env.E2E_BASE_URL) test.use({ baseURL: process.env.E2E_BASE_URL });

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

test('read, side by side, matrix and groups views have no serious accessibility violations', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await linkLosAngeles(page);
  // "At least 101" and 167 are consistent; the list's plain 101 makes the group conflict.
  await page
    .getByTestId('suggestion')
    .filter({ hasText: 'Los Angeles, California (101)' })
    .first()
    .getByTestId('suggestion-accept')
    .click();
  await expect(page.getByTestId('conflict-flag')).toBeVisible();

  // Read view, with an annotation selected: the list names it.
  const list = page.getByRole('list', { name: 'Annotations in reading order' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('button', { name: /At least 101/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(page.getByTestId('list-count')).toContainText('Selected: claim 1 of 1');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Side by side' }).click();
  for (const title of [SEED_TITLES.federalAgents, SEED_TITLES.newsmax])
    await page.getByTestId('review-pick').filter({ hasText: title }).click();
  await expect(page.getByTestId('review-column')).toHaveCount(2);
  await clickText(page, LA_101, { viewer: 0 });
  await expect(page.getByTestId('review-focus-label')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-row')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Claim groups' }).click();
  await expect(page.getByTestId('group-card')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});
