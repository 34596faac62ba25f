import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeTypeFor,
  originOf,
  resolveAppPath,
} from './appProtocol';

const seedsDir = new URL('../seeds/', import.meta.url);
const seedText = readFileSync(new URL('001_87cee9a64524fbf7.txt', seedsDir), 'utf8');

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'corroborate-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Corroborate</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'seed one.txt'), seedText);
  // A sibling whose name starts like the root: a naive startsWith check would let it through.
  mkdirSync(path.join(base, 'renderer-secrets'));
  writeFileSync(path.join(base, 'renderer-secrets', 'key.txt'), 'secret');
  writeFileSync(path.join(base, 'outside.txt'), 'secret');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app:// as a standard, secure scheme (stable origin for IndexedDB)', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
  });
});

describe('originOf', () => {
  it('gives app:// URLs a real origin (Node reports "null" for unknown schemes)', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null');
    expect(originOf('app://corroborate/assets/x.js?q#h')).toBe('app://corroborate');
    expect(originOf('https://example.com:8443/a')).toBe('https://example.com:8443');
    expect(originOf('app://evil/index.html')).toBe('app://evil');
    expect(originOf('app://user@corroborate/')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('nonsense')).toBeNull();
  });
});

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://corroborate/index.html')).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppPath(root, 'app://corroborate/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://corroborate/assets/app.js?v=3#x')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
    expect(resolveAppPath(root, 'app://corroborate/assets/seed%20one.txt')).toBe(
      path.join(root, 'assets', 'seed one.txt'),
    );
  });

  it.each([
    'app://corroborate/../outside.txt',
    'app://corroborate/%2e%2e/outside.txt',
    'app://corroborate/assets/..%2f..%2foutside.txt',
    'app://corroborate/..%5coutside.txt',
    'app://corroborate/%2e%2e%2frenderer-secrets/key.txt',
    'app://corroborate/index.html%00.js',
    'app://corroborate/%E0%A4%A',
    'app://corroborate//etc/passwd',
    'app://other-host/index.html',
    'app://user:pw@corroborate/index.html',
    'file:///etc/passwd',
    'https://corroborate/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) {
      // '//etc/passwd' may resolve inside the root (as root/etc/passwd); it must never leave it.
      expect(path.relative(root, resolved).startsWith('..')).toBe(false);
      expect(resolved.startsWith(root + path.sep)).toBe(true);
    } else {
      expect(resolved).toBeNull();
    }
  });

  it('never resolves traversal attempts to a file outside the root', () => {
    for (const url of [
      'app://corroborate/../outside.txt',
      'app://corroborate/%2e%2e/outside.txt',
      'app://corroborate/assets/..%2f..%2foutside.txt',
      'app://corroborate/..%2frenderer-secrets/key.txt',
    ]) {
      expect(resolveAppPath(root, url), url).not.toBe(path.join(base, 'outside.txt'));
      expect(resolveAppPath(root, url), url).not.toBe(
        path.join(base, 'renderer-secrets', 'key.txt'),
      );
    }
    expect(resolveAppPath(root, 'app://corroborate/..%2frenderer-secrets/key.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://corroborate/..%2f..%2foutside.txt')).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  it('serves files with their MIME type and the CSP header', async () => {
    const handler = createAppProtocolHandler(root);
    const response = await handler(new Request('app://corroborate/assets/seed%20one.txt'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(seedText);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const html = await handler(new Request(APP_ENTRY_URL));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<title>Corroborate</title>');
  });

  it('answers 404 for missing files and traversal, 405 for writes', async () => {
    const handler = createAppProtocolHandler(root);
    expect((await handler(new Request('app://corroborate/missing.js'))).status).toBe(404);
    const escape = await handler(new Request('app://corroborate/..%2foutside.txt'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('secret');
    expect((await handler(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });

  it('knows the types Vite emits', () => {
    expect(mimeTypeFor('assets/index-abc.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('assets/index-abc.CSS')).toMatch(/^text\/css/);
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('blob.bin')).toBe('application/octet-stream');
  });
});
