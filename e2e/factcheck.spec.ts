import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { writeBundle } from '../shared/bundle';
import { makeSelectors } from '../shared/anchoring/selectors';
import { canonicalizeText } from '../shared/text/canonical';
import { annotationDefaults, articleDefaults } from '../shared/model/defaults';
import type { Annotation, Article } from '../shared/model/types';
import { clickText, LA_101, LA_167, openArticle, SEED_TITLES, tagClaim } from './support/editor';

/**
 * Issue 9: from linked claims to a checked story. The editor rates two groups, notes how a
 * conflict was resolved, works from the matrix, and exports an HTML report, a CSV and ClaimReview
 * that must each say exactly what the screen says.
 */
if (process.env.E2E_BASE_URL) test.use({ baseURL: process.env.E2E_BASE_URL });

const A498 = 'The operation saw 498 individuals from 42 countries arrested';
const B498 = 'a total of 498 illegal immigrants were arrested';
const RESOLUTION = 'The 167 covers the whole LA area office, the 101 the county.';

/** Tag `second` in its article, then link `first` (already tagged) to it via its suggestion. */
async function linkPair(
  page: Page,
  first: { title: string; text: string },
  second: { title: string; text: string },
) {
  await openArticle(page, second.title);
  await tagClaim(page, second.text);
  await openArticle(page, first.title);
  await clickText(page, first.text);
  await expect(page.getByTestId('inspector-text')).toHaveText(first.text);
  await page.getByTestId('link-open').click();
  const match = page
    .getByTestId('suggestion')
    .filter({ hasText: second.text.slice(0, 30) })
    .first();
  await expect(match.getByTestId('suggestion-accept')).toHaveText('Link');
  await match.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);
}

async function exportAs(page: Page, label: RegExp): Promise<string> {
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel(label).check();
  if (String(label).includes('ClaimReview')) {
    await dialog.getByLabel('Name').fill('Corroborate Desk');
    await dialog.getByLabel(/Web address/).fill('https://desk.example.org/checks');
  }
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-confirm').click();
  const file = await download;
  return readFile((await file.path())!, 'utf8');
}

