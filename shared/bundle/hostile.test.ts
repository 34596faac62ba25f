/* eslint-disable @typescript-eslint/no-explicit-any -- these tests tamper with the raw JSON of bundle entries */
import { beforeAll, describe, expect, it } from 'vitest';
import { inflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { loadSeeds } from '../testing/seeds';
import { deflateBomb, deflateText, rawZip } from '../testing/hostileZip';
import { readBundle } from './read';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import { writeBundle } from './write';

const NOW = Date.UTC(2024, 4, 1);
let good: Uint8Array;
type Entries = Record<string, string>;
let entries: Entries;

beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  const ws = await sampleWorkspace(sources, {
    articles: 3,
    annotations: 12,
    annotationsPerGroup: 4,
  });
  good = writeBundle(ws, { appVersion: '0.1.0', now: NOW });
  entries = Object.fromEntries(Object.entries(unzipSync(good)).map(([k, v]) => [k, strFromU8(v)]));
});

const zip = (e: Entries) =>
  zipSync(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, strToU8(v)])));

async function refused(bytes: Uint8Array, opts: Parameters<typeof readBundle>[1] = {}) {
  const r = await readBundle(bytes, opts);
  if (r.ok) throw new Error('expected a refusal, but the bundle was accepted');
  return r.error;
}

describe('hostile zips', () => {
  it('a real 4 GiB deflate bomb under a header claiming 1,000 bytes stops at the byte count', async () => {
    const bomb = deflateBomb(4096);
    // The stream is real: its first MiB inflates to zeros (checked here on a 2 MiB copy).
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const small = inflateSync(deflateBomb(2));
    expect(small.length).toBe(2 << 20);
    expect(small.every((b) => b === 0)).toBe(true);
    const e = rawZip([
      {
        name: 'manifest.json',
        method: 8,
        data: deflateText(entries['manifest.json']!),
        declaredSize: strToU8(entries['manifest.json']!).length,
      },
      { name: 'articles.json', method: 8, data: bomb, declaredSize: 1000 },
    ]);
    let progressCalls = 0;
    const error = await refused(e, { onProgress: () => progressCalls++ });
    expect(error.code).toBe('too-large');
    expect(error.entry).toBe('articles.json');
    const m =
      /^This bundle unpacks to more than ([\d.]+) MB \(it claims ([\d.]+) KB\): articles\.json holds more than its zip header says/.exec(
        error.message,
      );
    expect(m, error.message).not.toBeNull();
    // Aborted by the count: at most one 8 KB input slice (≤ 8.1 MB out) past the claim.
    expect(Number(m![1])).toBeLessThanOrEqual(8.1);
    expect(progressCalls).toBeLessThanOrEqual(1);
  });

  it('an honest but huge entry stops at the total limit, and Cancel is seen between slices', async () => {
    const bomb = deflateBomb(64);
    const z = rawZip([{ name: 'articles.json', method: 8, data: bomb, declaredSize: 64 << 20 }]);
    const limited = await refused(z, { maxBytes: 16 << 20 } as any);
    expect(limited.code).toBe('too-large');
    expect(limited.message).toMatch(/^The bundle would unpack to more than 16\.0 MB/);
    const signal = { aborted: false };
    let slices = 0;
    const cancelled = await refused(z, {
      signal,
      onProgress: () => {
        if (++slices === 3) signal.aborted = true;
      },
    });
    expect(cancelled.code).toBe('aborted');
    expect(cancelled.message).toBe('Import cancelled. Nothing was changed.');
    expect(slices).toBe(3);
  });

  it('a zip whose entries use LZMA or bzip2 says so (not "damaged")', async () => {
    for (const [method, name] of [
      [14, 'LZMA'],
      [12, 'bzip2'],
    ] as const) {
      const z = rawZip(
        Object.entries(entries).map(([n, text]) => ({
          name: n,
          method,
          data: strToU8(text),
          declaredSize: strToU8(text).length,
        })),
      );
      const e = await refused(z);
      expect(e.code).toBe('unsupported-method');
      expect(e.message).toBe(
        `manifest.json in the bundle is compressed with ${name}, which Corroborate cannot unpack (it reads deflate and stored entries, which it writes itself). Unzip the file and zip it again with standard (deflate) compression, or ask whoever sent it to export it again from Corroborate.`,
      );
    }
  });

  it('stored (method 0) entries are read', async () => {
    const z = rawZip(
      Object.entries(entries).map(([n, text]) => ({
        name: n,
        method: 0,
        data: strToU8(text),
        declaredSize: strToU8(text).length,
      })),
    );
    expect((await readBundle(z)).ok).toBe(true);
  });

  it('"PK" followed by garbage is not a zip; a zip missing its end is cut short', async () => {
    const garbage = new Uint8Array(4000).map((_, i) => (i * 7919) % 251);
    garbage.set([0x50, 0x4b, 3, 4]);
    for (const bytes of [strToU8('PK this is not a zip at all'), garbage]) {
      const e = await refused(bytes);
      expect(e.code).toBe('not-a-zip');
      expect(e.message).toMatch(/^This is not a Corroborate bundle: /);
    }
    const cut = await refused(good.slice(0, good.length - 30));
    expect(cut.code).toBe('truncated');
    expect(cut.message).toBe(
      'The bundle is cut short: the end of the zip archive is missing, so the copy or download was probably interrupted. Copy or download it again.',
    );
  });

  it('an entry that is not UTF-8 is "invalid text"', async () => {
    const bad = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const z = rawZip([
      ...Object.entries(entries)
        .filter(([n]) => n !== 'articles.json')
        .map(([n, text]) => ({
          name: n,
          method: 0,
          data: strToU8(text),
          declaredSize: strToU8(text).length,
        })),
      { name: 'articles.json', method: 0, data: bad, declaredSize: bad.length },
    ]);
    const e = await refused(z);
    expect(e.code).toBe('invalid-text');
    expect(e.message).toBe(
      'articles.json in the bundle is not valid UTF-8 text, so it is damaged or was not written by Corroborate. Ask whoever sent it to export it again from Corroborate.',
    );
  });
});

describe('versions', () => {
  it('formatVersion 1e999 is shown as written, not as "null"', async () => {
    const m = entries['manifest.json']!.replace(/"formatVersion": \d+/, '"formatVersion": 1e999');
    const e = await refused(zip({ ...entries, 'manifest.json': m }));
    expect(e.code).toBe('unsupported-version');
    expect(e.message).toMatch(
      /^The bundle's format version \(1e999\) is not one Corroborate has ever written\./,
    );
  });

  it('a format-1 manifest over format-2 content names the mismatch', async () => {
    const m = JSON.parse(entries['manifest.json']!);
    m.formatVersion = 1;
    delete m.counts;
    const e = await refused(zip({ ...entries, 'manifest.json': JSON.stringify(m) }));
    expect(e.code).toBe('version-mismatch');
    expect(e.message).toBe(
      "The bundle's manifest says format 1, but its contents are in format 2 (it has annotations.jsonld and no annotations.json), so the manifest was replaced or the zip was put together by hand. Ask whoever sent it to export it again from Corroborate.",
    );
  });
});
