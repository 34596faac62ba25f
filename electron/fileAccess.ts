/**
 * File reads and writes done by main for the renderer. The renderer only ever learns base names;
 * sizes are checked with stat before any byte is read, and the read itself is bounded so a file
 * that grows after the stat cannot slip past the limit.
 */
import path from 'node:path';
import { open, stat, writeFile } from 'node:fs/promises';
import type { OpenedFile } from '../shared/ipc/contract';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(name: string, size: number, maxBytes: number): OpenedFile {
  return {
    name,
    size,
    bytes: null,
    error: `File is too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}).`,
  };
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'File not found.';
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied.';
  if (code === 'EISDIR') return 'Not a file.';
  return 'File could not be read.';
}

/** Reads one file if it is a regular file of at most maxBytes; otherwise says why not. */
export async function readFileWithLimit(filePath: string, maxBytes: number): Promise<OpenedFile> {
  const name = path.basename(filePath);
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return { name, size: 0, bytes: null, error: 'Not a file.' };
    size = info.size;
  } catch (error) {
    return { name, size: 0, bytes: null, error: describeError(error) };
  }
  if (size > maxBytes) return tooLarge(name, size, maxBytes);

  try {
    const bytes = await readAtMost(filePath, maxBytes + 1, size + 1);
    // One byte more than allowed was requested: getting it means the file grew past the limit
    // after the stat.
    if (bytes.length > maxBytes) return tooLarge(name, bytes.length, maxBytes);
    return { name, size: bytes.length, bytes, error: null };
  } catch (error) {
    return { name, size, bytes: null, error: describeError(error) };
  }
}

/** Reads up to `limit` bytes, into an exactly sized array (IPC clones the whole ArrayBuffer). */
async function readAtMost(filePath: string, limit: number, expected: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = new Uint8Array(Math.min(Math.max(expected - total, 64 * 1024), limit - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * Reads the files one after another, refusing any that would push the selection's total past
 * totalLimit (so selecting a thousand files cannot exhaust main's memory).
 */
export async function readSelectedFiles(
  filePaths: readonly string[],
  maxBytes: number,
  totalLimit: number,
): Promise<OpenedFile[]> {
  const files: OpenedFile[] = [];
  let total = 0;
  for (const filePath of filePaths) {
    const remaining = totalLimit - total;
    if (remaining <= 0) {
      files.push({
        name: path.basename(filePath),
        size: 0,
        bytes: null,
        error: 'Too much data selected at once; import the remaining files separately.',
      });
      continue;
    }
    const file = await readFileWithLimit(filePath, Math.min(maxBytes, remaining));
    if (file.bytes === null && file.size > remaining && file.size <= maxBytes) {
      file.error = 'Too much data selected at once; import the remaining files separately.';
    }
    total += file.bytes?.length ?? 0;
    files.push(file);
  }
  return files;
}

/** Writes text as UTF-8 or bytes as-is. */
export async function writeFileData(filePath: string, data: Uint8Array | string): Promise<void> {
  await writeFile(filePath, data);
}
