/**
 * Test helpers: real servers on loopback ports, real providers over real WebSockets, and a
 * throwaway redis-server. Used by server tests and the sync benches.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export function tempDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), 'corroborate-server-')), 'server.sqlite');
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves when the first sync finishes; rejects with the reason if authentication fails. */
  ready: Promise<void>;
  close(): void;
}

export function connect(url: string, story: string, token: string, doc = new Y.Doc()): Client {
  let settle!: { ok: () => void; fail: (e: Error) => void };
  const ready = new Promise<void>((ok, fail) => (settle = { ok, fail }));
  // Node 20 has no global WebSocket: hand the provider the `ws` one.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: story,
    token,
    document: doc,
    onSynced: () => settle.ok(),
    onAuthenticationFailed: ({ reason }) => settle.fail(new Error(`refused: ${reason}`)),
  });
  // A provider given its socket does not attach itself.
  provider.attach();
  return {
    doc,
    provider,
    ready,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function redisAvailable(): boolean {
  return spawnSync('which', ['redis-server']).status === 0;
}

/** Starts redis-server on 127.0.0.1:port without persistence; resolves once it accepts. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`redis-server exited ${code}: ${out}`)));
  });
  return child;
}
