import { test, expect, chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';
import { dragSelect, openArticle, SEED_TITLES } from './support/editor';

/** A real restart: the browser process exits and a new one opens the same profile. */
test('annotations, notes and the open article survive a browser restart', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'corroborate-restart-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      baseURL,
      viewport: { width: 1400, height: 900 },
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await openArticle(page, SEED_TITLES.statesCities);
    await dragSelect(
      page,
      'a total of 498 illegal immigrants were arrested in "Operation Safe City."',
    );
    await page.keyboard.press('c');
    await page.getByTestId('inspector-note').fill('Matches the ICE figure.');
    await page.getByTestId('inspector-note').blur();
    await expect(page.getByTestId('annotation-item')).toContainText('Matches the ICE figure.');
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByTestId('article-title')).toContainText(SEED_TITLES.statesCities);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
    await expect(page.getByTestId('annotation-item')).toContainText('Matches the ICE figure.');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
