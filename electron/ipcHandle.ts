/**
 * Typed wrappers over ipcMain.handle / webContents.send, keyed by the channel maps in
 * shared/ipc/contract.ts. Every handler states how its raw arguments are parsed, and refuses
 * calls from any frame that is not the app's own page.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type {
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  SendArgs,
  SendChannel,
} from '../shared/ipc/contract';
import { APP_ORIGIN, originOf } from './appProtocol';

export type ParseArgs<C extends InvokeChannel> = (args: readonly unknown[]) => InvokeArgs<C>;
export type Handler<C extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
  ...args: InvokeArgs<C>
) => Promise<InvokeResult<C>>;

/** True when the call comes from a frame of the app origin (not a stray or injected frame). */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  appOrigin: string = APP_ORIGIN,
): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && originOf(url) === appOrigin;
}

export function handle<C extends InvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  parse: ParseArgs<C>,
  handler: Handler<C>,
  trust: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): void {
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    if (!trust(event)) throw new Error(`${channel}: refused call from an untrusted frame`);
    return handler(event, ...parse(raw));
  });
}

export function send<C extends SendChannel>(
  contents: Pick<WebContents, 'send'>,
  channel: C,
  ...args: SendArgs<C>
): void {
  contents.send(channel, ...args);
}