test('rate two groups, resolve the conflict, filter the matrix, export what the screen says', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await openArticle(page, SEED_TITLES.ice498);
  await tagClaim(page, A498);
  await linkPair(
    page,
    { title: SEED_TITLES.ice498, text: A498 },
    { title: SEED_TITLES.statesCities, text: B498 },
  );
  await expect(page.getByTestId('agree-flag')).toHaveText('Agrees');

  await openArticle(page, SEED_TITLES.federalAgents);
  await tagClaim(page, LA_101);
  await linkPair(
    page,
    { title: SEED_TITLES.federalAgents, text: LA_101 },
    { title: SEED_TITLES.newsmax, text: LA_167 },
  );
  // "At least 101" and 167 are consistent (issue 7); the list's plain 101 contradicts 167.
  await expect(page.getByTestId('agree-flag')).toHaveAttribute('data-state', 'consistent');
  await page
    .getByTestId('suggestion')
    .filter({ hasText: 'Los Angeles, California (101)' })
    .first()
    .getByTestId('suggestion-accept')
    .click();
  await expect(page.getByTestId('group-member')).toHaveCount(3);
  await expect(page.getByTestId('conflict-flag')).toHaveText(/Conflicting/);

  // Rate both groups in the Claim groups view; each change is one undo step.
  await page.getByRole('tab', { name: 'Claim groups' }).click();
  const cards = page.getByTestId('group-card');
  await expect(cards).toHaveCount(2);
  const agreeCard = cards.and(page.locator('[data-summary-state="agrees"]'));
  const laCard = cards.and(page.locator('[data-summary-state="conflicting"]'));
  await agreeCard.getByTestId('verdict-select').selectOption('True');
  await expect(agreeCard.getByTestId('verdict-badge')).toHaveText('True');
  await laCard.getByTestId('verdict-select').selectOption('Half true');
  await laCard.getByTestId('resolution').fill(RESOLUTION);
  await laCard.getByTestId('resolution').blur();
  // The radio follows the saved row (a live query), so click and wait for it to be checked.
  await laCard.getByRole('radio', { name: 'Resolved' }).click();
  await expect(laCard.getByRole('radio', { name: 'Resolved' })).toBeChecked();
  await expect(page.getByTestId('groups-progress')).toContainText('1 of 2 groups resolved');
  // Undo takes back the status only; redo puts it back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('groups-progress')).toContainText('0 of 2 groups resolved');
  await expect(laCard.getByTestId('resolution')).toHaveValue(RESOLUTION);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('groups-progress')).toContainText('1 of 2 groups resolved');
  const explanation = await laCard.getByTestId('conflict-explanation').textContent();
  expect(explanation).toMatch(/At least 101 .* vs 167/);

  // The matrix: progress, verdicts, and a filter down to the conflict.
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-progress')).toHaveText('1 of 2 groups resolved');
  await expect(page.getByTestId('matrix-row')).toHaveCount(2);
  await page.getByTestId('matrix-filter').selectOption('conflicts');
  await expect(page.getByTestId('matrix-row')).toHaveCount(1);
  await expect(page.getByTestId('matrix-verdict')).toHaveText('Half true');
  await expect(page.getByTestId('matrix-status')).toHaveText('Resolved');
  const conflictCell = page
    .getByTestId('matrix-cell')
    .and(page.locator('[data-state="conflicts"]'));
  await expect(conflictCell).toContainText('✗');
  await expect(conflictCell).toContainText('167');
  // Keyboard: the cell opens side by side; coming back, focus is on the same cell.
  await conflictCell.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-view')).toBeVisible();
  // Side by side says the same conflict: the flag and its explanation, the column's figure.
  const reviewFlag = page.getByTestId('review-focus').getByTestId('conflict-flag');
  await expect(reviewFlag).toHaveText(/Conflicting/);
  await expect(reviewFlag).toHaveAttribute('title', explanation!);
  const reviewShows = (await reviewFlag.textContent())!.replace(/^\W+/, '');
  await expect(page.getByTestId('column-state').filter({ hasText: 'conflicts: 167' })).toHaveCount(
    1,
  );
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-row')).toHaveCount(1);
  await expect(conflictCell).toBeFocused();

  // HTML report.
  const html = await exportAs(page, /HTML report/);
  const laSection = html.slice(html.indexOf('<section id="group-2"'));
  expect(laSection).toMatch(/data-state="conflicting"/);
  expect(laSection).toContain('<dd data-fact="verdict">Half true</dd>');
  expect(laSection).toContain('<dd data-fact="status">Resolved</dd>');
  expect(laSection).toContain(`<dd data-fact="resolution">${RESOLUTION}</dd>`);
  expect(laSection).toContain(`<dd data-fact="sources">Conflicting: ${explanation!}</dd>`);
  // The report's words for the state are the screen's ("Conflicting"), not "✓ agrees".
  expect(laSection).toContain(`<dd data-fact="sources">${reviewShows}: ${explanation!}</dd>`);
  const agreeSection = html.slice(
    html.indexOf('<section id="group-1"'),
    html.indexOf('<section id="group-2"'),
  );
  expect(agreeSection).toContain('<dd data-fact="verdict">True</dd>');
  expect(agreeSection).toMatch(/<dd data-fact="sources">Agrees: /);
  expect(html).not.toMatch(/group-2.*✓ agrees.*group-3/s);

  // CSV: every member row carries its group's verdict, status, conflict and resolution.
  const csv = await exportAs(page, /Spreadsheet/);
  const laRows = csv.split('\r\n').filter((l) => l.includes('Los Angeles'));
  expect(laRows).toHaveLength(3);
  for (const row of laRows) {
    expect(row).toContain(',Half true,Resolved,,');
    expect(row).toContain(RESOLUTION);
    expect(row).toContain(`Conflicting: ${explanation!}`);
  }
  const agreeRows = csv.split('\r\n').filter((l) => l.includes('498'));
  expect(agreeRows).toHaveLength(2);
  for (const row of agreeRows) expect(row).toMatch(/,"?Agrees: .*,True,Open,/);

  // ClaimReview: exactly the two rated groups, with their verdicts and sources.
  const reviews = JSON.parse(await exportAs(page, /ClaimReview/)) as {
    claimReviewed: string;
    reviewRating: { alternateName: string };
    reviewBody?: string;
    author: { name: string };
    itemReviewed: { appearance: unknown[] };
  }[];
  expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(['True', 'Half true']);
  expect(reviews[0]!.claimReviewed).toContain('498');
  expect(reviews[1]!.claimReviewed).toContain('101');
  expect(reviews[1]!.reviewBody).toBe(RESOLUTION);
  expect(reviews.every((r) => r.author.name === 'Corroborate Desk')).toBe(true);
  expect(reviews.map((r) => r.itemReviewed.appearance.length)).toEqual([2, 3]);
});

