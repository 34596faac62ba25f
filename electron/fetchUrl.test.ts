import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkAddress, fetchUrl, FETCH_LIMITS } from './fetchUrl';

// A real local HTTP server (127.0.0.1, issue-8's port range) serving the saved news page.
const PORT = 47801;
const BASE = `http://127.0.0.1:${PORT}`;
const page = readFileSync(resolve('renderer/features/library/fixtures/news-page.html'));
let server: Server;
const seenCookies: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seenCookies.push(req.headers.cookie);
    const path = req.url ?? '/';
    if (path === '/story') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'id=1' });
      res.end(page);
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { Location: n > 0 ? `/hop/${n - 1}` : '/story' });
      res.end();
    } else if (path === '/to-file') {
      res.writeHead(301, { Location: 'file:///etc/passwd' });
      res.end();
    } else if (path === '/big') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(Buffer.alloc(2048, 0x61));
    } else if (path === '/slow') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<p>partial');
      // Never ends: the time limit must stop it.
    } else if (path === '/image') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50]));
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('fetchUrl (main process)', () => {
  it('fetches a page and follows redirects, sending no cookies', async () => {
    const r = await fetchUrl(`${BASE}/hop/2`);
    expect(r).toMatchObject({ ok: true, url: `${BASE}/story`, contentType: 'text/html' });
    if (r.ok) expect(Buffer.from(r.bytes).equals(page)).toBe(true);
    await fetchUrl(`${BASE}/story`);
    expect(seenCookies.every((c) => c === undefined)).toBe(true);
  });

  it('caps redirects, re-checks their targets, and reports HTTP errors', async () => {
    expect(await fetchUrl(`${BASE}/hop/9`)).toEqual({
      ok: false,
      reason: `the site redirected more than ${FETCH_LIMITS.maxRedirects} times`,
    });
    expect(await fetchUrl(`${BASE}/to-file`)).toMatchObject({
      ok: false,
      reason: /only http:\/\/ and https:\/\/ addresses/,
    });
    expect(await fetchUrl(`${BASE}/missing`)).toEqual({
      ok: false,
      reason: 'the site answered 404 Not Found',
    });
    expect(await fetchUrl(`${BASE}/image`)).toMatchObject({ ok: false, reason: /image\/png/ });
  });

  it('enforces the size and time limits', async () => {
    expect(await fetchUrl(`${BASE}/big`, { ...FETCH_LIMITS, maxBytes: 1024 })).toMatchObject({
      ok: false,
      reason: /larger than/,
    });
    expect(await fetchUrl(`${BASE}/slow`, { ...FETCH_LIMITS, timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'the site did not answer within 300 ms',
    });
  });

  it('refuses other schemes and credentials before any request', () => {
    expect(checkAddress('file:///etc/passwd')).toMatchObject({ reason: /not file:/ });
    expect(checkAddress('javascript:alert(1)')).toMatchObject({ reason: /not javascript:/ });
    expect(checkAddress('https://user:pw@example.com/')).toMatchObject({ reason: /password/ });
    expect(checkAddress('not a url')).toMatchObject({ reason: /not a web address/ });
  });
});
