/**
 * The only way the app opens anything outside itself: a link the editor clicked in an article.
 * The renderer asks over IPC; main refuses anything but a plain http(s) address, then shows the
 * full address in a native dialog the page cannot draw or click, and opens the system browser
 * only when the editor confirms. window.open and navigation never reach shell.openExternal
 * (security.ts denies them), so a script in a page cannot open a URL by itself.
 */
import type {
  BrowserWindow,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  MessageBoxOptions,
} from 'electron';
import { IPC_CHANNELS, type OpenLinkResult } from '../shared/ipc/contract';
import { IpcValidationError, parseOpenLinkRequest } from '../shared/ipc/validate';
import { handle, isTrustedSender } from './ipcHandle';
import { isSafeExternalUrl } from './security';

export interface ExternalLinkDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  openExternal: (url: string) => Promise<unknown>;
  windowFor: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  trust?: (event: IpcMainInvokeEvent) => boolean;
}

/** The confirmation shown before leaving the app: the address in full, Cancel as default. */
export function confirmOptions(url: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Open link',
    message: 'Open this address in your browser?',
    detail: url,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export function registerExternalLinkHandler({
  ipcMain,
  dialog,
  openExternal,
  windowFor,
  trust = isTrustedSender,
}: ExternalLinkDeps): void {
  let asking = false;
  handle(
    ipcMain,
    IPC_CHANNELS.openLink,
    (args) => {
      if (args.length !== 1)
        throw new IpcValidationError('openLink: expected exactly one argument');
      return [parseOpenLinkRequest(args[0])];
    },
    async (event, req): Promise<OpenLinkResult> => {
      if (!isSafeExternalUrl(req.url)) return { opened: false, refused: 'unsafe' };
      // One question at a time: a page cannot queue up dialogs to wear the editor down.
      if (asking) return { opened: false, refused: 'declined' };
      asking = true;
      try {
        const win = windowFor(event);
        const options = confirmOptions(req.url);
        const { response } = win
          ? await dialog.showMessageBox(win, options)
          : await dialog.showMessageBox(options);
        if (response !== 0) return { opened: false, refused: 'declined' };
        await openExternal(req.url);
        return { opened: true, refused: null };
      } finally {
        asking = false;
      }
    },
    trust,
  );
}
