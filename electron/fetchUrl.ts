/**
 * Fetches one web page (or PDF/Word document) for import, in the main process where CORS does
 * not apply. Deliberately narrow: http/https only, no credentials in the address, no cookies
 * (Node's fetch keeps none and we send none), at most MAX_REDIRECTS redirects each re-checked,
 * a total time limit and a byte limit enforced while streaming. Progress (bytes received, of
 * Content-Length when the site sends one) is reported while the body streams, and the editor's
 * Cancel aborts the request at once (`signal`). The bytes then take the same decoding and
 * sanitising path as an imported file.
 */
import type { FetchUrlResult } from '../shared/ipc/contract';

export interface FetchControl {
  /** The editor's Cancel: aborts the request (or the body) wherever it is. */
  signal?: AbortSignal;
  /** Bytes received so far, and the declared size (Content-Length) or null when unknown. */
  onProgress?: (received: number, total: number | null) => void;
}

export const FETCH_CANCELLED: FetchUrlResult = {
  ok: false,
  reason: 'the download was cancelled',
  cancelled: true,
};

export const FETCH_LIMITS = {
  /** Same as the largest importable document (a PDF); pages are far smaller. */
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
};

const ACCEPTED_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

export function checkAddress(raw: string): { url: URL } | { reason: string } {
  if (typeof raw !== 'string' || raw.trim() === '') return { reason: 'no address was given' };
  if (raw.length > 2048) return { reason: 'the address is longer than 2,048 characters' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { reason: `“${raw.trim()}” is not a web address (it should start with https://)` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { reason: `only http:// and https:// addresses can be opened, not ${url.protocol}` };
  if (url.username || url.password)
    return { reason: 'addresses with a user name or password are not opened' };
  return { url };
}

export async function fetchUrl(
  raw: string,
  limits = FETCH_LIMITS,
  fetchImpl: typeof fetch = fetch,
  { signal, onProgress }: FetchControl = {},
): Promise<FetchUrlResult> {
  const checked = checkAddress(raw);
  if ('reason' in checked) return { ok: false, reason: checked.reason };
  if (signal?.aborted) return FETCH_CANCELLED;
  let url = checked.url;
  // One controller stops the request for either reason; `signal.aborted` tells which it was.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetchImpl(url.href, {
        redirect: 'manual',
        credentials: 'omit',
        signal: controller.signal,
        headers: {
          'User-Agent': 'Corroborate/0.1 (article import)',
          Accept:
            'text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5',
        },
      });
      if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (!location)
          return { ok: false, reason: `the site answered ${res.status} without a target` };
        if (hop >= limits.maxRedirects)
          return {
            ok: false,
            reason: `the site redirected more than ${limits.maxRedirects} times`,
          };
        const next = checkAddress(new URL(location, url).href);
        if ('reason' in next)
          return { ok: false, reason: `it redirects elsewhere: ${next.reason}` };
        url = next.url;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return {
          ok: false,
          reason: `the site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        };
      }
      const contentType = (res.headers.get('content-type') ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (contentType && !ACCEPTED_TYPES.includes(contentType)) {
        await res.body?.cancel();
        return { ok: false, reason: `it is ${contentType}, not a web page or document` };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        return { ok: false, reason: tooLarge(limits.maxBytes) };
      }
      const total = Number.isFinite(declared) && declared > 0 ? declared : null;
      onProgress?.(0, total);
      const bytes = await readCapped(res, limits.maxBytes, (received) =>
        onProgress?.(received, total),
      );
      if (!bytes) return { ok: false, reason: tooLarge(limits.maxBytes) };
      if (bytes.byteLength === 0) return { ok: false, reason: 'the page is empty' };
      return { ok: true, url: url.href, contentType: contentType || 'text/html', bytes };
    }
  } catch (e) {
    if (signal?.aborted) return FETCH_CANCELLED;
    if (controller.signal.aborted)
      return {
        ok: false,
        reason: `the site did not answer within ${limits.timeoutMs % 1000 === 0 ? `${limits.timeoutMs / 1000} seconds` : `${limits.timeoutMs} ms`}`,
      };
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      reason: `${url.host} could not be reached (${cause ?? (e instanceof Error ? e.message : String(e))}); check the address and your connection`,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

async function readCapped(
  res: Response,
  max: number,
  onChunk: (received: number) => void,
): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
    onChunk(total);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(max: number): string {
  return `the page is larger than ${Math.round(max / (1024 * 1024))} MB`;
}
