import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp';
import { APP_ENTRY_URL } from './appProtocol';
import {
  installSessionSecurity,
  installWebContentsSecurity,
  isAllowedRequest,
  isSafeExternalUrl,
  withContentSecurityPolicy,
} from './security';

type Listener = (...args: never[]) => unknown;

/** A stand-in Session that records the handlers installSessionSecurity registers. */
function fakeSession() {
  const handlers: Record<string, Listener | null> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener | null) => (handlers.request = h),
    setPermissionCheckHandler: (h: Listener | null) => (handlers.check = h),
    webRequest: {
      onBeforeRequest: (h: Listener) => (handlers.beforeRequest = h),
      onHeadersReceived: (h: Listener) => (handlers.headers = h),
    },
  };
  return { session: session as unknown as Session, handlers };
}

function call<T>(handler: Listener | null | undefined, ...args: unknown[]): T {
  if (!handler) throw new Error('handler not installed');
  return (handler as (...a: unknown[]) => T)(...args);
}

/** A stand-in WebContents: an EventEmitter plus setWindowOpenHandler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
  });
  const emit = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as WebContents,
    emitPrevented: emit,
    open: (url: string) => {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

describe('installSessionSecurity', () => {
  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    installSessionSecurity(session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      call(handlers.request, {}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(call(handlers.check, {}, permission, 'app://corroborate', {})).toBe(false);
    }
  });

  it('applies the CSP header to every response, replacing any other policy', () => {
    const { session, handlers } = fakeSession();
    installSessionSecurity(session);
    const callback = vi.fn();
    call(
      handlers.headers,
      {
        url: APP_ENTRY_URL,
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      callback,
    );
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('cancels requests for remote or local-file content and lets app:// through', () => {
    const { session, handlers } = fakeSession();
    installSessionSecurity(session);
    const cancelled = (url: string) => {
      const callback = vi.fn();
      call(handlers.beforeRequest, { url }, callback);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
    expect(cancelled('wss://example.com/socket')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled(APP_ENTRY_URL)).toBe(false);
    expect(cancelled('app://corroborate/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('installWebContentsSecurity', () => {
  it('allows navigation within the app origin and denies everything else', () => {
    const fake = fakeContents();
    installWebContentsSecurity(fake.contents);
    expect(fake.emitPrevented('will-navigate', APP_ENTRY_URL)).toBe(false);
    expect(fake.emitPrevented('will-navigate', 'app://corroborate/index.html#review')).toBe(false);
    expect(fake.emitPrevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(fake.emitPrevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fake.emitPrevented('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(fake.emitPrevented('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fake.emitPrevented('will-redirect', 'https://example.com/')).toBe(true);
  });

  it('blocks <webview> attachment', () => {
    const fake = fakeContents();
    installWebContentsSecurity(fake.contents);
    expect(fake.emitPrevented('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('denies every new window and never opens anything externally by itself', () => {
    const fake = fakeContents();
    installWebContentsSecurity(fake.contents);
    expect(fake.open('https://www.reuters.com/article')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('app://corroborate/index.html')).toEqual({ action: 'deny' });
    expect(fake.open('smb://server/share')).toEqual({ action: 'deny' });
  });
});

describe('URL predicates', () => {
  it('isSafeExternalUrl accepts only credential-free http(s) URLs', () => {
    expect(isSafeExternalUrl('https://example.com/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.com')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('ms-msdt:/id')).toBe(false);
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(2100)}`)).toBe(false);
  });

  it('isAllowedRequest refuses unparsable URLs', () => {
    expect(isAllowedRequest('::not a url')).toBe(false);
  });

  it('withContentSecurityPolicy works without incoming headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