/** A bundle with one article of 40 paragraphs and a claim on each, a few with notes. */
function fortyClaims(): { title: string; bytes: Uint8Array; texts: string[] } {
  const title = 'Forty claims about the raids';
  const texts = Array.from(
    { length: 40 },
    (_, i) =>
      `Claim ${i + 1}: officials said ${100 + i * 7} arrests were made in district ${i + 1}.`,
  );
  const text = canonicalizeText([title, ...texts].join('\n'));
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const article: Article = {
    ...articleDefaults(),
    id: sha256,
    sha256,
    title,
    source: 'Wire',
    date: '2017-09-28',
    text,
    origin: { kind: 'file', name: 'forty.txt', format: 'txt' },
    createdAt: Date.UTC(2024, 0, 1),
    updatedAt: Date.UTC(2024, 0, 1),
  };
  const annotations: Annotation[] = texts.map((t, i) => {
    const start = text.indexOf(t);
    return {
      ...annotationDefaults(),
      id: `forty-${i + 1}`,
      articleId: sha256,
      kind: 'claim',
      ...makeSelectors(text, start, start + t.length),
      speaker: null,
      note:
        i === 26
          ? 'Ask the district 27 press office for the booking log'
          : i % 5 === 0
            ? 'Check later'
            : '',
      groupId: null,
      stance: null,
      createdAt: Date.UTC(2024, 0, 1, 0, i),
      updatedAt: Date.UTC(2024, 0, 1, 0, i),
    };
  });
  const bytes = writeBundle(
    { articles: [article], annotations, groups: [] },
    { appVersion: '0.1.0', now: Date.UTC(2024, 0, 2) },
  );
  return { title, bytes, texts };
}

test('a list of 40 annotations: tag some, filter by tag, search a note, J/K scroll the list', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const { title, bytes, texts } = fortyClaims();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-bundle').click();
  await (
    await chooser
  ).setFiles({
    name: 'forty.corroborate',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(bytes),
  });
  await page.getByTestId('import-report').getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('library-item')).toHaveCount(6);
  await openArticle(page, title);
  await expect(page.getByTestId('list-count')).toHaveText('40 annotations');
  // Virtual: far fewer than 40 rows exist in the page.
  const items = page.getByTestId('annotation-item');
  expect(await items.count()).toBeLessThan(40);

  // Tag three claims "verify" from the inspector (the second and third pick it from the list).
  for (const n of [3, 8, 12]) {
    await items.filter({ hasText: `Claim ${n}:` }).click();
    await expect(page.getByTestId('inspector-text')).toHaveText(texts[n - 1]!);
    await page.getByTestId('tag-input').fill('verify');
    await page.getByTestId('tag-input').press('Enter');
    await expect(page.getByTestId('tag-chip')).toHaveText(['verify×']);
  }
  await page.getByTestId('inspector').getByRole('button', { name: /Close/ }).click();
  await page.getByTestId('list-tag').selectOption('verify');
  await expect(page.getByTestId('list-count')).toContainText('3 of 40 shown');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Claim 3:');
  await expect(items.nth(2)).toContainText('Claim 12:');

  // Search a note (any case), across tags cleared.
  await page.getByTestId('list-tag').selectOption('');
  await page.getByTestId('list-search').fill('BOOKING log');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Claim 27:');
  await expect(items).toContainText('booking log');
  await page.getByTestId('list-search').fill('');
  await expect(page.getByTestId('list-count')).toHaveText('40 annotations');

  // K from nothing selected goes to the last annotation; the list scrolls along with the viewer.
  await page.locator('.reading-main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('k');
  const last = items.filter({ hasText: 'Claim 40:' });
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('list-count')).toContainText('Selected: claim 40 of 40');
  await page.keyboard.press('j');
  const first = items.filter({ hasText: 'Claim 1:' });
  await expect(first).toBeInViewport();
  await expect(first).toHaveAttribute('aria-current', 'true');
});
