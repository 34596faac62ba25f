import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, Session } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import { APP_ENTRY_URL, createAppProtocolHandler, withPolicyMeta } from './appProtocol';
import { installSessionSecurity, isAllowedRequest, withContentSecurityPolicy } from './security';
import {
  SyncServerPolicy,
  loadSyncServerPolicy,
  registerSyncServerHandler,
} from './syncServerPolicy';

const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-sync-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const connectSrc = (csp: string) => /connect-src ([^;]*)/.exec(csp)?.[1];

describe('SyncServerPolicy: exactly the configured server origin, nothing else', () => {
  it('allows only ws/wss requests to that scheme, host and port, on any path', () => {
    const policy = new SyncServerPolicy('ws://127.0.0.1:47100');
    expect(policy.allowsRequest('ws://127.0.0.1:47100/')).toBe(true);
    expect(policy.allowsRequest('ws://127.0.0.1:47100/flood?x=1')).toBe(true);
    for (const other of [
      'ws://127.0.0.1:47101/',
      'wss://127.0.0.1:47100/',
      'http://127.0.0.1:47100/',
      'https://127.0.0.1:47100/',
      'ws://127.0.0.2:47100/',
      'ws://localhost:47100/',
      'ws://127.0.0.1/',
      'ws://user:secret@127.0.0.1:47100/',
      'ws://127.0.0.1:47100.evil.example/',
      'not a url',
    ]) {
      expect(policy.allowsRequest(other), other).toBe(false);
    }
  });

  it('compares default ports as Chromium does (wss://host is wss://host:443)', () => {
    const policy = new SyncServerPolicy('wss://Sync.Example.org');
    expect(policy.origin).toBe('wss://sync.example.org:443');
    expect(policy.allowsRequest('wss://sync.example.org/flood')).toBe(true);
    expect(policy.allowsRequest('wss://sync.example.org:443/flood')).toBe(true);
    expect(policy.allowsRequest('ws://sync.example.org/flood')).toBe(false);
    expect(policy.allowsRequest('wss://sync.example.org:8443/flood')).toBe(false);
  });

  it('widens connect-src by that one origin, and by none when no server is set', () => {
    const policy = new SyncServerPolicy();
    expect(policy.csp()).toBe(CONTENT_SECURITY_POLICY);
    expect(policy.allowsRequest('ws://127.0.0.1:47100/')).toBe(false);
    expect(policy.set('ws://127.0.0.1:47100')).toBe(true);
    expect(connectSrc(policy.csp())).toBe("'self' ws://127.0.0.1:47100");
    // Everything but connect-src is untouched.
    expect(policy.csp().replace(/connect-src [^;]*/, '')).toBe(
      CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, ''),
    );
  });

  it('holds one server at a time: a new one replaces the old, null removes it', () => {
    const policy = new SyncServerPolicy('ws://127.0.0.1:47100');
    expect(policy.set('wss://team.example.org:8443')).toBe(true);
    expect(policy.allowsRequest('ws://127.0.0.1:47100/')).toBe(false);
    expect(policy.allowsRequest('wss://team.example.org:8443/')).toBe(true);
    expect(connectSrc(policy.csp())).toBe("'self' wss://team.example.org:8443");
    expect(policy.set('wss://team.example.org:8443/')).toBe(false);
    expect(policy.set(null)).toBe(true);
    expect(policy.allowsRequest('wss://team.example.org:8443/')).toBe(false);
    expect(policy.csp()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses an address that is not one ws/wss origin, saying how to write it', () => {
    const policy = new SyncServerPolicy('ws://127.0.0.1:47100');
    for (const bad of [
      'http://127.0.0.1:47100',
      'ws://*:47100',
      'ws://a b',
      'ws://127.0.0.1:99999',
    ]) {
      expect(() => policy.set(bad), bad).toThrow(/write ws:\/\/host:port/);
    }
    // A refused address leaves the policy as it was.
    expect(policy.origin).toBe('ws://127.0.0.1:47100');
  });
});

