/** IPC handlers that reach the web: fetch a page to import (links open via externalLinks.ts). */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type FetchUrlRequest } from '../shared/ipc/contract';
import { IpcValidationError } from '../shared/ipc/validate';
import { FETCH_LIMITS, fetchUrl } from './fetchUrl';
import { handle, isTrustedSender, send } from './ipcHandle';

export interface WebHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  fetch?: typeof fetchUrl;
  trust?: (event: IpcMainInvokeEvent) => boolean;
  /** At most one progress message per this many ms (the last chunk is always sent). */
  progressEveryMs?: number;
}

const ID = /^[\w-]{1,64}$/;

function fetchRequest(args: readonly unknown[]): [FetchUrlRequest] {
  const req = args[0] as Partial<FetchUrlRequest> | null;
  if (
    args.length !== 1 ||
    typeof req !== 'object' ||
    req === null ||
    typeof req.url !== 'string' ||
    req.url.length > 4096 ||
    typeof req.id !== 'string' ||
    !ID.test(req.id)
  )
    throw new IpcValidationError(`${IPC_CHANNELS.fetchUrl}: expected { url, id }`);
  return [{ url: req.url, id: req.id }];
}

function fetchId(args: readonly unknown[]): [string] {
  if (args.length !== 1 || typeof args[0] !== 'string' || !ID.test(args[0]))
    throw new IpcValidationError(`${IPC_CHANNELS.cancelFetch}: expected one fetch id`);
  return [args[0]];
}

export function registerWebHandlers({
  ipcMain,
  fetch = fetchUrl,
  trust = isTrustedSender,
  progressEveryMs = 100,
}: WebHandlerDeps): void {
  // Running fetches by window and id: a window can cancel only its own.
  const running = new Map<string, AbortController>();
  const key = (event: IpcMainInvokeEvent, id: string) => `${event.sender.id}:${id}`;

  handle(
    ipcMain,
    IPC_CHANNELS.fetchUrl,
    fetchRequest,
    async (event, { url, id }) => {
      const k = key(event, id);
      if (running.has(k))
        throw new IpcValidationError(`${IPC_CHANNELS.fetchUrl}: fetch ${id} is already running`);
      const controller = new AbortController();
      running.set(k, controller);
      let sentAt = -Infinity;
      const onProgress = (received: number, total: number | null) => {
        const now = Date.now();
        if (now - sentAt < progressEveryMs && received !== total) return;
        sentAt = now;
        if (!event.sender.isDestroyed())
          send(event.sender, IPC_CHANNELS.fetchProgress, { id, received, total });
      };
      try {
        return await fetch(url, FETCH_LIMITS, undefined, { signal: controller.signal, onProgress });
      } finally {
        running.delete(k);
      }
    },
    trust,
  );
  handle(
    ipcMain,
    IPC_CHANNELS.cancelFetch,
    fetchId,
    async (event, id) => {
      running.get(key(event, id))?.abort();
    },
    trust,
  );
}
