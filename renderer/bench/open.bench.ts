import type { BenchReport } from './report';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Annotation, Article } from '../../shared/model/types';
import { db } from '../db/database';
import { buildAnnotation } from '../../shared/rules/annotations';
import { prepareText } from '../features/library/prepareArticle';
import { App } from '../app/App';
import { ArticleViewer } from '../features/annotate/ArticleViewer';
import { flushHighlights } from '../features/annotate/highlightPainter';
import { randomWords, seededRandom } from './generate';
import { articleDefaults } from '../../shared/model/defaults';

const SEEDS = import.meta.glob('../../seeds/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

async function resetDatabase(): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  // The app must not seed over our generated data.
  await db.settings.put({ key: 'seeded', value: true });
}

function spreadAnnotations(article: Article, count: number, rnd: () => number): Annotation[] {
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(rnd() * (article.text.length - 60));
    const end = Math.min(article.text.length, start + 10 + Math.floor(rnd() * 50));
    out.push(
      buildAnnotation(
        article,
        {
          kind: i % 3 === 0 ? 'quote' : 'claim',
          start,
          end,
          speaker: i % 3 === 0 ? 'Tom Homan' : null,
        },
        1_000 + i,
      ),
    );
  }
  return out;
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('benchmark timed out');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

function mount() {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:white';
  document.body.append(host);
  const root = createRoot(host);
  return {
    host,
    root,
    unmount() {
      root.unmount();
      host.remove();
    },
  };
}

const highlightRanges = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);

/** Open the largest sample article with 200 annotations in the full app, until all are painted and listed. */
export async function benchOpenLargestSeed(report: BenchReport): Promise<void> {
  await resetDatabase();
  const largest = Object.entries(SEEDS).sort((a, b) => b[1].length - a[1].length)[0]!;
  const prepared = await prepareText(largest[1], {
    kind: 'seed',
    name: largest[0].split('/').pop()!,
    format: 'txt',
  });
  if (!prepared.ok) throw new Error(prepared.reason);
  const article: Article = { ...prepared.article, id: 'bench-article', createdAt: 1, updatedAt: 1 };
  await db.articles.put(article);
  await db.annotations.bulkPut(spreadAnnotations(article, 200, seededRandom(7)));
  await db.settings.put({
    key: 'ui',
    value: { openArticleId: article.id, view: 'read', reviewArticleIds: [] },
  });

  const m = mount();
  const t0 = performance.now();
  m.root.render(createElement(App));
  await until(
    () =>
      // The list is virtualised (only rows in view exist): "listed" is its count plus a first row.
      document.querySelector('.panel-title .count')?.textContent === '200' &&
      document.querySelectorAll('[data-testid="annotation-item"]').length > 0 &&
      (CSS.highlights.get('cb-claim')?.size ?? 0) + (CSS.highlights.get('cb-quote')?.size ?? 0) ===
        200,
  );
  report(
    'Open largest seed with 200 annotations (DB read → painted + listed)',
    performance.now() - t0,
    `${article.text.length} chars`,
  );
  m.unmount();
}

/** 200 generated ~800-word articles: start the app until the library lists them all. */
export async function benchLibrary(report: BenchReport): Promise<void> {
  await resetDatabase();
  const rnd = seededRandom(11);
  const articles: Article[] = [];
  for (let i = 0; i < 200; i++) {
    const paragraphs = Array.from({ length: 16 }, () => randomWords(rnd, 50));
    const text = paragraphs.join('\n');
    articles.push({
      ...articleDefaults(),
      id: `lib-${i}`,
      sha256: `bench-${i}`,
      title: `Generated article ${i + 1}: ${randomWords(rnd, 6)}`,
      source: `Outlet ${i % 17}`,
      date: '2024-01-01',
      text,
      origin: { kind: 'file', name: `gen-${i}.txt`, format: 'txt' },
      createdAt: i,
      updatedAt: i,
    });
  }
  await db.articles.bulkPut(articles);
  await db.settings.put({
    key: 'ui',
    value: { openArticleId: null, view: 'read', reviewArticleIds: [] },
  });
  const m = mount();
  const t0 = performance.now();
  m.root.render(createElement(App));
  // The list is virtualised (only rows in view exist): "lists them all" is a first row that
  // knows it is one of 200.
  await until(
    () =>
      document
        .querySelector('[data-testid="library-item"]')
        ?.closest('[aria-setsize]')
        ?.getAttribute('aria-setsize') === '200',
  );
  report('Load a library of 200 generated articles (~800 words each)', performance.now() - t0);
  m.unmount();
}

/** The painting choice: 1,000 CSS highlights on a ~50k-character article, viewer mounted. */
export async function benchHighlightPainting(report: BenchReport): Promise<void> {
  const body = Object.values(SEEDS).join('\n');
  let raw = body;
  while (raw.length < 50_000) raw += `\n${body}`;
  const prepared = await prepareText(raw.slice(0, 50_000), {
    kind: 'paste',
    name: null,
    format: 'paste',
  });
  if (!prepared.ok) throw new Error(prepared.reason);
  const article: Article = { ...prepared.article, id: 'paint', createdAt: 1, updatedAt: 1 };
  const annotations = spreadAnnotations(article, 1000, seededRandom(3));
  const m = mount();
  // Mount the text first so we time painting alone.
  m.root.render(
    createElement(ArticleViewer, {
      viewerId: 'bench',
      article,
      annotations: [],
      selectedId: null,
      onHit: () => {},
    }),
  );
  await until(() => m.host.querySelectorAll('.viewer-paragraph').length > 0);
  const t0 = performance.now();
  m.root.render(
    createElement(ArticleViewer, {
      viewerId: 'bench',
      article,
      annotations,
      selectedId: null,
      onHit: () => {},
    }),
  );
  await until(() => highlightRanges() >= 1000);
  flushHighlights();
  report(
    'Paint 1,000 highlights on a 50k-char article (CSS Custom Highlights)',
    performance.now() - t0,
    `${article.text.length} chars`,
  );
  m.unmount();
}