describe('the request filter and the CSP follow the policy', () => {
  it('lets the app scheme through, the sync server only while it is allowed', () => {
    const policy = new SyncServerPolicy();
    expect(isAllowedRequest(APP_ENTRY_URL, policy)).toBe(true);
    expect(isAllowedRequest('ws://127.0.0.1:47100/', policy)).toBe(false);
    policy.set('ws://127.0.0.1:47100');
    expect(isAllowedRequest('ws://127.0.0.1:47100/', policy)).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1:47100/', policy)).toBe(false);
    expect(isAllowedRequest('https://example.org/', policy)).toBe(false);
  });

  it('the session filter and CSP header change as soon as main changes the policy', () => {
    const handlers: Record<string, (...a: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      webRequest: {
        onBeforeRequest: (h: never) => (handlers.before = h),
        onHeadersReceived: (h: never) => (handlers.headers = h),
      },
    } as unknown as Session;
    const policy = new SyncServerPolicy();
    installSessionSecurity(session, policy);
    const cancel = (url: string) => {
      let result: { cancel: boolean } | undefined;
      (handlers.before as (d: unknown, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (result = r),
      );
      return result!.cancel;
    };
    const csp = () => {
      let result: { responseHeaders: Record<string, string[]> } | undefined;
      (handlers.headers as (d: unknown, cb: (r: typeof result) => void) => void)(
        { responseHeaders: { 'content-security-policy': ['default-src *'] } },
        (r) => (result = r),
      );
      return result!.responseHeaders['Content-Security-Policy']![0]!;
    };
    expect(cancel('ws://127.0.0.1:47100/flood')).toBe(true);
    expect(csp()).toBe(CONTENT_SECURITY_POLICY);
    policy.set('ws://127.0.0.1:47100');
    expect(cancel('ws://127.0.0.1:47100/flood')).toBe(false);
    expect(cancel('ws://127.0.0.1:47101/flood')).toBe(true);
    expect(connectSrc(csp())).toBe("'self' ws://127.0.0.1:47100");
    expect(withContentSecurityPolicy(undefined, policy)['Content-Security-Policy']).toEqual([
      policy.csp(),
    ]);
  });

  it('index.html is served with the current policy in its header and in its <meta>', async () => {
    const root = path.join(dir, 'renderer');
    rmSync(root, { recursive: true, force: true });
    const built = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'index.html'), withPolicyMeta(built, CONTENT_SECURITY_POLICY));
    const policy = new SyncServerPolicy();
    const handler = createAppProtocolHandler(root, undefined, () => policy.csp());
    policy.set('wss://team.example.org');
    const response = await handler(new Request(APP_ENTRY_URL));
    const expected = policy.csp();
    expect(response.headers.get('content-security-policy')).toBe(expected);
    const html = await response.text();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${expected}"`);
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});

describe('allowSyncServer IPC', () => {
  function setup(policy = new SyncServerPolicy()) {
    let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) | null =
      null;
    const saved: string[] = [];
    const file = path.join(dir, 'sync-server.json');
    registerSyncServerHandler({
      ipcMain: {
        handle: (channel: string, h: typeof handler) => {
          expect(channel).toBe(IPC_CHANNELS.allowSyncServer);
          handler = h;
        },
      } as never,
      policy,
      file,
      save: async (_f, text) => void saved.push(text),
    });
    const invoke = (url: string, ...args: unknown[]) =>
      handler!({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, ...args);
    return { policy, saved, invoke };
  }

  it('widens once (asking for a reload), keeps it across calls, and clears it on leave', async () => {
    const { policy, saved, invoke } = setup();
    await expect(invoke(APP_ENTRY_URL, 'ws://127.0.0.1:47100')).resolves.toEqual({
      origin: 'ws://127.0.0.1:47100',
      reload: true,
    });
    expect(saved).toEqual([JSON.stringify({ origin: 'ws://127.0.0.1:47100' })]);
    await expect(invoke(APP_ENTRY_URL, 'ws://127.0.0.1:47100/')).resolves.toEqual({
      origin: 'ws://127.0.0.1:47100',
      reload: false,
    });
    expect(saved).toHaveLength(1);
    await expect(invoke(APP_ENTRY_URL, null)).resolves.toEqual({ origin: null, reload: false });
    expect(policy.allowsRequest('ws://127.0.0.1:47100/')).toBe(false);
    expect(saved.at(-1)).toBe(JSON.stringify({ origin: null }));
  });

  it('refuses untrusted frames, wrong arguments and non-ws addresses, changing nothing', async () => {
    const { policy, saved, invoke } = setup(new SyncServerPolicy('ws://127.0.0.1:47100'));
    await expect(invoke('https://evil.example/', 'ws://evil.example:1')).rejects.toThrow(
      /untrusted/,
    );
    await expect(invoke(APP_ENTRY_URL, 42)).rejects.toThrow(/expected one address or null/);
    await expect(invoke(APP_ENTRY_URL, 'a', 'b')).rejects.toThrow(/expected one address/);
    await expect(invoke(APP_ENTRY_URL, 'https://evil.example')).rejects.toThrow(
      /not a sync server address/,
    );
    expect(policy.origin).toBe('ws://127.0.0.1:47100');
    expect(saved).toEqual([]);
  });

  it('a relaunch reads the saved origin; a missing or damaged file allows nothing', async () => {
    const file = path.join(dir, 'saved.json');
    writeFileSync(file, JSON.stringify({ origin: 'wss://team.example.org:8443' }));
    expect((await loadSyncServerPolicy(file)).origin).toBe('wss://team.example.org:8443');
    writeFileSync(file, '{ not json');
    expect((await loadSyncServerPolicy(file)).origin).toBeNull();
    writeFileSync(file, JSON.stringify({ origin: 'http://evil.example' }));
    expect((await loadSyncServerPolicy(file)).origin).toBeNull();
    expect((await loadSyncServerPolicy(path.join(dir, 'missing.json'))).origin).toBeNull();
  });
});
