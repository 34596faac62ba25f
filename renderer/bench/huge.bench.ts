import { memorySpan } from './phase';
import type { BenchReport } from './report';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Annotation, Article } from '../../shared/model/types';
import { articleDefaults } from '../../shared/model/defaults';
import { buildAnnotation } from '../../shared/rules/annotations';
import { db } from '../db/database';
import { App } from '../app/App';
import { randomWords, seededRandom } from './generate';

/**
 * Opening heavy content (issue 11): an article with 100,000 annotations, a 50 MB article and a
 * 50 MB note, each opened in the full app from IndexedDB and then scrolled. Figures per case:
 * time to first paint (title and text on screen, highlights painted), time until the whole
 * article is built, the worst main-thread task (PerformanceObserver 'longtask') while opening
 * and scrolling, and the peak JS heap (performance.memory, sampled every frame).
 */
type Case = 'annotations' | 'article' | 'note';

function hugeArticle(kind: Case, rnd: () => number): Article {
  const lines: string[] = [];
  let size = 0;
  const target = kind === 'article' ? 50_000_000 : 1_200_000;
  while (size < target) {
    const line = randomWords(rnd, 90);
    lines.push(line);
    size += line.length + 1;
  }
  const id = `bench-huge-${kind}`;
  return {
    ...articleDefaults(),
    id,
    sha256: id,
    title: `Heavy: ${kind}`,
    source: 'Bench',
    date: '2026-01-01',
    text: lines.join('\n'),
    origin: { kind: 'paste', name: null, format: 'paste' },
    createdAt: 1,
    updatedAt: 1,
  };
}

function annotationsFor(kind: Case, article: Article, rnd: () => number): Annotation[] {
  const count = kind === 'annotations' ? 100_000 : kind === 'article' ? 1_000 : 3;
  const rows: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(rnd() * (article.text.length - 80));
    const end = start + 10 + Math.floor(rnd() * 60);
    rows.push(
      buildAnnotation(article, { kind: i % 3 ? 'claim' : 'quote', start, end }, 1_000 + i, `h${i}`),
    );
  }
  if (kind === 'note') rows[1] = { ...rows[1]!, note: 'n'.repeat(50_000_000) };
  return rows;
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

export async function benchHugeContent(report: BenchReport): Promise<void> {
  // `?case=annotations` (or article, note) runs one case, e.g. under a profiler.
  const only = new URLSearchParams(location.search).get('case');
  for (const kind of ['annotations', 'article', 'note'] as const) {
    if (only && only !== kind) continue;
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    await db.settings.put({ key: 'seeded', value: true });
    const rnd = seededRandom(17);
    const article = hugeArticle(kind, rnd);
    const rows = annotationsFor(kind, article, rnd);
    await db.articles.put(article);
    for (let i = 0; i < rows.length; i += 10_000)
      await db.annotations.bulkPut(rows.slice(i, i + 10_000));
    rows.length = 0;
    await db.settings.put({
      key: 'ui',
      value: { openArticleId: article.id, view: 'read', reviewArticleIds: [] },
    });
    const count = kind === 'annotations' ? 100_000 : kind === 'article' ? 1_000 : 3;

    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    let peak = 0;
    const sample = () => (peak = Math.max(peak, memory?.usedJSHeapSize ?? 0));

    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:white';
    document.body.append(host);
    const root = createRoot(host);
    const label = {
      annotations: 'Open an article with 100,000 annotations',
      article: 'Open a 50 MB article',
      note: 'Open an article with a 50 MB note',
    }[kind];
    // The renderer's resident memory (page + Workers) is sampled from outside (phase.ts).
    const { firstPaint, built } = await memorySpan(
      `${label.toLowerCase()} (open + scroll)`,
      async () => {
        performance.mark(`huge-open-${kind}`);
        const t0 = performance.now();
        root.render(createElement(App));
        const painted = () =>
          document.querySelector('.panel-title .count')?.textContent === String(count) &&
          (document.querySelector('.viewer-content')?.textContent?.length ?? 0) > 0 &&
          (kind !== 'annotations' || (CSS.highlights.get('cb-claim')?.size ?? 0) > 0);
        while (!painted()) {
          if (performance.now() - t0 > 120_000)
            throw new Error(`${kind}: not painted in 2 minutes`);
          sample();
          await frame();
        }
        const firstPaint = performance.now() - t0;
        while (document.querySelector('[data-testid="viewer-progress"]')) {
          sample();
          await frame();
        }
        const built = performance.now() - t0;
        // Scroll the article and the list as a reader would, a screen at a time.
        const reader = document.querySelector<HTMLElement>('.reading-main')!;
        const list = document.querySelector<HTMLElement>('[data-testid="annotation-scroll"]');
        for (let i = 0; i < 20; i++) {
          reader.scrollTop += 900;
          if (list) list.scrollTop += 900;
          for (let f = 0; f < 3; f++) {
            sample();
            await frame();
          }
        }
        return { firstPaint, built };
      },
    );
    observer.disconnect();
    report(`${label}: first paint`, firstPaint);
    report(`${label}: whole article built`, built);
    report(
      `${label}: worst main-thread task (open + scroll)`,
      Math.max(0, ...tasks),
      `${tasks.length} over 50 ms`,
    );
    report(`${label}: peak JS heap`, peak / 1e6, undefined, 'MB');
    root.unmount();
    host.remove();
  }
}
