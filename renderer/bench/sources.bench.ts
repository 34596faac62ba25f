import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Annotation, Article } from '../../shared/model/types';
import { buildAnnotation } from '../../shared/rules/annotations';
import { prepareText } from '../features/library/prepareArticle';
import { ArticleViewer } from '../features/annotate/ArticleViewer';
import { flushHighlights } from '../features/annotate/highlightPainter';
import { randomWords, seededRandom } from './generate';
import type { BenchReport } from './report';

/** A saved news page with 200 paragraphs plus headings, lists, a table, links and emphasis. */
export function structuredPage(rnd: () => number): string {
  const parts: string[] = [
    '<html><head><title>Bench story</title><meta property="og:site_name" content="Bench Times"></head><body>',
    '<nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>Bench story</h1>',
  ];
  for (let i = 0; i < 200; i++) {
    if (i % 20 === 0) parts.push(`<h2>Section ${i / 20 + 1}: ${randomWords(rnd, 4)}</h2>`);
    if (i % 40 === 10)
      parts.push(
        `<ul>${Array.from({ length: 4 }, () => `<li>${randomWords(rnd, 12)}</li>`).join('')}</ul>`,
      );
    if (i === 100)
      parts.push(
        `<table>${Array.from({ length: 5 }, (_, r) => `<tr><td>Row ${r}</td><td>${Math.round(rnd() * 1000)}</td></tr>`).join('')}</table>`,
      );
    parts.push(
      `<p>${randomWords(rnd, 20)} <b>${randomWords(rnd, 3)}</b> ${randomWords(rnd, 15)} <a href="https://example.com/${i}">${randomWords(rnd, 3)}</a> ${randomWords(rnd, 20)}.</p>`,
    );
  }
  parts.push('</article><footer>© 2024 Bench Times. All rights reserved.</footer></body></html>');
  return parts.join('\n');
}

/**
 * The largest realistic saved page: the same article inside what a news site ships around it
 * (about 1.3 MB: inline scripts and JSON state, styles, 600 navigation and related links, 400 ad
 * and promo blocks, comments). Readability runs in a Worker on linkedom; DOMPurify and the
 * structure walk on the article it returns run on the main thread (see importThread.bench.ts for
 * the worst main-thread task).
 */
export function heavySavedPage(rnd: () => number): string {
  const article = structuredPage(rnd);
  const head = [
    `<script>window.__STATE__=${JSON.stringify(Array.from({ length: 6000 }, (_, i) => ({ id: i, headline: randomWords(rnd, 12), url: `https://bench.example/story/${i}` })))}</script>`,
    `<style>${Array.from({ length: 4000 }, (_, i) => `.c${i}{margin:${i % 17}px;color:#${(i * 2654435761).toString(16).slice(-6)}}`).join('')}</style>`,
  ].join('\n');
  const nav = `<header><nav>${Array.from({ length: 600 }, (_, i) => `<a href="/section/${i}">${randomWords(rnd, 2)}</a>`).join(' | ')}</nav></header>`;
  const promos = Array.from(
    { length: 400 },
    (_, i) =>
      `<div class="promo c${i}"><a href="/promo/${i}"><img alt="${randomWords(rnd, 4)}" src="/i/${i}.jpg"><span>${randomWords(rnd, 10)}</span></a></div>`,
  ).join('');
  const comments = `<section class="comments">${Array.from({ length: 300 }, () => `<div class="comment"><b>${randomWords(rnd, 2)}</b><p>${randomWords(rnd, 30)}</p></div>`).join('')}</section>`;
  return article
    .replace('</head>', `${head}</head>`)
    .replace('<body>', `<body>${nav}${promos}`)
    .replace('</body>', `${comments}</body>`);
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('benchmark timed out');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Import (Readability in a Worker → DOMPurify → structure) and render a 200-paragraph article with 500 annotations. */
export async function benchStructuredArticle(report: BenchReport): Promise<void> {
  const rnd = seededRandom(21);
  const html = structuredPage(rnd);
  const t0 = performance.now();
  const prepared = await prepareText(html, { kind: 'file', name: 'bench.html', format: 'html' });
  const importMs = performance.now() - t0;
  if (!prepared.ok) throw new Error(prepared.reason);
  const article: Article = { ...prepared.article, id: 'structured', createdAt: 1, updatedAt: 1 };
  const blocks = article.structure?.blocks.length ?? 0;
  report(
    'Import a 200-paragraph structured news page (Readability in a Worker, DOMPurify, structure)',
    importMs,
    `${Math.round(html.length / 1024)} KB HTML → ${blocks} blocks`,
  );
  const heavy = heavySavedPage(rnd);
  const t2 = performance.now();
  const heavyPrepared = await prepareText(heavy, {
    kind: 'file',
    name: 'heavy.html',
    format: 'html',
  });
  if (!heavyPrepared.ok) throw new Error(heavyPrepared.reason);
  report(
    'Import the largest realistic saved page (Readability in a Worker, DOMPurify on the article)',
    performance.now() - t2,
    `${(heavy.length / 1024 / 1024).toFixed(1)} MB HTML → ${heavyPrepared.article.text.length} characters`,
  );
  const annotations: Annotation[] = [];
  for (let i = 0; i < 500; i++) {
    const start = Math.floor(rnd() * (article.text.length - 60));
    annotations.push(
      buildAnnotation(
        article,
        {
          kind: i % 4 === 0 ? 'quote' : 'claim',
          start,
          end: start + 8 + Math.floor(rnd() * 40),
          speaker: null,
        },
        1_000 + i,
      ),
    );
  }
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:white';
  document.body.append(host);
  const root = createRoot(host);
  const t1 = performance.now();
  root.render(
    createElement(ArticleViewer, {
      viewerId: 'structured',
      article,
      annotations,
      selectedId: null,
      onHit: () => {},
    }),
  );
  await until(
    () =>
      (CSS.highlights.get('cb-claim')?.size ?? 0) + (CSS.highlights.get('cb-quote')?.size ?? 0) >=
      500,
  );
  flushHighlights();
  report(
    'Render it in the rich viewer with 500 annotations painted',
    performance.now() - t1,
    `${host.querySelectorAll('h2').length} headings, ${host.querySelectorAll('li').length} list items, ${host.querySelectorAll('td').length} cells`,
  );
  root.unmount();
  host.remove();
}
