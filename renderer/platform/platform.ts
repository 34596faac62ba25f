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
  /** Fetches a web page for import; only the desktop app can (browsers block it: CORS). */
  fetchUrl(url: string): Promise<FetchUrlResult>;
  /**
   * Names the team sync server before connecting (null: none). The desktop app then allows
   * exactly that origin in its CSP and request filter; `reload` says the page must reload for
   * its CSP to admit it. Browser mode's CSP is fixed at build time, so nothing changes there.
   */
  allowSyncServer(address: string | null): Promise<AllowSyncServerResult>;
}

declare global {
  interface Window {
    corroborate?: CorroborateBridge;
  }
}

function electronPlatform(bridge: CorroborateBridge): Platform {
  return {
    kind: 'electron',
    openFiles: (req) => bridge.openFiles(req),
    saveFile: (req) => bridge.saveFile(req),
    openLink: (req) => bridge.openLink(req),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    fetchUrl: (url) => bridge.fetchUrl(url),
    allowSyncServer: (address) => bridge.allowSyncServer(address),
  };
}

export const platform: Platform = window.corroborate
  ? electronPlatform(window.corroborate)
  : browserPlatform();
