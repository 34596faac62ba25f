// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CorroborateBridge, FetchProgress, FetchUrlRequest } from '../../shared/ipc/contract';
import { electronPlatform } from './platform';

/** A bridge whose fetch reports progress, then waits until main is told to cancel it. */
function slowBridge() {
  const calls = { fetched: [] as FetchUrlRequest[], cancelled: [] as string[] };
  const stops = new Map<string, () => void>();
  const bridge = {
    async fetchUrl(req: FetchUrlRequest, onProgress?: (p: FetchProgress) => void) {
      calls.fetched.push(req);
      onProgress?.({ id: req.id, received: 4096, total: 65536 });
      await new Promise<void>((resolve) => stops.set(req.id, resolve));
      return { ok: false as const, reason: 'the download was cancelled', cancelled: true as const };
    },
    async cancelFetch(id: string) {
      calls.cancelled.push(id);
      stops.get(id)?.();
    },
  } as unknown as CorroborateBridge;
  return { bridge, calls };
}

describe('desktop platform: fetching a web address', () => {
  it('relays progress and cancels, in main, exactly the fetch it started', async () => {
    const { bridge, calls } = slowBridge();
    const controller = new AbortController();
    const seen: [number, number | null][] = [];
    const pending = electronPlatform(bridge).fetchUrl('https://a.example/', {
      signal: controller.signal,
      onProgress: (received, total) => seen.push([received, total]),
    });
    await Promise.resolve();
    expect(seen).toEqual([[4096, 65536]]);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, cancelled: true });
    expect(calls.fetched).toHaveLength(1);
    expect(calls.fetched[0]!.url).toBe('https://a.example/');
    expect(calls.cancelled).toEqual([calls.fetched[0]!.id]);
  });

  it('gives each fetch its own id, and a cancel before the start sends no request', async () => {
    const { bridge, calls } = slowBridge();
    const p = electronPlatform(bridge);
    expect(await p.fetchUrl('https://b.example/', { signal: AbortSignal.abort() })).toMatchObject({
      cancelled: true,
    });
    expect(calls.fetched).toEqual([]);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const one = p.fetchUrl('https://c.example/', { signal: c1.signal });
    const two = p.fetchUrl('https://d.example/', { signal: c2.signal });
    c1.abort();
    c2.abort();
    await Promise.all([one, two]);
    expect(new Set(calls.fetched.map((r) => r.id)).size).toBe(2);
  });
});
