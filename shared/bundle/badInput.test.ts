/* eslint-disable @typescript-eslint/no-explicit-any -- these tests tamper with the raw JSON of bundle entries */
import { beforeAll, describe, expect, it } from 'vitest';
import { editEntry, entriesOf, zipEntries as zip } from '../testing/bundleEntries';
import { strToU8 } from 'fflate';
import { loadSeeds } from '../testing/seeds';
import { sha256Hex } from '../text/hash';
import type { BundleErrorCode } from './errors';
import { MAX_BUNDLE_BYTES } from './format';
import { readBundle } from './read';
import { readStagedWhole } from './stagedTesting';
import { TRICKY_TEXTS, sampleWorkspace } from './sample';
import type { AnnotationCollection } from './schema';
import { checkBundleSize } from './unzip';
import { writeBundle } from './write';

const NOW = Date.UTC(2024, 4, 1);
let good: Uint8Array;

beforeAll(async () => {
  const sources = [...loadSeeds().map((s) => ({ name: s.id, text: s.raw })), ...TRICKY_TEXTS];
  const ws = await sampleWorkspace(sources, {
    articles: sources.length,
    annotations: 40,
    annotationsPerGroup: 5,
  });
  good = writeBundle(ws, { appVersion: '0.1.0', now: NOW });
});

/** A copy of the good bundle with one entry's JSON changed. */
const edit = (entry: string, change: (json: Record<string, any>) => void, base = good) =>
  editEntry(base, entry, change);
const items = (c: Record<string, any>) => (c as AnnotationCollection).first.items as any[];

async function expectError(bytes: Uint8Array, code: BundleErrorCode, says: RegExp) {
  const r = await readBundle(bytes);
  if (r.ok) throw new Error(`expected ${code}, but the bundle was accepted`);
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(says);
  // Every message says what to do, not only what is wrong.
  expect(r.error.message).toMatch(
    /export it again|Copy|Choose|Update|Export fewer|not opened|Ask/i,
  );
  // The import reads in stages (staged.ts); it must refuse the same file with the same message.
  const staged = await readStagedWhole(bytes, 7);
  expect(staged.ok ? 'accepted' : staged.error).toEqual(r.error);
  return r.error;
}

