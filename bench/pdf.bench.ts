/**
 * PDF text extraction (Node, bundled by esbuild): a generated 50-page two-column report, read
 * with pdf.js (legacy build, as Node needs) and laid out into paragraphs in reading order.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutPdf } from '../shared/structure/pdfLayout';
import { readPdfPages, type PdfJsLike } from '../renderer/features/library/pdfText';
import '../shared/testing/promiseWithResolvers';

type Report = (name: string, value: number, unit: string) => void;

const WORDS =
  'the port authority said union members voted to accept the offer after talks lasted through the night while ships waited offshore and agents counted the cost'.split(
    ' ',
  );

async function report50Pages(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let w = 0;
  const line = () => Array.from({ length: 7 }, () => WORDS[w++ % WORDS.length]).join(' ');
  for (let p = 0; p < 50; p++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Section ${p + 1}`, { x: 50, y: 740, size: 18, font });
    for (const x of [50, 320]) {
      for (let i = 0; i < 44; i++) {
        if (i % 9 === 8) continue; // paragraph gap
        page.drawText(line(), { x, y: 700 - i * 14, size: 10, font });
      }
    }
    page.drawText(String(p + 1), { x: 300, y: 40, size: 9, font });
  }
  return pdf.save();
}

export async function bench(report: Report): Promise<void> {
  const bytes = await report50Pages();
  report('PDF: generated 50-page two-column report', bytes.byteLength / 1024, 'KB');
  const t0 = performance.now();
  const read = await readPdfPages(pdfjs as unknown as PdfJsLike, bytes);
  const t1 = performance.now();
  const built = layoutPdf(read.pages);
  const t2 = performance.now();
  report('PDF: pdf.js text extraction, 50 pages', t1 - t0, 'ms');
  report('PDF: reading order + paragraphs (layoutPdf), 50 pages', t2 - t1, 'ms');
  report('PDF: paragraphs rebuilt', built.structure.blocks.length, 'blocks');
}
