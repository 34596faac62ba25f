/**
 * Runtime checks for every IPC argument. The renderer is treated as untrusted (a compromised
 * page can call ipcRenderer with anything), so main parses each request into a fresh object
 * holding only known, bounded fields before touching the file system or a dialog.
 */
import type { FileFilter, OpenFilesRequest, OpenLinkRequest, SaveFileRequest } from './contract';

/** Largest file the renderer may ask main to read or write (bundles with many articles fit). */
export const HARD_MAX_BYTES = 256 * 1024 * 1024;
const MAX_TITLE_LENGTH = 200;
const MAX_FILTERS = 20;
const MAX_EXTENSIONS = 50;
const MAX_FILE_NAME_LENGTH = 255;
// Dialog extensions are bare (no dot); '*' is the one wildcard Electron's dialogs accept.
const EXTENSION_PATTERN = /^(?:\*|[A-Za-z0-9][A-Za-z0-9_-]{0,15})$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const RESERVED_NAME_CHARS = /[/\\:*?"<>|]/;

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

function fail(path: string, reason: string): never {
  throw new IpcValidationError(`${path}: ${reason}`);
}

function plainObject(
  value: unknown,
  path: string,
  keys: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'expected an object');
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) fail(path, 'expected a plain object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) fail(path, `unexpected field "${key}"`);
  }
  for (const key of keys) {
    if (!(key in record)) fail(path, `missing field "${key}"`);
  }
  return record;
}

function text(value: unknown, path: string, maxLength: number): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > maxLength) fail(path, `longer than ${maxLength} characters`);
  if (CONTROL_CHARS.test(value)) fail(path, 'contains control characters');
  return value;
}

function parseFilters(value: unknown, path: string): FileFilter[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > MAX_FILTERS) fail(path, `more than ${MAX_FILTERS} filters`);
  return value.map((item: unknown, i) => {
    const filter = plainObject(item, `${path}[${i}]`, ['name', 'extensions']);
    const extensions = filter.extensions;
    if (!Array.isArray(extensions) || extensions.length === 0) {
      fail(`${path}[${i}].extensions`, 'expected a non-empty array');
    }
    if (extensions.length > MAX_EXTENSIONS) {
      fail(`${path}[${i}].extensions`, `more than ${MAX_EXTENSIONS} extensions`);
    }
    return {
      name: text(filter.name, `${path}[${i}].name`, MAX_TITLE_LENGTH),
      extensions: extensions.map((ext: unknown, j) => {
        if (typeof ext !== 'string' || !EXTENSION_PATTERN.test(ext)) {
          fail(`${path}[${i}].extensions[${j}]`, 'expected a bare extension like "txt" or "*"');
        }
        return ext;
      }),
    };
  });
}

/**
 * A file name the save dialog may propose: a base name only, so the renderer cannot steer the
 * dialog (or the write) into another directory.
 */
export function isSafeBaseName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_FILE_NAME_LENGTH &&
    name !== '.' &&
    name !== '..' &&
    !CONTROL_CHARS.test(name) &&
    !RESERVED_NAME_CHARS.test(name) &&
    name.trim() === name
  );
}

export function parseOpenFilesRequest(value: unknown): OpenFilesRequest {
  const req = plainObject(value, 'openFiles', ['title', 'filters', 'multiple', 'maxBytes']);
  if (typeof req.multiple !== 'boolean') fail('openFiles.multiple', 'expected a boolean');
  const maxBytes = req.maxBytes;
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    fail('openFiles.maxBytes', 'expected a positive integer');
  }
  if (maxBytes > HARD_MAX_BYTES) fail('openFiles.maxBytes', `above ${HARD_MAX_BYTES} bytes`);
  return {
    title: text(req.title, 'openFiles.title', MAX_TITLE_LENGTH),
    filters: parseFilters(req.filters, 'openFiles.filters'),
    multiple: req.multiple,
    maxBytes,
  };
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  const req = plainObject(value, 'saveFile', ['title', 'suggestedName', 'filters', 'data']);
  const suggestedName = text(req.suggestedName, 'saveFile.suggestedName', MAX_FILE_NAME_LENGTH);
  if (!isSafeBaseName(suggestedName)) {
    fail('saveFile.suggestedName', 'expected a plain file name without directories');
  }
  const data = req.data;
  if (typeof data === 'string') {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; checking the bound avoids encoding twice.
    if (
      data.length * 3 > HARD_MAX_BYTES &&
      new TextEncoder().encode(data).length > HARD_MAX_BYTES
    ) {
      fail('saveFile.data', `above ${HARD_MAX_BYTES} bytes`);
    }
  } else if (data instanceof Uint8Array) {
    if (data.byteLength > HARD_MAX_BYTES) fail('saveFile.data', `above ${HARD_MAX_BYTES} bytes`);
  } else {
    fail('saveFile.data', 'expected a string or a Uint8Array');
  }
  return {
    title: text(req.title, 'saveFile.title', MAX_TITLE_LENGTH),
    suggestedName,
    filters: parseFilters(req.filters, 'saveFile.filters'),
    data,
  };
}

export function parseOpenLinkRequest(value: unknown): OpenLinkRequest {
  const req = plainObject(value, 'openLink', ['url']);
  if (typeof req.url !== 'string') fail('openLink.url', 'expected a string');
  return { url: req.url };
}
