import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeBundle, type Workspace } from '../../../shared/bundle';
import { TRICKY_TEXTS, sampleWorkspace } from '../../../shared/bundle/sample';
import { loadSeeds } from '../../../shared/testing/seeds';
import { deflateBomb, deflateText, rawZip } from '../../../shared/testing/hostileZip';
import { CorroborateDatabase } from '../../db/database';
import { workspaceHash } from '../../db/applyBundle';
import { importBundleBytes } from './runImport';

/**
 * Every hostile bundle from issue 11, imported into a real (fake-indexeddb) workspace through
 * the app's import path: the exact message, and the workspace exactly as it was (row counts
 * and a content hash of every table).
 */

const NOW = Date.UTC(2026, 10, 30, 12);
const AGAIN = 'Ask whoever sent it to export it again from Corroborate.';
let db: CorroborateDatabase;
let ws: Workspace;
let entries: Record<string, string>;

async function counts() {
  return {
    articles: await db.articles.count(),
    annotations: await db.annotations.count(),
    groups: await db.groups.count(),
    review: await db.reanchorQueue.count(),
  };
}

beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations: 200,
    annotationsPerGroup: 8,
  });
  db = new CorroborateDatabase('hostile-import-test');
  await db.transaction('rw', [db.articles, ...db.annotations.tables, db.groups], async () => {
    await db.articles.bulkPut(ws.articles.slice(0, 4));
    await db.annotations.bulkPut(
      ws.annotations.filter((a) => ws.articles.slice(0, 4).some((x) => x.id === a.articleId)),
    );
    await db.groups.bulkPut(ws.groups);
  });
  const small = await sampleWorkspace(sources.slice(4), {
    articles: 2,
    annotations: 10,
    annotationsPerGroup: 5,
  });
  entries = Object.fromEntries(
    Object.entries(unzipSync(writeBundle(small, { appVersion: '0.2.0', now: NOW }))).map(
      ([k, v]) => [k, strFromU8(v)],
    ),
  );
});
afterAll(async () => {
  await db.delete();
});

const zip = (e: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, strToU8(v)])));
const stored = (e: Record<string, string>, method: number) =>
  rawZip(
    Object.entries(e).map(([name, t]) => ({
      name,
      method,
      data: strToU8(t),
      declaredSize: strToU8(t).length,
    })),
  );

const CASES: { name: string; bytes: () => Uint8Array; code: string; message: string | RegExp }[] = [
  {
    name: 'a 4 GiB deflate bomb under a header claiming 1,000 bytes',
    bytes: () =>
      rawZip([
        {
          name: 'manifest.json',
          method: 8,
          data: deflateText(entries['manifest.json']!),
          declaredSize: strToU8(entries['manifest.json']!).length,
        },
        { name: 'articles.json', method: 8, data: deflateBomb(4096), declaredSize: 1000 },
      ]),
    code: 'too-large',
    message:
      /^This bundle unpacks to more than [\d.]+ MB \(it claims 1\.[\d] KB\): articles\.json holds more than its zip header says, so the file was altered or built to exhaust memory\. It was not opened\./,
  },
  {
    name: 'a valid zip compressed with LZMA',
    bytes: () => stored(entries, 14),
    code: 'unsupported-method',
    message:
      'manifest.json in the bundle is compressed with LZMA, which Corroborate cannot unpack (it reads deflate and stored entries, which it writes itself). Unzip the file and zip it again with standard (deflate) compression, or ask whoever sent it to export it again from Corroborate.',
  },
  {
    name: '"PK" followed by garbage',
    bytes: () => strToU8('PK\u0003\u0004 nothing of a zip follows here at all, really nothing'),
    code: 'not-a-zip',
    message:
      'This is not a Corroborate bundle: it starts like a zip archive but the rest is not zip data. Choose a .corroborate file exported from Corroborate.',
  },
  {
    name: 'a bundle cut short',
    bytes: () => zip(entries).slice(0, 700),
    code: 'truncated',
    message:
      'The bundle is cut short: the end of the zip archive is missing, so the copy or download was probably interrupted. Copy or download it again.',
  },
  {
    name: 'formatVersion 1e999',
    bytes: () =>
      zip({
        ...entries,
        'manifest.json': entries['manifest.json']!.replace(
          /"formatVersion": \d+/,
          '"formatVersion": 1e999',
        ),
      }),
    code: 'unsupported-version',
    message: `The bundle's format version (1e999) is not one Corroborate has ever written. ${AGAIN}`,
  },
  {
    name: 'a format-1 manifest over format-3 content',
    bytes: () =>
      zip({
        ...entries,
        'manifest.json': JSON.stringify({
          format: 'corroborate-bundle',
          formatVersion: 1,
          appVersion: '0.0.9',
          createdAt: '2023-11-02T10:00:00.000Z',
        }),
      }),
    code: 'version-mismatch',
    message: `The bundle's manifest says format 1, but its contents are in format 2 (it has annotations.jsonld and no annotations.json), so the manifest was replaced or the zip was put together by hand. ${AGAIN}`,
  },
  {
    name: 'a format-1 bundle with times beyond the Date range',
    bytes: () =>
      zip({
        'manifest.json': JSON.stringify({
          format: 'corroborate-bundle',
          formatVersion: 1,
          appVersion: '0.0.9',
          createdAt: '2023-11-02T10:00:00.000Z',
        }),
        'articles.json': JSON.stringify([
          { id: 'a1', title: 'T', source: null, date: null, text: 'Short text.', createdAt: 9e15 },
        ]),
        'annotations.json': '[]',
      }),
    code: 'invalid-content',
    message: `articles.json does not match the bundle format at [0].createdAt: must be a time between 1990-01-01 and 2099-12-31 (epoch milliseconds). ${AGAIN}`,
  },
  {
    name: 'a lone surrogate in an article title',
    bytes: () => {
      const f = JSON.parse(entries['articles.json']!);
      f.articles[0].title = 'Half an emoji \ud83d';
      return zip({ ...entries, 'articles.json': JSON.stringify(f) });
    },
    code: 'invalid-content',
    message: `articles.json does not match the bundle format at articles[0].title: contains a lone surrogate (half of a UTF-16 character pair), which is not valid text. ${AGAIN}`,
  },
  {
    name: 'an entry that is not UTF-8',
    bytes: () =>
      stored({ ...entries, 'articles.json': '\u00ff' }, 0).map((b, i, all) =>
        i > 0 && all[i - 1] === 0xc3 && b === 0xbf ? 0xfe : b,
      ),
    code: 'invalid-text',
    message: `articles.json in the bundle is not valid UTF-8 text, so it is damaged or was not written by Corroborate. ${AGAIN}`,
  },
];

describe('hostile bundles leave the workspace exactly as it was', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const before = { counts: await counts(), hash: await workspaceHash(db) };
      const outcome = await importBundleBytes('hostile.corroborate', c.bytes(), {
        database: db,
        now: NOW,
      });
      if (outcome.ok) throw new Error('imported a hostile bundle');
      expect(outcome.code).toBe(c.code);
      if (typeof c.message === 'string') expect(outcome.message).toBe(c.message);
      else expect(outcome.message).toMatch(c.message);
      expect({ counts: await counts(), hash: await workspaceHash(db) }).toEqual(before);
    });
  }
});
