/**
 * Hardening applied to the default session and to every WebContents (Electron security checklist):
 * CSP on every response, no remote requests at all, no navigation away from the app origin, no new
 * windows, no <webview>, every permission request refused.
 */
import type { Event, OnHeadersReceivedListenerDetails, Session, WebContents } from 'electron';
import { APP_ORIGIN, originOf } from './appProtocol';
import { SyncServerPolicy } from './syncServerPolicy';

/**
 * Schemes the app's pages may load from; everything else (http, https, ws, file, ...) is
 * cancelled, but for the one team sync server origin the editor joined (syncServerPolicy.ts).
 */
const LOADABLE_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

export function isAllowedRequest(
  url: string,
  sync: SyncServerPolicy = new SyncServerPolicy(),
): boolean {
  try {
    return LOADABLE_SCHEMES.has(new URL(url).protocol) || sync.allowsRequest(url);
  } catch {
    return false;
  }
}

/** Navigation is allowed only within the app's own origin (e.g. a reload). */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return originOf(url) === appOrigin;
}

/** Links the editor clicked may open in the system browser only if they are plain http(s). */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === '' &&
      parsed.hostname !== ''
    );
  } catch {
    return false;
  }
}

/** Response headers with our CSP replacing any the response carried (header names vary in case). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  sync: SyncServerPolicy = new SyncServerPolicy(),
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [sync.csp()];
  return result;
}

export function installSessionSecurity(
  session: Session,
  sync: SyncServerPolicy = new SyncServerPolicy(),
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, sync) });
  });
  session.webRequest.onHeadersReceived((details: OnHeadersReceivedListenerDetails, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, sync) });
  });
}

export interface WebContentsSecurityOptions {
  appOrigin?: string;
}

/**
 * No window.open, no navigation away: links leave the app only through the openLink IPC
 * (externalLinks.ts), which shows the address and waits for the editor's confirmation.
 */
export function installWebContentsSecurity(
  contents: WebContents,
  { appOrigin = APP_ORIGIN }: WebContentsSecurityOptions = {},
): void {
  const guardNavigation = (event: Event<{ url: string }>) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
