import DOMPurify from 'dompurify';
import { Readability } from '@mozilla/readability';
import type { BuiltArticle } from '../../../shared/structure/builder';
import {
  authorsFromByline,
  factsFromJsonLd,
  httpUrl,
  language,
  type SourceFacts,
} from '../../../shared/text/newsMetadata';
import { normalizeDate, sourceFromText } from '../../../shared/text/metadata';
import { domToStructure } from './domToStructure';
import { throwIfCancelled } from './importCancel';

/**
 * Untrusted HTML → the article's structured text and what the page says about its source.
 *
 * Every parse is inert: DOMParser documents run no scripts and load nothing. Mozilla's
 * Readability picks the article out of the page (dropping navigation, share bars, related links
 * and footers); DOMPurify then removes scripts, styles, handlers and embedded content before we
 * walk the tree. The result is stored and shown as text and marks, so markup can never run.
 */
export interface HtmlImport {
  built: BuiltArticle;
  facts: SourceFacts & { siteName: string | null; copyright: string | null };
  /** Said to the editor when the page had to be imported whole (Readability found no article). */
  notice: string | null;
}

const FORBID_TAGS = [
  'style',
  'script',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'video',
  'audio',
  'source',
  'picture',
];

export function sanitize(input: string | Node): HTMLElement {
  // `src` is dropped too: images are shown as captioned placeholders and never load.
  return DOMPurify.sanitize(input, {
    RETURN_DOM: true,
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'src'],
  }) as HTMLElement;
}

type HtmlOptions = { readability: boolean; url?: string | null };

/** `readability: false` for HTML we produced ourselves (Markdown, Word): it is all article. */
export function importHtml(html: string, options: HtmlOptions = { readability: true }): HtmlImport {
  const steps = importSteps(html, options);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/**
 * The same import, giving the window a frame between its steps (parse, page facts, Readability,
 * sanitising, the structure walk). Readability and DOMPurify need a DOM, which Web Workers do
 * not have, so this is as far off the main thread as HTML can go: the worst task is the largest
 * single step (Readability on the page) instead of their sum. Cancel is checked between steps.
 */
export async function importHtmlSliced(
  html: string,
  options: HtmlOptions = { readability: true },
  signal?: AbortSignal,
): Promise<HtmlImport> {
  const steps = importSteps(html, options);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    throwIfCancelled(signal);
  }
}

/** The import as steps; each `yield` is a point where the UI may run. */
function* importSteps(html: string, options: HtmlOptions): Generator<void, HtmlImport> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  yield;
  const facts = pageFacts(doc);
  const baseUrl = options.url ?? facts.url;
  let notice: string | null = null;
  if (options.readability) {
    yield;
    // Readability changes the document it reads: the facts above were taken first, and the
    // fallback below parses the original HTML again, so no copy of the page is needed.
    const article = readArticle(doc);
    yield;
    if (article) {
      const clean = sanitize(article.node);
      yield;
      const built = domToStructure(clean, baseUrl);
      return {
        built,
        facts: {
          ...facts,
          title: facts.title ?? article.title,
          authors: facts.authors.length ? facts.authors : authorsFromByline(article.byline),
          siteName: facts.siteName ?? article.siteName,
          date: facts.date ?? normalizeDate(article.publishedTime),
          language: facts.language ?? language(article.lang),
        },
        notice,
      };
    }
    notice =
      'No article was recognised in this page, so all of its text was imported: check it for menus or footers.';
  }
  const clean = sanitize(html);
  yield;
  return { built: domToStructure(clean, baseUrl), facts, notice };
}

function readArticle(doc: Document) {
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(doc, { serializer: (n) => n }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < 80) return null;
  return {
    node: parsed.content,
    title: parsed.title?.trim() || null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName?.trim() || null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
  };
}

/** What the page declares: JSON-LD first (most specific), then Open Graph / meta, then markup. */
function pageFacts(doc: Document): HtmlImport['facts'] {
  const ld = factsFromJsonLd(
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map(
      (s) => s.textContent ?? '',
    ),
  );
  const byline =
    doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author, .by-line')
      ?.textContent ?? null;
  const metaAuthors = [meta(doc, 'author'), meta(doc, 'article:author'), meta(doc, 'byl')]
    .flatMap((a) => (a && !/^https?:/i.test(a) ? authorsFromByline(a) : []))
    .filter((a, i, all) => all.indexOf(a) === i);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const bodyLines = (doc.body?.innerText ?? doc.body?.textContent ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    title:
      ld.title ??
      meta(doc, 'og:title') ??
      doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ??
      (doc.title.trim() || null),
    publisher: ld.publisher,
    siteName: meta(doc, 'og:site_name') ?? meta(doc, 'application-name') ?? ld.publisher,
    authors: ld.authors.length
      ? ld.authors
      : metaAuthors.length
        ? metaAuthors
        : authorsFromByline(byline),
    date:
      ld.date ??
      normalizeDate(
        meta(doc, 'article:published_time') ??
          meta(doc, 'date') ??
          meta(doc, 'pubdate') ??
          doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
          null,
      ),
    url: ld.url ?? httpUrl(canonical) ?? httpUrl(meta(doc, 'og:url')),
    language:
      ld.language ??
      language(doc.documentElement.getAttribute('lang')) ??
      language(meta(doc, 'og:locale')),
    copyright: copyrightHolder(bodyLines.slice(-12)),
  };
}

/** The outlet in a "© 2017 The Harbour Gazette. All rights reserved." footer line. */
function copyrightHolder(lines: string[]): string | null {
  for (const line of [...lines].reverse()) {
    const found = sourceFromText(line);
    if (found) return found;
  }
  return null;
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.replace(/\s+/g, ' ').trim() || null;
}
