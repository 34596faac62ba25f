// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdfPages, type PdfJsLike } from './pdfText';
import { pdfResult, readPdf } from './pdfResult';
import { importDocx } from './docxImport';
import { isImportCancelled } from './importCancel';
import { importHtml, importHtmlOffThread } from './htmlImport';
import { readFileSync } from 'node:fs';
import '../../../shared/testing/promiseWithResolvers';

const lib = pdfjs as unknown as PdfJsLike;

/** A 12-page statement, a paragraph of prose per page. */
async function statementPdf(pages = 12): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Port authority statement');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Page ${p}: the port authority reported that ${p * 40} ships waited offshore.`, {
      x: 50,
      y: 700,
      size: 11,
      font,
    });
  }
  return pdf.save();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

describe('PDF import: real progress and Cancel', () => {
  it('reports every page read, done of total, from 0 to the last', async () => {
    const seen: string[] = [];
    const result = await readPdf(lib, await statementPdf(), {
      onProgress: (done, total, stage) => seen.push(`${done}/${total} ${stage}`),
    });
    expect('built' in result && result.built.text).toContain('480 ships waited offshore');
    expect(seen[0]).toBe('0/12 Reading page 1 of 12');
    expect(seen).toContain('5/12 Reading page 6 of 12');
    expect(seen.at(-2)).toBe('12/12 Reading page 12 of 12');
    expect(seen.at(-1)).toBe('12/12 Rebuilding paragraphs');
  });

  it('Cancel during the pages stops at once with a cancellation, not a "not readable" refusal', async () => {
    const controller = new AbortController();
    const pagesRead: number[] = [];
    const error = await rejection(
      readPdf(lib, await statementPdf(), {
        signal: controller.signal,
        onProgress: (done) => {
          pagesRead.push(done);
          if (done === 3) controller.abort();
        },
      }),
    );
    expect(isImportCancelled(error)).toBe(true);
    // No page after the one being read when Cancel came was asked for.
    expect(Math.max(...pagesRead)).toBe(3);
  });

  it('Cancel while paragraphs are rebuilt, or before starting, also cancels', async () => {
    const read = await readPdfPages(lib, await statementPdf(3));
    const aborted = AbortSignal.abort();
    expect(isImportCancelled(await rejection(pdfResult(read, aborted)))).toBe(true);
    expect(
      isImportCancelled(
        await rejection(readPdfPages(lib, await statementPdf(2), undefined, aborted)),
      ),
    ).toBe(true);
    // Without Cancel the same pages give the article.
    expect('built' in (await pdfResult(read))).toBe(true);
  });

  it('a damaged PDF is still refused with its reason, not taken for a cancel', async () => {
    const result = await readPdf(lib, new TextEncoder().encode('%PDF-1.7\nnot a pdf'));
    expect('reason' in result && result.reason).toMatch(/^it is not a readable PDF \(/);
  });
});

describe('Word import: Cancel', () => {
  it('a cancelled .docx import rejects as cancelled; otherwise it converts', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ text: 'The union accepted a 4% rise.' })] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(isImportCancelled(await rejection(importDocx(bytes, AbortSignal.abort())))).toBe(true);
    const result = await importDocx(bytes);
    expect('built' in result && result.built.text).toBe('The union accepted a 4% rise.');
  });
});

describe('HTML import in steps', () => {
  const page = readFileSync('renderer/features/library/fixtures/news-page.html', 'utf8');

  it('gives exactly what the one-step import gives, yielding to the window between steps', async () => {
    let frames = 0;
    const count = setInterval(() => frames++, 0);
    const sliced = await importHtmlOffThread(page, { readability: true });
    clearInterval(count);
    expect(sliced).toEqual(importHtml(page, { readability: true }));
    expect(sliced.built.text).toContain('an end to unpaid standby shifts at weekends');
    expect(frames).toBeGreaterThanOrEqual(3);
  });

  it('stops between steps when cancelled', async () => {
    const controller = new AbortController();
    const pending = importHtmlOffThread(page, { readability: true }, controller.signal);
    controller.abort();
    expect(isImportCancelled(await rejection(pending))).toBe(true);
  });
});
