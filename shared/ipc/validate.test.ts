import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HARD_MAX_BYTES,
  IpcValidationError,
  isSafeBaseName,
  parseOpenFilesRequest,
  parseSaveFileRequest,
} from './validate';

const seedText = readFileSync(
  new URL('../../seeds/000_19a4d7180f664ba4.txt', import.meta.url),
  'utf8',
);

const openRequest = () => ({
  title: 'Import articles',
  filters: [{ name: 'Articles', extensions: ['txt', 'md', 'html'] }],
  multiple: true,
  maxBytes: 5 * 1024 * 1024,
});

const saveRequest = () => ({
  title: 'Export bundle',
  suggestedName: 'corroborate-bundle.zip',
  filters: [{ name: 'Corroborate bundle', extensions: ['zip'] }],
  data: new TextEncoder().encode(seedText) as Uint8Array | string,
});

describe('parseOpenFilesRequest', () => {
  it('returns a fresh copy of a valid request', () => {
    const input = openRequest();
    const parsed = parseOpenFilesRequest(input);
    expect(parsed).toEqual(input);
    expect(parsed).not.toBe(input);
    expect(parsed.filters[0]).not.toBe(input.filters[0]);
  });

  it.each([
    ['null', null],
    ['an array', [openRequest()]],
    ['a string', 'open'],
    ['a missing field', { ...openRequest(), maxBytes: undefined }],
    ['an extra field', { ...openRequest(), defaultPath: '/etc' }],
    ['a non-boolean multiple', { ...openRequest(), multiple: 'yes' }],
    ['a zero maxBytes', { ...openRequest(), maxBytes: 0 }],
    ['a fractional maxBytes', { ...openRequest(), maxBytes: 10.5 }],
    ['a maxBytes over the hard limit', { ...openRequest(), maxBytes: HARD_MAX_BYTES + 1 }],
    ['NaN maxBytes', { ...openRequest(), maxBytes: Number.NaN }],
    ['a title with a newline', { ...openRequest(), title: 'a\nb' }],
    ['an overlong title', { ...openRequest(), title: 'x'.repeat(201) }],
    ['filters that are not an array', { ...openRequest(), filters: { name: 'x' } }],
    ['an empty extension list', { ...openRequest(), filters: [{ name: 'x', extensions: [] }] }],
    ['a dotted extension', { ...openRequest(), filters: [{ name: 'x', extensions: ['.txt'] }] }],
    ['a path in an extension', { ...openRequest(), filters: [{ name: 'x', extensions: ['a/b'] }] }],
    ['a class instance', Object.assign(Object.create({ evil: true }), openRequest())],
  ])('refuses %s', (_label, value) => {
    expect(() => parseOpenFilesRequest(value)).toThrow(IpcValidationError);
  });

  it('accepts the wildcard extension and the hard limit itself', () => {
    const parsed = parseOpenFilesRequest({
      ...openRequest(),
      maxBytes: HARD_MAX_BYTES,
      filters: [{ name: 'All files', extensions: ['*'] }],
    });
    expect(parsed.maxBytes).toBe(HARD_MAX_BYTES);
  });

  it('names the offending field in the error', () => {
    expect(() => parseOpenFilesRequest({ ...openRequest(), maxBytes: -1 })).toThrow(
      /openFiles\.maxBytes/,
    );
  });
});

describe('parseSaveFileRequest', () => {
  it('accepts bytes and text data', () => {
    expect(parseSaveFileRequest(saveRequest()).data).toBeInstanceOf(Uint8Array);
    expect(parseSaveFileRequest({ ...saveRequest(), data: seedText }).data).toBe(seedText);
  });

  it.each([
    ['a directory in the name', '../escape.zip'],
    ['an absolute path', '/tmp/escape.zip'],
    ['a Windows path', 'C:\\Users\\x.zip'],
    ['a bare dot-dot', '..'],
    ['an empty name', ''],
    ['a NUL byte', 'a\u0000.zip'],
    ['leading space', ' bundle.zip'],
  ])('refuses a suggestedName with %s', (_label, suggestedName) => {
    expect(() => parseSaveFileRequest({ ...saveRequest(), suggestedName })).toThrow(
      IpcValidationError,
    );
  });

  it.each([
    ['a number', 42],
    ['a plain array of bytes', [1, 2, 3]],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['null', null],
  ])('refuses data that is %s', (_label, data) => {
    expect(() => parseSaveFileRequest({ ...saveRequest(), data })).toThrow(/saveFile\.data/);
  });
});

describe('isSafeBaseName', () => {
  it('accepts the seed file names and refuses names with separators', () => {
    for (const name of ['000_19a4d7180f664ba4.txt', 'Claims – März.csv', 'bundle (2).zip']) {
      expect(isSafeBaseName(name)).toBe(true);
    }
    for (const name of ['a/b', 'a\\b', 'a:b', 'con?', 'x'.repeat(256)]) {
      expect(isSafeBaseName(name)).toBe(false);
    }
  });
});
