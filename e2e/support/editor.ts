import { expect, type Page } from '@playwright/test';

/**
 * Helpers that act as an editor would: real mouse drags over rendered text, real key presses.
 * Text is located in the viewer's DOM only to know where to put the mouse.
 */

/** Screen points just inside the first and last character of `text` in a viewer. */
export async function textPoints(
  page: Page,
  text: string,
  opts: { viewer?: number; occurrence?: number } = {},
) {
  const points = await page.evaluate(
    ({ text, viewer, occurrence }) => {
      const roots = document.querySelectorAll<HTMLElement>(
        '[data-testid="article-viewer"] .viewer-content',
      );
      const root = roots[viewer];
      if (!root) throw new Error(`no viewer #${viewer}`);
      // Map the rendered text (paragraphs joined by \n, like the canonical text) to text nodes.
      const nodes: { node: Text; start: number }[] = [];
      let full = '';
      Array.from(root.children).forEach((p, i) => {
        if (i > 0) full += '\n';
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          nodes.push({ node: n, start: full.length });
          full += n.data;
        }
      });
      let at = -1;
      for (let k = 0; k <= occurrence; k++) at = full.indexOf(text, at + 1);
      if (at < 0) throw new Error(`text not in viewer: ${text}`);
      const locate = (offset: number) => {
        const hit = [...nodes].reverse().find((n) => n.start <= offset)!;
        return { node: hit.node, offset: offset - hit.start };
      };
      const charRect = (offset: number) => {
        const p = locate(offset);
        const r = document.createRange();
        r.setStart(p.node, p.offset);
        r.setEnd(p.node, p.offset + 1);
        const rects = r.getClientRects();
        return rects[0]!;
      };
      const first = charRect(at);
      const last = charRect(at + text.length - 1);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { text, viewer: opts.viewer ?? 0, occurrence: opts.occurrence ?? 0 },
  );
  return points;
}

/** Select `text` by dragging the mouse over it. */
export async function dragSelect(
  page: Page,
  text: string,
  opts: { viewer?: number; occurrence?: number } = {},
) {
  await scrollTextIntoView(page, text, opts.viewer ?? 0);
  const { start, end } = await textPoints(page, text, opts);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ').trim()))
    .toBe(text.replace(/\s+/g, ' '));
}

/** Click in the middle of `text` (e.g. on a highlight). */
export async function clickText(
  page: Page,
  text: string,
  opts: { viewer?: number; occurrence?: number } = {},
) {
  await scrollTextIntoView(page, text, opts.viewer ?? 0);
  const { start, end } = await textPoints(page, text, opts);
  const y = start.y;
  const x = end.y === start.y ? (start.x + end.x) / 2 : start.x + 4;
  await page.mouse.click(x, y);
}

async function scrollTextIntoView(page: Page, text: string, viewer: number) {
  await page.evaluate(
    ({ text, viewer }) => {
      const root = document.querySelectorAll<HTMLElement>(
        '[data-testid="article-viewer"] .viewer-content',
      )[viewer];
      const para = Array.from(root?.children ?? []).find((p) =>
        p.textContent?.includes(text.split('\n')[0]!),
      );
      para?.scrollIntoView({ block: 'center' });
    },
    { text, viewer },
  );
}

/** Open a library article by (part of) its title. */
export async function openArticle(page: Page, titlePart: string) {
  await page.getByTestId('library-item').filter({ hasText: titlePart }).first().click();
  await expect(page.getByTestId('article-title')).toContainText(titlePart.slice(0, 20));
}

/** Number of ranges painted under a CSS highlight name (cb-claim, cb-quote, cb-selected, ...). */
export function highlightCount(page: Page, name: string) {
  return page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
}

/** Titles of the seed articles, as the library derives them. */
export const SEED_TITLES = {
  ice498: 'The operation saw 498 individuals',
  statesCities: 'States and cities that have openly opposed',
  nearly500Criminal: 'Nearly 500 criminal illegal aliens',
  newsmax: 'ICE arrested nearly 500 people',
  federalAgents: 'Federal immigration agents made nearly 500',
} as const;

/** The two Los Angeles figures the seeds disagree on (101 in one outlet, 167 in another). */
export const LA_101 = 'At least 101 arrests were made in Los Angeles County';
export const LA_167 = 'The Times said 167 arrests were made in and around Los Angeles';

/** Select `text` in the viewer with the mouse and press C; the new claim's panel opens. */
export async function tagClaim(page: Page, text: string, viewer = 0) {
  await dragSelect(page, text, { viewer });
  await page.keyboard.press('c');
  await expect(page.getByTestId('inspector-text').last()).toHaveText(text);
}

/**
 * The Los Angeles claim group as an editor makes it: tag the 167 (Newsmax), tag the 101 (Federal
 * agents) and link it to the 167 through its suggestion.
 */
export async function linkLosAngeles(page: Page) {
  await openArticle(page, SEED_TITLES.newsmax);
  await tagClaim(page, LA_167);
  await openArticle(page, SEED_TITLES.federalAgents);
  await tagClaim(page, LA_101);
  await page.getByTestId('link-open').click();
  const to167 = page.getByTestId('suggestion').filter({ hasText: '167 arrests' }).first();
  await to167.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('group-member')).toHaveCount(2);
}
