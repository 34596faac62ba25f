import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileWithLimit, readSelectedFiles, writeFileData } from './fileAccess';

const seedsDir = new URL('../seeds/', import.meta.url);
const seedNames = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const seedBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, seedsDir)));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corroborate-files-'));
  for (const name of seedNames) writeFileSync(path.join(dir, name), seedBytes(name));
  mkdirSync(path.join(dir, 'folder.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileWithLimit', () => {
  it('reads the seed articles byte for byte and returns only the base name', async () => {
    expect(seedNames).toHaveLength(5);
    for (const name of seedNames) {
      const expected = seedBytes(name);
      const file = await readFileWithLimit(path.join(dir, name), 1024 * 1024);
      expect(file.error).toBeNull();
      expect(file.name).toBe(name);
      expect(file.name).not.toContain(path.sep);
      expect(file.size).toBe(expected.length);
      expect(file.bytes).toEqual(expected);
      // Exactly sized: IPC would otherwise clone a larger backing buffer.
      expect(file.bytes?.buffer.byteLength).toBe(expected.length);
    }
  });

  it('refuses a file one byte over the limit without reading it, and accepts it at the limit', async () => {
    const name = seedNames[2] ?? '';
    const size = seedBytes(name).length;
    const over = await readFileWithLimit(path.join(dir, name), size - 1);
    expect(over.bytes).toBeNull();
    expect(over.size).toBe(size);
    expect(over.error).toMatch(/too large/i);
    const exact = await readFileWithLimit(path.join(dir, name), size);
    expect(exact.bytes?.length).toBe(size);
  });

  it('reports missing files and directories instead of throwing', async () => {
    const missing = await readFileWithLimit(path.join(dir, 'nope.txt'), 1000);
    expect(missing).toEqual({ name: 'nope.txt', size: 0, bytes: null, error: 'File not found.' });
    const folder = await readFileWithLimit(path.join(dir, 'folder.txt'), 1000);
    expect(folder.bytes).toBeNull();
    expect(folder.error).toBe('Not a file.');
  });

  it('reads an empty file as zero bytes', async () => {
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const file = await readFileWithLimit(path.join(dir, 'empty.txt'), 10);
    expect(file).toMatchObject({ name: 'empty.txt', size: 0, error: null });
    expect(file.bytes).toEqual(new Uint8Array(0));
  });
});

describe('readSelectedFiles', () => {
  it('reads each selected file and refuses those past the total budget', async () => {
    const paths = seedNames.map((name) => path.join(dir, name));
    const sizes = seedNames.map((name) => seedBytes(name).length);
    // Budget for exactly the first two seeds.
    const budget = (sizes[0] ?? 0) + (sizes[1] ?? 0);
    const files = await readSelectedFiles(paths, 1024 * 1024, budget);
    expect(files.map((f) => f.name)).toEqual(seedNames);
    expect(files.slice(0, 2).every((f) => f.bytes !== null)).toBe(true);
    for (const file of files.slice(2)) {
      expect(file.bytes).toBeNull();
      expect(file.error).toMatch(/too much data/i);
    }
  });

  it('keeps per-file refusals as "too large" when the budget is not the reason', async () => {
    const name = seedNames[0] ?? '';
    const [file] = await readSelectedFiles([path.join(dir, name)], 100, 10_000_000);
    expect(file?.error).toMatch(/too large/i);
  });
});

describe('writeFileData', () => {
  it('writes text as UTF-8 and bytes as-is', async () => {
    const text = readFileSync(new URL(seedNames[3] ?? '', seedsDir), 'utf8');
    await writeFileData(path.join(dir, 'out.txt'), text);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe(text);
    const bytes = seedBytes(seedNames[4] ?? '');
    await writeFileData(path.join(dir, 'out.bin'), bytes);
    expect(new Uint8Array(readFileSync(path.join(dir, 'out.bin')))).toEqual(bytes);
  });
});
