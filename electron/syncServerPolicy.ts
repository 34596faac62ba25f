/**
 * The one network exception the desktop app makes: the team sync server the editor joined.
 * Everything else stays as security.ts sets it (no remote requests at all). The policy holds at
 * most one origin (scheme, host and port, ws: or wss: only) and gives, from that one value, both
 * the Content-Security-Policy (connect-src) and the request filter's verdict, so the two can
 * never disagree. The origin is kept in the profile, so a relaunched app reconnects under a CSP
 * that already allows it (a page's CSP is fixed when it loads; widening it needs a reload).
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contentSecurityPolicy, syncServerOrigin } from '../shared/ipc/csp';
import { IPC_CHANNELS, type AllowSyncServerResult } from '../shared/ipc/contract';
import { IpcValidationError } from '../shared/ipc/validate';
import { handle, isTrustedSender } from './ipcHandle';

export class SyncServerPolicy {
  private current: string | null = null;

  constructor(origin: string | null = null) {
    if (origin !== null) this.current = syncServerOrigin(origin);
  }

  get origin(): string | null {
    return this.current;
  }

  /** Allows exactly this server (replacing any other); null allows none. Returns whether it changed. */
  set(address: string | null): boolean {
    const next = address === null ? null : syncServerOrigin(address);
    const changed = next !== this.current;
    this.current = next;
    return changed;
  }

  /** The app's CSP with connect-src widened to the allowed origin only. */
  csp(): string {
    return contentSecurityPolicy(this.current);
  }

  /** True for a ws:/wss: request to exactly the allowed origin (any path on it). */
  allowsRequest(url: string): boolean {
    if (this.current === null) return false;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return false;
    if (parsed.username !== '' || parsed.password !== '') return false;
    try {
      return syncServerOrigin(`${parsed.protocol}//${parsed.host}`) === this.current;
    } catch {
      return false;
    }
  }
}

/** The allowed origin as stored in the profile (a missing or damaged file allows nothing). */
export async function loadSyncServerPolicy(file: string): Promise<SyncServerPolicy> {
  try {
    const { origin } = JSON.parse(await readFile(file, 'utf8')) as { origin?: unknown };
    return new SyncServerPolicy(typeof origin === 'string' ? origin : null);
  } catch {
    return new SyncServerPolicy();
  }
}

export interface SyncServerHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  policy: SyncServerPolicy;
  /** Where the origin is kept across launches. */
  file: string;
  save?: (file: string, text: string) => Promise<void>;
  trust?: (event: IpcMainInvokeEvent) => boolean;
}

function parseAddress(args: readonly unknown[]): [string | null] {
  const [address] = args;
  if (args.length !== 1 || (address !== null && typeof address !== 'string')) {
    throw new IpcValidationError(`${IPC_CHANNELS.allowSyncServer}: expected one address or null`);
  }
  if (typeof address === 'string' && address.length > 300) {
    throw new IpcValidationError(`${IPC_CHANNELS.allowSyncServer}: address too long`);
  }
  return [address];
}

/**
 * The renderer asks before connecting (and with null when it leaves the story). A widened policy
 * reaches the page's CSP only on its next load, so the answer says when to reload.
 */
export function registerSyncServerHandler({
  ipcMain,
  policy,
  file,
  save = (f, text) => writeFile(f, text, 'utf8'),
  trust = isTrustedSender,
}: SyncServerHandlerDeps): void {
  handle(
    ipcMain,
    IPC_CHANNELS.allowSyncServer,
    parseAddress,
    async (_event, address): Promise<AllowSyncServerResult> => {
      const widened = address !== null && syncServerOrigin(address) !== policy.origin;
      const changed = policy.set(address);
      if (changed) await save(file, JSON.stringify({ origin: policy.origin }));
      return { origin: policy.origin, reload: widened };
    },
    trust,
  );
}
