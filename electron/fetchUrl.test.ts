import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkAddress, fetchUrl, FETCH_LIMITS } from './fetchUrl';
import { trickle } from './testing/trickleServer';

// A real local HTTP server (127.0.0.1, issue-8's port range) serving the saved news page.
const PORT = 47801;
const BASE = `http://127.0.0.1:${PORT}`;
const page = readFileSync(resolve('renderer/features/library/fixtures/news-page.html'));
let server: Server;
const seenCookies: (string | undefined)[] = [];
/** Requests whose connection the client closed before the body was sent whole. */
const abandoned: string[] = [];

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
    } else if (path.startsWith('/trickle')) {
      // 16 chunks of 4 KB, 40 ms apart; '/trickle-chunked' without Content-Length.
      trickle(req, res, { chunks: 16, size: 4096, everyMs: 40, declare: path === '/trickle' }, () =>
        abandoned.push(path),
      );
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

describe('fetchUrl progress and Cancel', () => {
  it('reports bytes received of the declared size, chunk by chunk, ending at the total', async () => {
    const seen: [number, number | null][] = [];
    const r = await fetchUrl(`${BASE}/trickle`, FETCH_LIMITS, fetch, {
      onProgress: (received, total) => seen.push([received, total]),
    });
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.bytes.byteLength).toBe(16 * 4096);
    expect(seen[0]).toEqual([0, 16 * 4096]);
    expect(seen.at(-1)).toEqual([16 * 4096, 16 * 4096]);
    // The body arrived over time, not at once: several steps, strictly growing.
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });

  it('reports an unknown total as null when the site sends no Content-Length', async () => {
    const totals = new Set<number | null>();
    const r = await fetchUrl(`${BASE}/trickle-chunked`, FETCH_LIMITS, fetch, {
      onProgress: (_received, total) => totals.add(total),
    });
    expect(r.ok && r.bytes.byteLength).toBe(16 * 4096);
    expect([...totals]).toEqual([null]);
  });

  it('Cancel mid-body aborts the download at once and returns no bytes', async () => {
    const controller = new AbortController();
    const t0 = Date.now();
    const r = await fetchUrl(`${BASE}/trickle`, FETCH_LIMITS, fetch, {
      signal: controller.signal,
      onProgress: (received) => received >= 3 * 4096 && controller.abort(),
    });
    expect(r).toEqual({ ok: false, reason: 'the download was cancelled', cancelled: true });
    // 16 chunks take 640 ms; a cancel after the third returns long before.
    expect(Date.now() - t0).toBeLessThan(500);
    // The server sees the connection dropped before it sent everything.
    await expect.poll(() => abandoned.includes('/trickle')).toBe(true);
  });

  it('a cancel before the request sends nothing', async () => {
    let requests = 0;
    const counting: typeof fetch = (...args) => {
      requests++;
      return fetch(...args);
    };
    const r = await fetchUrl(`${BASE}/story`, FETCH_LIMITS, counting, {
      signal: AbortSignal.abort(),
    });
    expect(r).toMatchObject({ cancelled: true });
    expect(requests).toBe(0);
  });

  it('keeps the size and time limits while reporting progress (and says which stopped it)', async () => {
    const big = await fetchUrl(
      `${BASE}/trickle-chunked`,
      { ...FETCH_LIMITS, maxBytes: 10_000 },
      fetch,
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    expect(big).toEqual({ ok: false, reason: expect.stringMatching(/larger than/) });
    const slow = await fetchUrl(`${BASE}/trickle`, { ...FETCH_LIMITS, timeoutMs: 200 }, fetch, {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(slow).toEqual({ ok: false, reason: 'the site did not answer within 200 ms' });
  });
});
