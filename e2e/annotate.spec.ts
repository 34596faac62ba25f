import { test, expect } from '@playwright/test';
import { clickText, dragSelect, highlightCount, openArticle, SEED_TITLES } from './support/editor';

const CLAIM =
  'The operation saw 498 individuals from 42 countries arrested for federal immigration violations, ICE said.';
const QUOTE =
  'are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration.';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
});

test('tag a claim and a quote with the mouse and keys, add a note, reload and find all three facts', async ({
  page,
}) => {
  await openArticle(page, SEED_TITLES.ice498);

  await dragSelect(page, CLAIM);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.getByTestId('annotation-item').first()).toHaveAttribute('data-kind', 'claim');
  await expect.poll(() => highlightCount(page, 'cb-claim')).toBe(1);

  await dragSelect(page, QUOTE);
  await page.keyboard.press('q');
  const dialog = page.getByTestId('speaker-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('speaker-input').fill('Tom Homan');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotation-item')).toHaveCount(2);
  await expect.poll(() => highlightCount(page, 'cb-quote')).toBe(1);

  // The quote is selected after tagging: give it a note.
  await expect(page.getByTestId('inspector-speaker')).toHaveValue('Tom Homan');
  await page.getByTestId('inspector-note').fill('Same wording in the ICE press release?');
  await page.getByTestId('inspector-note').blur();
  await expect(
    page.getByTestId('annotation-item').filter({ hasText: 'press release' }),
  ).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('article-title')).toContainText('The operation saw 498');
  const items = page.getByTestId('annotation-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(CLAIM);
  await expect(items.nth(0)).toHaveAttribute('data-kind', 'claim');
  await expect(items.nth(1)).toContainText('Tom Homan');
  await expect(items.nth(1)).toContainText('press release');
  await expect.poll(() => highlightCount(page, 'cb-claim')).toBe(1);
  await expect.poll(() => highlightCount(page, 'cb-quote')).toBe(1);
  await expect(
    page.getByTestId('library-item').filter({ hasText: SEED_TITLES.ice498 }),
  ).toContainText('2 annotations');

  // Clicking the highlight opens it in the side panel.
  await clickText(page, 'creating a magnet');
  await expect(page.getByTestId('inspector-speaker')).toHaveValue('Tom Homan');
  await expect(page.getByTestId('inspector-note')).toHaveValue(
    'Same wording in the ICE press release?',
  );
});

test('delete, undo and redo with the keyboard, persisted across reload', async ({ page }) => {
  await openArticle(page, SEED_TITLES.newsmax);
  await dragSelect(page, 'The Times said 167 arrests were made in and around Los Angeles');
  await page.keyboard.press('c');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);

  await page.getByTestId('inspector-delete').click();
  await expect(page.getByTestId('annotations-empty')).toBeVisible();
  await expect.poll(() => highlightCount(page, 'cb-claim')).toBe(0);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);

  // Select it, delete with the Delete key, undo, redo.
  await page.getByTestId('annotation-item').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('annotations-empty')).toBeVisible();
});

test('a selection across paragraphs becomes one annotation with the canonical text', async ({
  page,
}) => {
  await openArticle(page, SEED_TITLES.nearly500Criminal);
  // Two list lines of seed 002, rendered as separate paragraphs.
  await dragSelect(page, '317 had criminal convictions\n68 are immigration fugitives');
  await page.keyboard.press('c');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await page.getByTestId('annotation-item').click();
  await expect(page.getByTestId('inspector-text')).toHaveText(
    '317 had criminal convictions\n68 are immigration fugitives',
  );
});

test('overlapping annotations: a claim inside a quote both render and stay clickable', async ({
  page,
}) => {
  await openArticle(page, SEED_TITLES.newsmax);
  const quote =
    '"Sanctuary jurisdictions that do not honor detainers or allow us access to jails and prisons are shielding criminal aliens from immigration enforcement and creating a magnet for illegal immigration,"';
  await dragSelect(page, quote);
  await page.keyboard.press('q');
  await page.getByTestId('speaker-input').fill('Tom Homan');
  await page.keyboard.press('Enter');
  await dragSelect(page, 'creating a magnet for illegal immigration');
  await page.getByTestId('selection-toolbar').getByRole('button', { name: /Claim/ }).click();
  await expect(page.getByTestId('annotation-item')).toHaveCount(2);
  await expect.poll(() => highlightCount(page, 'cb-quote')).toBe(1);
  await expect.poll(() => highlightCount(page, 'cb-claim')).toBe(1);

  await page.keyboard.press('Escape');
  // Inside both: the inner claim first, a second click cycles to the quote.
  await clickText(page, 'magnet');
  await expect(page.getByTestId('inspector').locator('.kind-badge').first()).toHaveText('claim');
  await clickText(page, 'magnet');
  await expect(page.getByTestId('inspector').locator('.kind-badge').first()).toHaveText('quote');
  // Outside the claim, only the quote.
  await page.keyboard.press('Escape');
  await clickText(page, 'detainers');
  await expect(page.getByTestId('inspector-speaker')).toHaveValue('Tom Homan');
});

test('keyboard selection: Shift+arrows select text and C tags it', async ({ page }) => {
  await openArticle(page, SEED_TITLES.federalAgents);
  await page.locator('.viewer-content').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('c');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(page.getByTestId('annotation-item')).toContainText(
    'Federal immigration agents made nearly 500 arrests',
  );
});

test('J and K move through annotations; the kind and speaker can be changed in the panel', async ({
  page,
}) => {
  await openArticle(page, SEED_TITLES.federalAgents);
  await dragSelect(page, 'At least 101 arrests were made in Los Angeles County');
  await page.keyboard.press('c');
  await dragSelect(page, "It's probably the first of many,");
  await page.keyboard.press('c');
  // The new annotation is selected once saved; wait for that before deselecting.
  await expect(page.getByTestId('annotation-item')).toHaveCount(2);
  await page.keyboard.press('Escape');
  // Text order: the Albence quote comes before the Los Angeles figure in this article.
  await page.keyboard.press('j');
  await expect(page.getByTestId('inspector-text')).toHaveText("It's probably the first of many,");
  await page.keyboard.press('j');
  await expect(page.getByTestId('inspector-text')).toHaveText(
    'At least 101 arrests were made in Los Angeles County',
  );
  await page.keyboard.press('k');
  await expect(page.getByTestId('inspector-text')).toHaveText("It's probably the first of many,");
  // Turn it into a quote by Matthew Albence. The radio reflects the stored kind, so it turns
  // on once the change is saved.
  await page.getByRole('radio', { name: 'Quote' }).click();
  await expect(page.getByRole('radio', { name: 'Quote' })).toBeChecked();
  await page.getByTestId('inspector-speaker').fill('Matthew Albence');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotation-item').first()).toContainText('Matthew Albence');
  await page.reload();
  await expect(page.getByTestId('annotation-item').first()).toHaveAttribute('data-kind', 'quote');
  await expect(page.getByTestId('annotation-item').first()).toContainText('Matthew Albence');
  await expect(page.getByTestId('annotation-item').nth(1)).toHaveAttribute('data-kind', 'claim');
});
