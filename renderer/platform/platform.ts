import type {
  CorroborateBridge,
  FetchUrlResult,
  MenuCommand,
  OpenFilesRequest,
  OpenFilesResult,
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
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
  /** Opens an address in the system browser; the app window never navigates. */
  openExternal(url: string): Promise<{ opened: boolean }>;
  /** Fetches a web page for import; only the desktop app can (browsers block it: CORS). */
  fetchUrl(url: string): Promise<FetchUrlResult>;
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
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    openExternal: (url) => bridge.openExternal(url),
    fetchUrl: (url) => bridge.fetchUrl(url),
  };
}

export const platform: Platform = window.corroborate
  ? electronPlatform(window.corroborate)
  : browserPlatform();
