// @vitest-environment node
/**
 * The PDF worker's protocol with the window: progress relayed, pdf.js's own messages on the same
 * port ignored, Cancel terminating the worker. (The worker module itself runs in the browser e2e.)
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from './pdfResult';
import type { PdfJsLike } from './pdfText';
import { readPdfOffThread, type PdfWorkerMessage } from './pdfWorkerClient';
import { isImportCancelled } from './importCancel';
import '../../../shared/testing/promiseWithResolvers';

describe('PDF worker client', () => {
  const lib = pdfjs as unknown as PdfJsLike;

  async function statementPdf(pages: number): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (let p = 1; p <= pages; p++)
      pdf.addPage([612, 792]).drawText(`Page ${p}: ${p * 40} ships waited offshore.`, {
        x: 50,
        y: 700,
        size: 11,
        font,
      });
    return pdf.save();
  }

  /** A Worker stand-in that runs what pdfRead.worker.ts runs, announcing itself as pdf.js does. */
  function fakeWorker() {
    const state = { terminated: false };
    const worker = {
      onmessage: null as ((e: MessageEvent<unknown>) => void) | null,
      onerror: null,
      terminate: () => void (state.terminated = true),
      postMessage(bytes: Uint8Array) {
        const post = (m: PdfWorkerMessage | object) => {
          if (!state.terminated) worker.onmessage?.({ data: m } as MessageEvent<unknown>);
        };
        post({ sourceName: 'worker', targetName: 'main', action: 'ready' });
        void readPdf(lib, bytes, {
          onProgress: (done, total, stage) => post({ type: 'progress', done, total, stage }),
        }).then((result) => post({ type: 'result', result }));
      },
    };
    return { worker: worker as unknown as Worker, state };
  }

  it('relays page progress, ignores pdf.js’s own messages, and returns the article', async () => {
    const { worker, state } = fakeWorker();
    const seen: string[] = [];
    const result = await readPdfOffThread(
      await statementPdf(3),
      { onProgress: (done, total) => seen.push(`${done}/${total}`) },
      () => worker,
    );
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3', '3/3']);
    expect('built' in result && result.built.text).toContain('Page 3: 120 ships waited offshore.');
    expect(state.terminated).toBe(true);
  });

  it('Cancel terminates the worker and rejects as cancelled', async () => {
    const { worker, state } = fakeWorker();
    const controller = new AbortController();
    const pending = readPdfOffThread(
      await statementPdf(20),
      { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() },
      () => worker,
    );
    const outcome = await pending.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    expect(isImportCancelled(outcome)).toBe(true);
    expect(state.terminated).toBe(true);
  });
});
