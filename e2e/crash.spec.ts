/**
 * Nothing the UI showed as saved is lost when the app is killed. Tags 50 annotations as fast as
 * the UI allows (select, press C), SIGKILLs the browser process the moment the last one appears in
 * the list, relaunches on the same profile and finds all 50.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { browserPid, isAlive, launchProfile as launch } from './support/browserProcess';
import { SEED_TITLES, openArticle } from './support/editor';

test.skip(process.platform !== 'linux', 'finds the browser process through /proc (Linux only)');

const PER_ARTICLE = 10;

/**
 * Select a few words of paragraph `k % paragraphs` (a different window each round) in the open
 * article's viewer, as a mouse selection would, and return the selected text.
 */
function selectWords(page: Page, k: number): Promise<string> {
  return page.evaluate((k) => {
    const root = document.querySelector<HTMLElement>(
      '[data-testid="article-viewer"] .viewer-content',
    )!;
    const paragraphs = Array.from(root.children).filter((p) => (p.textContent ?? '').length > 20);
    const para = paragraphs[k % paragraphs.length]!;
    const text = para.textContent!;
    const words = [...text.matchAll(/\S+/g)];
    const first = Math.min(words.length - 1, Math.floor(k / paragraphs.length) * 4);
    const last = Math.min(words.length - 1, first + 3);
    const from = words[first]!.index!;
    const to = words[last]!.index! + words[last]![0].length;
    // Map paragraph offsets to its text nodes.
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    const point = (offset: number): [Node, number] => {
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (offset <= seen + len) return [n, offset - seen];
        seen += len;
      }
      throw new Error('offset beyond paragraph');
    };
    const range = document.createRange();
    range.setStart(...point(from));
    walker.currentNode = para;
    range.setEnd(...point(to));
    para.scrollIntoView({ block: 'center' });
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, k);
}

test('50 annotations survive a SIGKILL of the browser right after they show as saved', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-e2e-crash-'));
  const base = baseURL ?? 'http://127.0.0.1:4173/';
  const expected: Record<string, string[]> = {};
  try {
    const context = await launch(profile, base);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByTestId('library-item')).toHaveCount(5);

    const titles = Object.values(SEED_TITLES);
    for (const title of titles) {
      await openArticle(page, title);
      const count = page.locator('.panel-title .count');
      await expect(count).toHaveText('0');
      expected[title] = [];
      for (let k = 0; k < PER_ARTICLE; k++) {
        expected[title].push((await selectWords(page, k)).trim());
        await page.keyboard.press('c');
        // The list reads back from IndexedDB: a row here is a committed transaction.
        await expect(count).toHaveText(String(k + 1));
      }
    }
    expect(Object.values(expected).flat()).toHaveLength(50);

    const pid = browserPid(profile);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => isAlive(pid)).toBe(false);
    await context.close().catch(() => {});

    const again = await launch(profile, base);
    try {
      const page2 = again.pages()[0] ?? (await again.newPage());
      await page2.goto('/');
      await expect(page2.getByTestId('library-item')).toHaveCount(5);
      // The per-article counts load after the list itself; poll until they have.
      const total = async () =>
        (await page2.locator('[data-testid="library-item"] .library-meta').allTextContents())
          .map((m) => Number(/(\d+) annotations?/.exec(m)?.[1] ?? 0))
          .reduce((a, b) => a + b, 0);
      await expect.poll(total).toBe(50);
      for (const title of titles) {
        await openArticle(page2, title);
        // The list fills in after the article opens (it reads from IndexedDB): poll for it.
        const texts = page2.locator('[data-testid="annotation-item"] .annotation-text');
        await expect
          .poll(async () => (await texts.allTextContents()).sort())
          .toEqual([...expected[title]!].sort());
      }
    } finally {
      await again.close();
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
