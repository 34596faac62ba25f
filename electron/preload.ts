/**
 * The sandboxed preload (bundled to dist-electron/preload.cjs). A sandboxed preload may require
 * only 'electron' (a reduced module), so this file imports nothing else at runtime but the
 * contract, which esbuild inlines. It exposes exactly `CorroborateBridge` as
 * `window.corroborate`; no ipcRenderer, channel names or Node objects reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, isFetchProgress, isMenuCommand } from '../shared/ipc/contract';
import type {
  CorroborateBridge,
  FetchProgress,
  FetchUrlRequest,
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
  async fetchUrl(req: FetchUrlRequest, onProgress?: (progress: FetchProgress) => void) {
    // Progress of this fetch only (by its id), as plain numbers: never the IPC event.
    const relay = (_event: IpcRendererEvent, p: unknown) => {
      if (isFetchProgress(p) && p.id === req.id)
        onProgress?.({ id: p.id, received: p.received, total: p.total });
    };
    if (onProgress) ipcRenderer.on(IPC_CHANNELS.fetchProgress, relay);
    try {
      return await invoke(IPC_CHANNELS.fetchUrl, req);
    } finally {
      if (onProgress) ipcRenderer.removeListener(IPC_CHANNELS.fetchProgress, relay);
    }
  },
  cancelFetch: (id) => invoke(IPC_CHANNELS.cancelFetch, id),
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
