import type {
  AllowSyncServerResult,
  CorroborateBridge,
  FetchUrlResult,
  MenuCommand,
  OpenFilesRequest,
  OpenFilesResult,
  OpenLinkRequest,
  OpenLinkResult,
  SaveFileRequest,
  SaveFileResult,
} from '../../shared/ipc/contract';
import { browserPlatform } from './browserPlatform';

/**
 * The only place the renderer touches the OS. In Electron it is the preload bridge
 * (window.corroborate); in a plain browser, file inputs and downloads. Everything above this
 * module is identical in both modes.
 */
export interface Platform {
  kind: 'electron' | 'browser';
  openFiles(req: OpenFilesRequest): Promise<OpenFilesResult>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * Open a link the editor clicked in an article, in the system browser, after the address is
   * shown and confirmed (by main in Electron). The only way anything leaves the app.
   */
  openLink(req: OpenLinkRequest): Promise<OpenLinkResult>;
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
  /**
   * Fetches a web page for import; only the desktop app can (browsers block it: CORS).
   * `onProgress` gets the bytes received (of the declared size, when known); aborting `signal`
   * stops the download and resolves `{ ok: false, cancelled: true }`.
   */
  fetchUrl(url: string, control?: FetchControl): Promise<FetchUrlResult>;
  /**
   * Names the team sync server before connecting (null: none). The desktop app then allows
   * exactly that origin in its CSP and request filter; `reload` says the page must reload for
   * its CSP to admit it. Browser mode's CSP is fixed at build time, so nothing changes there.
   */
  allowSyncServer(address: string | null): Promise<AllowSyncServerResult>;
}

export interface FetchControl {
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
}

declare global {
  interface Window {
    corroborate?: CorroborateBridge;
  }
}

export function electronPlatform(bridge: CorroborateBridge): Platform {
  return {
    kind: 'electron',
    openFiles: (req) => bridge.openFiles(req),
    saveFile: (req) => bridge.saveFile(req),
    openLink: (req) => bridge.openLink(req),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    async fetchUrl(url, { signal, onProgress } = {}) {
      const id = crypto.randomUUID();
      if (signal?.aborted)
        return { ok: false, reason: 'the download was cancelled', cancelled: true };
      const cancel = () => void bridge.cancelFetch(id);
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        return await bridge.fetchUrl(
          { url, id },
          onProgress && ((p) => onProgress(p.received, p.total)),
        );
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
    allowSyncServer: (address) => bridge.allowSyncServer(address),
  };
}

export const platform: Platform = window.corroborate
  ? electronPlatform(window.corroborate)
  : browserPlatform();
