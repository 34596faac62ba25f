/** IPC handlers that reach the web: open a link in the system browser, fetch a page to import. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import { IpcValidationError } from '../shared/ipc/validate';
import { fetchUrl } from './fetchUrl';
import { handle, isTrustedSender } from './ipcHandle';
import { isSafeExternalUrl } from './security';

export interface WebHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  openExternal: (url: string) => Promise<unknown>;
  fetch?: typeof fetchUrl;
  trust?: (event: IpcMainInvokeEvent) => boolean;
}

function oneString(args: readonly unknown[], channel: string): [string] {
  if (args.length !== 1 || typeof args[0] !== 'string' || args[0].length > 4096)
    throw new IpcValidationError(`${channel}: expected one address string`);
  return [args[0]];
}

export function registerWebHandlers({
  ipcMain,
  openExternal,
  fetch = fetchUrl,
  trust = isTrustedSender,
}: WebHandlerDeps): void {
  handle(
    ipcMain,
    IPC_CHANNELS.openExternal,
    (args) => oneString(args, IPC_CHANNELS.openExternal),
    async (_event, url) => {
      // Only plain http(s) addresses reach the system browser; never file:, javascript: etc.
      if (!isSafeExternalUrl(url)) return { opened: false };
      await openExternal(url);
      return { opened: true };
    },
    trust,
  );
  handle(
    ipcMain,
    IPC_CHANNELS.fetchUrl,
    (args) => oneString(args, IPC_CHANNELS.fetchUrl),
    async (_event, url) => fetch(url),
    trust,
  );
}
