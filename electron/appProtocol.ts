/**
 * The renderer is served from a privileged `app://corroborate/` scheme instead of file:// (loadFile).
 * Why: IndexedDB (Dexie) is keyed by origin, and file:// pages get an opaque/shared origin whose
 * storage Chromium treats inconsistently; a `standard` + `secure` custom scheme gives the app one
 * stable origin, secure-context APIs (crypto.subtle) and a same-origin policy that 'self' in the
 * CSP can name. It also means the renderer can reach nothing outside dist/renderer: every request
 * goes through `resolveAppPath`, which refuses traversal.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'corroborate';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium sees it. Node's (and so the main process's) WHATWG URL reports
 * origin "null" for schemes it does not know, such as app:, so origins are compared via this.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Must be registered before the app's `ready` event (protocol.registerSchemesAsPrivileged).
 * corsEnabled: Vite emits `<script type="module" crossorigin>`, a CORS-mode request that Chromium
 * refuses for schemes not on its CORS list (the same failure module scripts hit on file://).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
  },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under rootDir, or null when the URL is not ours or would leave
 * rootDir (`..`, encoded `%2e%2e` / `%2f` / `%5c`, NUL bytes, absolute paths).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username || url.password || url.port) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

type ReadFile = (filePath: string) => Promise<Uint8Array>;

/**
 * index.html carries the build's CSP in a <meta> too (for browser mode); a page enforces both,
 * so the served copy's meta must state the current policy, or it would keep blocking the sync
 * server the header allows.
 */
export function withPolicyMeta(html: string, policy: string): string {
  return html.replace(
    /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/i,
    (_m, open: string, close: string) => `${open}${policy}${close}`,
  );
}

function securityHeaders(
  contentType: string,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** The protocol.handle callback: serves files from rootDir, 404 for anything else. */
export function createAppProtocolHandler(
  rootDir: string,
  read: ReadFile = readFile,
  /** The CSP of each response (it widens when the editor joins a sync server). */
  policy: () => string = () => CONTENT_SECURITY_POLICY,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: securityHeaders('text/plain; charset=utf-8'),
      });
    }
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) {
      return new Response('Not found', {
        status: 404,
        headers: securityHeaders('text/plain; charset=utf-8'),
      });
    }
    try {
      const csp = policy();
      let body = new Uint8Array(await read(filePath));
      if (mimeTypeFor(filePath).startsWith('text/html')) {
        body = new TextEncoder().encode(withPolicyMeta(new TextDecoder().decode(body), csp));
      }
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: securityHeaders(mimeTypeFor(filePath), csp),
      });
    } catch {
      return new Response('Not found', {
        status: 404,
        headers: securityHeaders('text/plain; charset=utf-8'),
      });
    }
  };
}
