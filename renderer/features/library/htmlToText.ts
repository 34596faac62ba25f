import DOMPurify from 'dompurify';
import type { MetadataHints } from '../../../shared/text/metadata';

/**
 * Untrusted HTML → plain text with paragraphs, plus the metadata the markup carries.
 *
 * Two inert parses, never a live document: DOMParser documents run no scripts and load nothing,
 * and DOMPurify (RETURN_DOM, its own inert document) removes scripts, styles, event handlers and
 * embedded content before we walk the tree. The text we keep is then stored and shown as text,
 * so markup in it can never run later either.
 */
export interface HtmlExtract {
  text: string;
  hints: MetadataHints;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'CAPTION',
]);

export function htmlToText(html: string): HtmlExtract {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const hints: MetadataHints = {
    title: doc.querySelector('h1')?.textContent ?? doc.title ?? null,
    date:
      meta(doc, 'article:published_time') ??
      meta(doc, 'date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null,
    source: meta(doc, 'og:site_name') ?? meta(doc, 'publisher') ?? null,
  };
  const clean = DOMPurify.sanitize(html, {
    RETURN_DOM: true,
    FORBID_TAGS: [
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
    ],
    FORBID_ATTR: ['style'],
  });
  const parts: string[] = [];
  walk(clean, parts);
  return { text: parts.join(''), hints };
}

function walk(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      // Source-formatting newlines inside a paragraph are just spaces.
      out.push((child.nodeValue ?? '').replace(/\s+/g, ' '));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = (child as Element).tagName;
      if (tag === 'BR') {
        out.push('\n');
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) out.push('\n');
      walk(child, out);
      if (block) out.push('\n');
      else if (tag === 'TD' || tag === 'TH') out.push(' ');
    }
  }
}

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.trim() || null;
}
