/**
 * The sandboxed preload (bundled to dist-electron/preload.cjs). A sandboxed preload may require
 * only 'electron' (a reduced module), so this file imports nothing else at runtime but the
 * contract, which esbuild inlines. It exposes exactly `CorroborateBridge` as
 * `window.corroborate`; no ipcRenderer, channel names or Node objects reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, isMenuCommand } from '../shared/ipc/contract';
import type {
  CorroborateBridge,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  MenuCommand,
} from '../shared/ipc/contract';

function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<C>>;
}

export const bridge = {
  platform: 'electron',
  openFiles: (req) => invoke(IPC_CHANNELS.openFiles, req),
  saveFile: (req) => invoke(IPC_CHANNELS.saveFile, req),
  openLink: (req) => invoke(IPC_CHANNELS.openLink, req),
  fetchUrl: (url) => invoke(IPC_CHANNELS.fetchUrl, url),
  allowSyncServer: (address) => invoke(IPC_CHANNELS.allowSyncServer, address),
  onMenuCommand(listener: (cmd: MenuCommand) => void) {
    // Only known commands pass; the listener never sees the IPC event (it holds `sender`).
    const relay = (_event: IpcRendererEvent, cmd: unknown) => {
      if (isMenuCommand(cmd)) listener(cmd);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, relay);
    };
  },
} satisfies CorroborateBridge;

contextBridge.exposeInMainWorld('corroborate', bridge);
