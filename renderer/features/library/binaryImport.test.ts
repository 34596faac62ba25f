// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { prepareFile } from './prepareArticle';
import { finishPrepared } from './finishPrepared';
import { readPdfPages, type PdfJsLike } from './pdfText';
import { pdfResult } from './pdfResult';
import { structureProblem } from '../../../shared/structure/validate';
import '../../../shared/testing/promiseWithResolvers';

/** A press release as Word saves it: heading, emphasis, a bulleted list, a link, properties. */
async function pressReleaseDocx(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Port authority statement on the strike',
    creator: 'Sarah Whitfield',
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Statement on the end of the strike',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({
            children: [
              new TextRun('The Eastmouth Port Authority welcomes the '),
              new TextRun({ text: 'agreement', bold: true }),
              new TextRun(' reached with the union on '),
              new TextRun({ text: 'Thursday', italics: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Key terms', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: 'A 4% rise from 1 July',
            numbering: { reference: 'bullets', level: 0 },
          }),
          new Paragraph({
            text: 'No unpaid weekend standby',
            numbering: { reference: 'bullets', level: 0 },
          }),
          new Paragraph({
            children: [
              new TextRun('Full terms: '),
              new ExternalHyperlink({
                link: 'https://eastmouthports.example/terms',
                children: [new TextRun('published terms')],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A two-column report page: a full-width headline, then two columns whose lines interleave in
 * the file's drawing order (right column drawn first), so only layout gives reading order.
 */
async function twoColumnPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Harbour strike: a report');
  pdf.setAuthor('Tom Okafor');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([612, 792]);
  page.drawText('Harbour strike: what the 11 days cost', { x: 50, y: 740, size: 20, font: bold });
  const left = [
    'The strike at Eastmouth began on 17 Sep-',
    'tember and lasted eleven days in all.',
    'More than forty ships waited offshore.',
    '',
    'Shipping agents estimate the cost to',
    'local firms at more than ten million.',
  ];
  const right = [
    'The union accepted a four per cent rise',
    'after a night of talks at the port.',
    '',
    'Loading resumed on Friday morning, the',
    'authority said in a short statement.',
  ];
  const draw = (lines: string[], x: number) =>
    lines.forEach((line, i) => {
      if (line) page.drawText(line, { x, y: 690 - i * 14, size: 10, font, color: rgb(0, 0, 0) });
    });
  draw(right, 320);
  draw(left, 50);
  page.drawText('1', { x: 300, y: 40, size: 9, font });
  return pdf.save();
}

describe('Word .docx import', () => {
  it('keeps headings, emphasis, list items, links and document properties', async () => {
    const r = await prepareFile('statement.docx', await pressReleaseDocx());
    if (!r.ok) throw new Error(r.reason);
    const a = r.article;
    expect(a.origin).toEqual({ kind: 'file', name: 'statement.docx', format: 'docx' });
    expect(a.title).toBe('Port authority statement on the strike');
    expect(a.authors).toEqual(['Sarah Whitfield']);
    expect(a.text.split('\n')).toEqual([
      'Statement on the end of the strike',
      'The Eastmouth Port Authority welcomes the agreement reached with the union on Thursday.',
      'Key terms',
      'A 4% rise from 1 July',
      'No unpaid weekend standby',
      'Full terms: published terms',
    ]);
    const blocks = a.structure!.blocks;
    expect(structureProblem(a.text, a.structure!)).toBeNull();
    expect(blocks.map((b) => [b.type, b.level ?? null])).toEqual([
      ['heading', 1],
      ['paragraph', null],
      ['heading', 2],
      ['list-item', null],
      ['list-item', null],
      ['paragraph', null],
    ]);
    expect(blocks[1]!.marks).toEqual([
      { start: 42, end: 51, type: 'bold' },
      { start: 78, end: 86, type: 'italic' },
    ]);
    expect(blocks[5]!.marks).toEqual([
      { start: 12, end: 27, type: 'link', href: 'https://eastmouthports.example/terms' },
    ]);
  });

  it('refuses a .docx that is not a Word document, saying so', async () => {
    const r = await prepareFile('fake.docx', new TextEncoder().encode('not a zip at all'));
    expect(r).toMatchObject({ ok: false, reason: /not a readable Word document/ });
  });
});

describe('PDF import', () => {
  const lib = pdfjs as unknown as PdfJsLike;

  it('reads two columns in order, rebuilds paragraphs and keeps page numbers', async () => {
    const read = await readPdfPages(lib, await twoColumnPdf());
    const result = await pdfResult(read);
    if ('reason' in result) throw new Error(result.reason);
    const prepared = await finishPrepared(
      'report.pdf',
      { kind: 'file', name: 'report.pdf', format: 'pdf' },
      result.built,
      { ...result.facts, fileName: 'report.pdf' },
    );
    if (!prepared.ok) throw new Error(prepared.reason);
    const a = prepared.article;
    expect(a.title).toBe('Harbour strike: a report');
    expect(a.authors).toEqual(['Tom Okafor']);
    expect(a.text.split('\n')).toEqual([
      'Harbour strike: what the 11 days cost',
      'The strike at Eastmouth began on 17 September and lasted eleven days in all. More than forty ships waited offshore.',
      'Shipping agents estimate the cost to local firms at more than ten million.',
      'The union accepted a four per cent rise after a night of talks at the port.',
      'Loading resumed on Friday morning, the authority said in a short statement.',
    ]);
    expect(a.structure!.blocks[0]).toMatchObject({ type: 'heading', page: 1 });
    expect(a.structure!.blocks.every((b) => b.page === 1)).toBe(true);
  });

  it('refuses a scanned PDF (pages without a text layer) with that reason', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 3; i++)
      pdf.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 500, height: 700 });
    const result = await pdfResult(await readPdfPages(lib, await pdf.save()));
    expect(result).toMatchObject({ reason: /scanned PDF with no text layer/ });
  });
});
