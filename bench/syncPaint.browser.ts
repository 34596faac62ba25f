/**
 * Tag → paint across editors: Ana tags a claim in her window (select, press C), and the time is
 * taken until Ben's window paints the new highlight, over 100 tags. Two Chromium profiles run the
 * real app (the production renderer build) against a real sync server on loopback port 47108.
 * Both ends are read from one clock: each page's `performance.timeOrigin + performance.now()`.
 *  - start: Ana's keydown event for C (captured before the app handles it),
 *  - end:   the first animation frame in Ben's window whose cb-claim highlight has one more range
 *           (a requestAnimationFrame loop; the frame's paint follows within that frame).
 * Run by scripts/bench.mjs (`npm run bench`, or BENCH_ONLY=syncPaint for this one alone).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServer } from '../server/app';
import { memoryLogger } from '../server/log';
import { issueToken } from '../server/tokens';
import { TEST_SECRET, tempDatabase } from '../server/testing';

type Report = (name: string, value: number, unit: string) => void;
const PORT = 47108;
const TAGS = 100;
// The seed with the most paragraphs (517 words): room for 100 separate three-word claims.
const ARTICLE = 'The operation saw 498 individuals';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

async function openProfile(browser: Browser, baseURL: string): Promise<Page> {
  // The production build's CSP names no sync server unless built for one: bypass it here.
  const context = await browser.newContext({
    baseURL,
    bypassCSP: true,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('library-item').first().waitFor();
  return page;
}

async function join(page: Page, token: string, share: boolean) {
  await page.getByTestId('share-open').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.getByTestId('share-server').fill(`ws://127.0.0.1:${PORT}`);
  await dialog.getByTestId('share-token').fill(token);
  if (share) await dialog.getByLabel(ARTICLE, { exact: false }).check();
  await dialog.getByTestId('share-join').click();
  await dialog.getByTestId('share-status').filter({ hasText: 'Connected' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('library-item').filter({ hasText: ARTICLE }).first().click();
  await page.locator('[data-testid="article-viewer"] .viewer-content').waitFor();
}

/** Selects the k-th three-word window of the article (each window apart), as a mouse drag would. */
function selectWords(page: Page, k: number): Promise<string> {
  return page.evaluate((k) => {
    const root = document.querySelector<HTMLElement>(
      '[data-testid="article-viewer"] .viewer-content',
    )!;
    const windows: { para: Element; from: number; to: number }[] = [];
    for (const para of Array.from(root.children)) {
      const words = [...(para.textContent ?? '').matchAll(/\S+/g)];
      for (let w = 0; w + 2 < words.length; w += 4) {
        windows.push({
          para,
          from: words[w]!.index!,
          to: words[w + 2]!.index! + words[w + 2]![0].length,
        });
      }
    }
    const { para, from, to } = windows[k]!;
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    const point = (offset: number): [Node, number] => {
      let seen = 0;
      walker.currentNode = para;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (offset <= seen + len) return [n, offset - seen];
        seen += len;
      }
      throw new Error('offset beyond paragraph');
    };
    const range = document.createRange();
    range.setStart(...point(from));
    range.setEnd(...point(to));
    para.scrollIntoView({ block: 'center' });
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, k);
}

export async function benchSyncPaint(
  report: Report,
  options: { baseURL: string; executablePath: string; args: string[] },
): Promise<void> {
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: PORT,
      database: tempDatabase(),
      secret: TEST_SECRET,
      redis: null,
      name: 'bench',
      debounce: 2000,
    },
    memoryLogger(),
  );
  server.members.createStory('bench', 'Bench');
  server.members.setMember('bench', 'Ana', 'editor');
  server.members.setMember('bench', 'Ben', 'editor');
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    args: options.args,
  });
  try {
    const ana = await openProfile(browser, options.baseURL);
    const ben = await openProfile(browser, options.baseURL);
    await join(
      ana,
      await issueToken({ story: 'bench', editor: 'Ana', role: 'editor' }, TEST_SECRET, 3600),
      true,
    );
    await join(
      ben,
      await issueToken({ story: 'bench', editor: 'Ben', role: 'editor' }, TEST_SECRET, 3600),
      false,
    );

    // Ana: the time of each C keydown. Ben: the frame time each time cb-claim grows.
    await ana.evaluate(() => {
      const w = window as unknown as { keyAt: number[] };
      w.keyAt = [];
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'c') w.keyAt.push(performance.timeOrigin + performance.now());
        },
        { capture: true },
      );
    });
    await ben.evaluate(() => {
      const w = window as unknown as { paintAt: number[] };
      w.paintAt = [];
      let seen = CSS.highlights.get('cb-claim')?.size ?? 0;
      const frame = (t: number) => {
        const size = CSS.highlights.get('cb-claim')?.size ?? 0;
        if (size > seen) w.paintAt.push(performance.timeOrigin + t);
        seen = size;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

    const latencies: number[] = [];
    for (let k = 0; k < TAGS; k++) {
      await selectWords(ana, k);
      await ana.keyboard.press('c');
      await ben.waitForFunction(
        (n) => (window as unknown as { paintAt: number[] }).paintAt.length >= n,
        k + 1,
        { timeout: 10_000 },
      );
    }
    const keyAt = await ana.evaluate(() => (window as unknown as { keyAt: number[] }).keyAt);
    const paintAt = await ben.evaluate(() => (window as unknown as { paintAt: number[] }).paintAt);
    for (let k = 0; k < TAGS; k++) latencies.push(paintAt[k]! - keyAt[k]!);
    report(
      `sync.tag → paint in the other editor's window, median of ${TAGS}`,
      pct(latencies, 0.5),
      'ms',
    );
    report(
      `sync.tag → paint in the other editor's window, p95 of ${TAGS}`,
      pct(latencies, 0.95),
      'ms',
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
