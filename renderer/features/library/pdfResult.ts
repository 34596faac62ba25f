import { pdfLayout, textCharsPerPage } from '../../../shared/structure/pdfLayout';
import type { BuiltArticle } from '../../../shared/structure/builder';
import { normalizeDate } from '../../../shared/text/metadata';
import { authorsFromByline, language } from '../../../shared/text/newsMetadata';
import type { ImportFacts } from './finishPrepared';
import type { readPdfPages } from './pdfText';

/** Fewer text characters per page than this means the pages are images: a scan without OCR. */
const MIN_CHARS_PER_PAGE = 20;

/** Pages read by pdf.js → the article's text, structure and document properties, or a refusal. */
export async function pdfResult(
  read: Awaited<ReturnType<typeof readPdfPages>>,
): Promise<{ built: BuiltArticle; facts: ImportFacts } | { reason: string }> {
  if (textCharsPerPage(read.pages) < MIN_CHARS_PER_PAGE) {
    return {
      reason:
        'it is a scanned PDF with no text layer (run text recognition, e.g. “Make searchable”/OCR in your PDF tool, then import the result)',
    };
  }
  // Page by page, yielding to the UI every few pages: no long task on the main thread.
  const layout = pdfLayout(read.pages);
  for (const page of read.pages) {
    layout.page(page);
    if (page.number % 5 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return {
    built: layout.finish(),
    facts: {
      title: read.info.title,
      authors: read.info.author ? authorsFromByline(read.info.author) : [],
      date: normalizeDate(read.info.created),
      language: language(read.info.language),
    },
  };
}
