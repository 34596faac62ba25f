import { afterEach, describe, expect, it, vi } from 'vitest';
import { strToU8 } from 'fflate';
import { deflateBomb, deflateText, rawZip } from '../testing/hostileZip';

/**
 * The platform's inflater (DecompressionStream) inflates each written chunk whole: Chromium
 * turned one 4 MB write of a bomb into 4 GiB before the first output chunk could be counted.
 * unzip.ts must feed it 8 KB at a time. A spy around the real stream records what is written.
 */
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function spyingDecompressionStream(written: number[]) {
  const Real = globalThis.DecompressionStream;
  return class {
    readable: ReadableStream<Uint8Array>;
    writable: WritableStream<Uint8Array>;
    constructor(format: CompressionFormat) {
      const real = new Real(format);
      const writer = real.writable.getWriter();
      this.readable = real.readable;
      this.writable = new WritableStream<Uint8Array>({
        write: (chunk) => {
          written.push(chunk.length);
          return writer.write(chunk as Uint8Array<ArrayBuffer>);
        },
        close: () => writer.close(),
        abort: (reason) => writer.abort(reason),
      });
    }
  };
}

describe('the native inflater', () => {
  it('gets a bomb 8 KB at a time and is stopped after its first slices', async () => {
    const written: number[] = [];
    vi.stubGlobal('DecompressionStream', spyingDecompressionStream(written));
    vi.resetModules();
    const { readBundle } = await import('./read');
    const manifest = JSON.stringify({ format: 'corroborate-bundle', formatVersion: 3 });
    const bomb = deflateBomb(64);
    const r = await readBundle(
      rawZip([
        {
          name: 'manifest.json',
          method: 8,
          data: deflateText(manifest),
          declaredSize: strToU8(manifest).length,
        },
        { name: 'articles.json', method: 8, data: bomb, declaredSize: 1000 },
      ]),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('too-large');
    // The manifest went in whole (it is small); the bomb in slices, and only its first few.
    expect(written.length).toBeGreaterThan(1);
    expect(Math.max(...written)).toBeLessThanOrEqual(8 * 1024);
    expect(written.reduce((a, b) => a + b, 0)).toBeLessThan(bomb.length / 4);
  });
});
