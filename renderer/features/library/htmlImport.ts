import DOMPurify from 'dompurify';
import type { BuiltArticle } from '../../../shared/structure/builder';
import { domToStructure } from './domToStructure';
import { extractPage, type PageExtract, type PageFacts } from './htmlExtract';
import { extractPageOffThread } from './htmlWorkerClient';
import { isImportCancelled, throwIfCancelled } from './importCancel';
import { nextTask } from '../../components/slices';

/**
 * Untrusted HTML → the article's structured text and what the page says about its source.
 *
 * Every parse is inert: linkedom and DOMParser documents run no scripts and load nothing.
 * Mozilla's Readability picks the article out of the page (dropping navigation, share bars,
 * related links and footers), in a Worker on linkedom for imported pages (htmlExtract.ts);
 * DOMPurify then removes scripts, styles, handlers and embedded content, in the window's real
 * DOM, before we walk the tree. The result is stored and shown as text and marks, so markup can
 * never run.
 */
export interface HtmlImport {
  built: BuiltArticle;
  facts: PageFacts;
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

const domParse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * On the calling thread, in one go: for HTML we produced ourselves (Markdown, Word), which needs
 * no Readability (`readability: false`), and as the fallback of the worker path.
 */
export function importHtml(html: string, options: HtmlOptions = { readability: true }): HtmlImport {
  return finish(extractPage(html, domParse, options.readability), options);
}

/**
 * An imported page: parse, page facts and Readability in a Worker (html.worker.ts), then, on the
 * main thread, DOMPurify and the structure walk on the article alone (a few KB to a few hundred,
 * where the page may be megabytes), with a turn of the event loop between them. Cancel
 * terminates the worker and is checked between the steps after it.
 */
export async function importHtmlOffThread(
  html: string,
  options: HtmlOptions = { readability: true },
  signal?: AbortSignal,
): Promise<HtmlImport> {
  let extract: PageExtract;
  try {
    extract = await extractPageOffThread(html, options.readability, signal);
  } catch (e) {
    if (isImportCancelled(e)) throw e;
    // The worker could not read it (a linkedom limit): the page still imports, on this thread.
    extract = extractPage(html, domParse, options.readability);
  }
  await nextTask();
  throwIfCancelled(signal);
  const clean = sanitize(extract.content);
  await nextTask();
  throwIfCancelled(signal);
  return {
    built: domToStructure(clean, options.url ?? extract.facts.url),
    facts: extract.facts,
    notice: extract.notice,
  };
}

function finish(extract: PageExtract, options: HtmlOptions): HtmlImport {
  const clean = sanitize(extract.content);
  return {
    built: domToStructure(clean, options.url ?? extract.facts.url),
    facts: extract.facts,
    notice: extract.notice,
  };
}