describe('readBundle refuses bad input with a specific, readable error', () => {
  it('accepts the good bundle (control)', async () => {
    expect((await readBundle(good)).ok).toBe(true);
  });

  it('file too large: refused by size before reading', async () => {
    expect(checkBundleSize(MAX_BUNDLE_BYTES + 1)?.code).toBe('too-large');
    expect(checkBundleSize(MAX_BUNDLE_BYTES + 1)?.message).toMatch(/100\.0 MB/);
    expect(checkBundleSize(good.length)).toBeNull();
    await expectError(new Uint8Array(MAX_BUNDLE_BYTES + 1), 'too-large', /up to 100\.0 MB/);
  });

  it('empty file', async () => {
    await expectError(new Uint8Array(0), 'empty', /empty/);
  });

  it('truncated zip (interrupted copy)', async () => {
    for (const keep of [0.5, 0.99]) {
      const cut = good.slice(0, Math.floor(good.length * keep));
      await expectError(cut, 'truncated', /cut short/);
    }
  });

  it('not a zip: plain text, a PDF, JSON, and a bare JSON-LD collection', async () => {
    await expectError(strToU8('Nearly 500 people were arrested.'), 'not-a-zip', /not a zip/);
    await expectError(strToU8('%PDF-1.7\n...'), 'not-a-zip', /not a zip/);
    await expectError(strToU8('{"articles": []}'), 'json-not-bundle', /JSON text file/);
    const jsonld = entriesOf(good)['annotations.jsonld']!;
    await expectError(strToU8(jsonld), 'json-not-bundle', /Web Annotation JSON-LD/);
  });

  it('damaged compressed data', async () => {
    const bytes = good.slice();
    // Flip bytes in the middle of the first entry's deflate stream.
    for (let i = 60; i < 120; i++) bytes[i] = bytes[i]! ^ 0xff;
    await expectError(bytes, 'corrupt', /damaged/);
  });

  it('a zip that is not a bundle', async () => {
    await expectError(zip({ 'notes.txt': 'hello' }), 'missing-entry', /no manifest\.json/);
    await expectError(
      edit('manifest.json', (m) => (m.format = 'other-app')),
      'not-a-bundle',
      /not a Corroborate bundle/,
    );
  });

  it('newer format version: refused, telling the editor to update', async () => {
    const e = await expectError(
      edit('manifest.json', (m) => {
        m.formatVersion = 4;
        m.appVersion = '2.0.0';
      }),
      'newer-version',
      /made by a newer version of Corroborate \(Corroborate 2\.0\.0, bundle format 4\)/,
    );
    expect(e.message).toMatch(/Update Corroborate/);
  });

  it('a version that never existed', async () => {
    await expectError(
      edit('manifest.json', (m) => (m.formatVersion = 0)),
      'unsupported-version',
      /format version \(0\)/,
    );
    await expectError(
      edit('manifest.json', (m) => (m.formatVersion = '2')),
      'unsupported-version',
      /"2"/,
    );
  });

  it('manifest counts that disagree with the contents', async () => {
    await expectError(
      edit('manifest.json', (m) => (m.counts.annotations += 1)),
      'count-mismatch',
      /lists 41 annotations but annotations\.jsonld holds 40/,
    );
    await expectError(
      edit('manifest.json', (m) => (m.counts.articles -= 1)),
      'count-mismatch',
      /articles/,
    );
    await expectError(
      edit('manifest.json', (m) => (m.counts.groups = 0)),
      'count-mismatch',
      /claim groups/,
    );
  });

  it('annotation offsets outside its article', async () => {
    const bytes = edit('annotations.jsonld', (c) => {
      const sel = items(c)[0].target.selector.find((s: any) => s.type === 'TextPositionSelector');
      sel.end = 1_000_000;
    });
    await expectError(
      bytes,
      'offset-out-of-range',
      /points at characters \d+–1000000 of “.+”, which has \d+ characters/,
    );
    const reversed = edit('annotations.jsonld', (c) => {
      const sel = items(c)[0].target.selector.find((s: any) => s.type === 'TextPositionSelector');
      [sel.start, sel.end] = [sel.end, sel.start];
    });
    await expectError(reversed, 'offset-out-of-range', /points at characters/);
  });

  it('duplicate ids inside one bundle', async () => {
    await expectError(
      edit('annotations.jsonld', (c) => {
        items(c)[1].id = items(c)[0].id;
      }),
      'duplicate-id',
      /Two annotations share the id “ann-/,
    );
    await expectError(
      edit('articles.json', (f) => {
        f.articles[1].id = f.articles[0].id;
      }),
      'duplicate-id',
      /Two articles share the id/,
    );
    await expectError(
      edit('annotations.jsonld', (c) => {
        const groups = items(c).filter((x) => x.motivation === 'linking');
        groups[1].id = groups[0].id;
      }),
      'duplicate-id',
      /Two claim groups share the id/,
    );
  });

  it('annotations pointing to missing articles', async () => {
    await expectError(
      edit('annotations.jsonld', (c) => {
        items(c)[0].target.source = `urn:corroborate:article:${'0'.repeat(64)}`;
      }),
      'missing-article',
      /points to an article that is not in the bundle/,
    );
  });

  it('groups and annotations that disagree, or members that are missing', async () => {
    await expectError(
      edit('annotations.jsonld', (c) => {
        const g = items(c).find((x) => x.motivation === 'linking' && x.target.length > 0);
        g.target.push({ type: 'SpecificResource', source: 'urn:corroborate:annotation:ghost' });
      }),
      'missing-annotation',
      /lists an annotation \(“ghost”\) that is not in the bundle/,
    );
    await expectError(
      edit('annotations.jsonld', (c) => {
        const member = items(c).find((x) => x.body.some?.((b: any) => b.purpose === 'linking'));
        const link = member.body.find((b: any) => b.purpose === 'linking');
        const other = items(c).find((x) => x.motivation === 'linking' && x.id !== link.source);
        link.source = other.id;
      }),
      'group-mismatch',
      /disagree about its membership/,
    );
  });

  it('article text changed after export (fingerprint) or not canonical', async () => {
    await expectError(
      edit('articles.json', (f) => {
        f.articles[0].text = f.articles[0].text.replace('498', '499');
      }),
      'hash-mismatch',
      /does not match its fingerprint/,
    );
    const crlf = await (async () => {
      const entries = entriesOf(good);
      const f = JSON.parse(entries['articles.json']!);
      f.articles[0].text = f.articles[0].text.replace(/\n/g, '\r\n');
      f.articles[0].sha256 = await sha256Hex(f.articles[0].text);
      return zip({ ...entries, 'articles.json': JSON.stringify(f) });
    })();
    await expectError(crlf, 'not-canonical', /normalized form/);
  });

  it('entries that are not JSON, missing, or not in the format', async () => {
    const entries = entriesOf(good);
    await expectError(
      zip({ ...entries, 'articles.json': '{"articles": [' }),
      'invalid-json',
      /articles\.json in the bundle is not valid JSON/,
    );
    const { 'annotations.jsonld': _dropped, ...rest } = entries;
    await expectError(zip(rest), 'missing-entry', /no annotations\.jsonld/);
    await expectError(
      edit('articles.json', (f) => (f.articles[2].sha256 = 'not-a-hash')),
      'invalid-content',
      /articles\.json does not match the bundle format at articles\[2\]\.sha256/,
    );
    await expectError(
      edit('annotations.jsonld', (c) => (items(c)[3].body[0].value = 'rumour')),
      'invalid-content',
      /at first\.items\[3\]/,
    );
  });

  it('zip entries with ../ or absolute paths are refused, even when unknown', async () => {
    const entries = entriesOf(good);
    for (const name of [
      '../evil.sh',
      'media/../../evil.sh',
      '/etc/passwd',
      'C:/Windows/evil.dll',
      'a\\..\\b',
    ]) {
      const e = await expectError(
        zip({ ...entries, [name]: 'x' }),
        'unsafe-path',
        /was not opened/,
      );
      expect(e.entry).toBe(name);
    }
  });

  it('the same entry twice is refused', async () => {
    // fflate cannot write duplicates, so write a same-length name and patch it in place.
    const bytes = zip({ ...entriesOf(good), 'manifest.jsoX': '{}' });
    const needle = strToU8('manifest.jsoX');
    let patched = 0;
    for (let i = 0; i < bytes.length - needle.length; i++) {
      if (needle.every((b, k) => bytes[i + k] === b)) {
        bytes[i + needle.length - 1] = 'n'.charCodeAt(0);
        patched++;
      }
    }
    expect(patched).toBe(2); // local header and central directory
    await expectError(bytes, 'duplicate-entry', /contains “manifest\.json” twice/);
  });

  it('an entry declaring a huge uncompressed size (zip bomb) is refused before inflating', async () => {
    const bytes = good.slice();
    // Central directory headers start with PK\x01\x02; the uncompressed size is at offset 24.
    for (let i = 0; i < bytes.length - 4; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2) {
        new DataView(bytes.buffer).setUint32(i + 24, 0xfffffff0, true);
        break;
      }
    }
    await expectError(bytes, 'too-large', /would unpack to more than/);
  });

  it('unknown extra entries are ignored, with a warning', async () => {
    const r = await readBundle(
      zip({ ...entriesOf(good), 'thumbnails/cover.png': 'PNG', 'README.txt': 'hi' }),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual([
      'Ignored 2 unknown file(s) in the bundle: README.txt, thumbnails/cover.png.',
    ]);
    expect(r.value.annotations).toHaveLength(40);
  });

  it('HTML inside article text is accepted and stays text (it is data)', async () => {
    const r = await readBundle(good);
    if (!r.ok) throw new Error(r.error.message);
    const markup = r.value.articles.find((a) => a.text.includes('<script>alert("x")</script>'));
    expect(markup?.text).toContain('<img src=x onerror="alert(1)">');
  });
});
