import { Readability } from '@mozilla/readability';
import {
  authorsFromByline,
  factsFromJsonLd,
  httpUrl,
  language,
  type SourceFacts,
} from '../../../shared/text/newsMetadata';
import { normalizeDate, sourceFromText } from '../../../shared/text/metadata';

/**
 * The heavy half of the HTML import: parse the page, read what it says about its source, and
 * let Mozilla's Readability pick out the article. It needs a DOM but not a real one, so it runs
 * in a Worker on linkedom (html.worker.ts), and in Node tests the same way; `parse` names the
 * DOM implementation. Nothing here is trusted output: `content` is HTML that the main thread
 * still sanitises with DOMPurify (in a real DOM) before any of it is read.
 */
export type PageFacts = SourceFacts & { siteName: string | null; copyright: string | null };

export interface PageExtract {
  /** Untrusted HTML to sanitise: the article Readability found, else the page's body. */
  content: string;
  facts: PageFacts;
  /** Said to the editor when the page had to be imported whole (Readability found no article). */
  notice: string | null;
}

export type ParseHtml = (html: string) => Document;

export const NO_ARTICLE_NOTICE =
  'No article was recognised in this page, so all of its text was imported: check it for menus or footers.';

/** Elements whose text is never article text; dropped before anything is sent on. */
const INERT = 'script, style, noscript, template, iframe, object, embed, svg, math';

/** `readability: false` for HTML we produced ourselves (Markdown, Word): it is all article. */
export function extractPage(html: string, parse: ParseHtml, readability: boolean): PageExtract {
  const doc = parse(html);
  const facts = pageFacts(doc);
  if (!readability) return { content: html, facts, notice: null };
  // Readability changes the document it reads: the facts above were taken first, and the
  // fallback below parses the original HTML again, so no copy of the page is needed.
  const article = readArticle(doc);
  if (article) {
    return {
      content: article.content,
      facts: {
        ...facts,
        title: facts.title ?? article.title,
        authors: facts.authors.length ? facts.authors : authorsFromByline(article.byline),
        siteName: facts.siteName ?? article.siteName,
        date: facts.date ?? normalizeDate(article.publishedTime),
        language: facts.language ?? language(article.lang),
      },
      notice: null,
    };
  }
  // The whole page, without what can never be text (scripts, styles, embeds): DOMPurify would
  // drop them anyway, and a 1 MB page shrinks to what the main thread has to sanitise.
  const whole = parse(html);
  for (const el of Array.from(whole.querySelectorAll(INERT))) el.remove();
  return { content: whole.body?.innerHTML ?? '', facts, notice: NO_ARTICLE_NOTICE };
}

function readArticle(doc: Document) {
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(doc).parse();
  } catch {
    return null;
  }
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < 80) return null;
  return {
    content: parsed.content,
    title: parsed.title?.trim() || null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName?.trim() || null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
  };
}

/** What the page declares: JSON-LD first (most specific), then Open Graph / meta, then markup. */
function pageFacts(doc: Document): PageFacts {
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
  return {
    title:
      ld.title ??
      meta(doc, 'og:title') ??
      doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ??
      (doc.title?.trim() || null),
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
      language(doc.documentElement?.getAttribute('lang') ?? null) ??
      language(meta(doc, 'og:locale')),
    copyright: doc.body ? copyrightHolder(lastLines(doc.body, 12)) : null,
  };
}

/** Elements that start a line of text (enough to find the page's last lines). */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The last `n` non-empty lines of visible text. Written out rather than `innerText` (layout
 * dependent in a browser, absent in jsdom, and counting script text in linkedom), so every DOM
 * implementation finds the same footer line.
 */
function lastLines(root: Node, n: number): string[] {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        const block = BLOCKS.has(tag);
        if (block) parts.push('\n');
        walk(child);
        if (block) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(-n);
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
