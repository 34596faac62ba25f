import { layoutPdf, textCharsPerPage } from '../../../shared/structure/pdfLayout';
import type { BuiltArticle } from '../../../shared/structure/builder';
import { normalizeDate } from '../../../shared/text/metadata';
import { authorsFromByline, language } from '../../../shared/text/newsMetadata';
import type { ImportFacts } from './finishPrepared';
import type { readPdfPages } from './pdfText';

/** Fewer text characters per page than this means the pages are images: a scan without OCR. */
const MIN_CHARS_PER_PAGE = 20;

/** Pages read by pdf.js → the article's text, structure and document properties, or a refusal. */
export function pdfResult(
  read: Awaited<ReturnType<typeof readPdfPages>>,
): { built: BuiltArticle; facts: ImportFacts } | { reason: string } {
  if (textCharsPerPage(read.pages) < MIN_CHARS_PER_PAGE) {
    return {
      reason:
        'it is a scanned PDF with no text layer (run text recognition, e.g. “Make searchable”/OCR in your PDF tool, then import the result)',
    };
  }
  return {
    built: layoutPdf(read.pages),
    facts: {
      title: read.info.title,
      authors: read.info.author ? authorsFromByline(read.info.author) : [],
      date: normalizeDate(read.info.created),
      language: language(read.info.language),
    },
  };
}
