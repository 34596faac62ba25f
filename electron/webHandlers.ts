/** IPC handler that reaches the web: fetch a page to import (links open via externalLinks.ts). */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import { IpcValidationError } from '../shared/ipc/validate';
import { fetchUrl } from './fetchUrl';
import { handle, isTrustedSender } from './ipcHandle';

export interface WebHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
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
  fetch = fetchUrl,
  trust = isTrustedSender,
}: WebHandlerDeps): void {
  handle(
    ipcMain,
    IPC_CHANNELS.fetchUrl,
    (args) => oneString(args, IPC_CHANNELS.fetchUrl),
    async (_event, url) => fetch(url),
    trust,
  );
}
