import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type FetchProgress } from '../shared/ipc/contract';
import { registerWebHandlers } from './webHandlers';
import { trickle } from './testing/trickleServer';

// The fetch IPC as main registers it, driven like the preload drives it, against a slow local site.
let server: Server;
let base = '';
const abandoned: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) =>
    trickle(req, res, { chunks: 20, size: 2048, everyMs: 30, declare: true }, () =>
      abandoned.push(req.url ?? ''),
    ),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

type Invoke = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Invoke>();
  registerWebHandlers({
    ipcMain: { handle: (channel: string, fn: Invoke) => void handlers.set(channel, fn) },
    trust: () => true,
    progressEveryMs: 0,
  } as unknown as Parameters<typeof registerWebHandlers>[0]);
  const window = (id: number) => {
    const sent: FetchProgress[] = [];
    const event = {
      sender: {
        id,
        isDestroyed: () => false,
        send: (channel: string, p: FetchProgress) => {
          expect(channel).toBe(IPC_CHANNELS.fetchProgress);
          sent.push(p);
        },
      },
    } as unknown as IpcMainInvokeEvent;
    return {
      sent,
      fetch: (...args: unknown[]) => handlers.get(IPC_CHANNELS.fetchUrl)!(event, ...args),
      cancel: (...args: unknown[]) => handlers.get(IPC_CHANNELS.cancelFetch)!(event, ...args),
    };
  };
  return { window };
}

describe('web IPC: fetch with progress and Cancel', () => {
  it('sends the window its fetch’s progress, by id, up to the declared size', async () => {
    const win = setup().window(1);
    const r = await win.fetch({ url: `${base}/a`, id: 'f1' });
    expect(r).toMatchObject({ ok: true });
    expect(win.sent.every((p) => p.id === 'f1' && p.total === 20 * 2048)).toBe(true);
    expect(win.sent.at(-1)!.received).toBe(20 * 2048);
    expect(win.sent.length).toBeGreaterThan(3);
  });

  it('Cancel from the same window aborts the download; another window cannot cancel it', async () => {
    const { window } = setup();
    const win = window(1);
    const other = window(2);
    const pending = win.fetch({ url: `${base}/b`, id: 'f2' });
    await vi.waitFor(() => expect(win.sent.some((p) => p.received >= 4096)).toBe(true));
    await other.cancel('f2');
    await new Promise((r) => setTimeout(r, 100));
    const before = win.sent.at(-1)!.received;
    expect(before).toBeGreaterThan(4096);
    await win.cancel('f2');
    expect(await pending).toEqual({
      ok: false,
      reason: 'the download was cancelled',
      cancelled: true,
    });
    expect(win.sent.at(-1)!.received).toBeLessThan(20 * 2048);
    await vi.waitFor(() => expect(abandoned).toContain('/b'));
  });

  it('validates what the page sends', async () => {
    const win = setup().window(1);
    await expect(win.fetch('https://example.com/')).rejects.toThrow(/expected \{ url, id \}/);
    await expect(win.fetch({ url: 'https://example.com/', id: '../x' })).rejects.toThrow(
      /expected \{ url, id \}/,
    );
    await expect(win.cancel(42)).rejects.toThrow(/expected one fetch id/);
  });
});
