/**
 * The one declaration of the IPC surface between the Electron main process and the renderer.
 * Main registers handlers through `handle` (electron/ipcHandle.ts) and the preload calls them
 * through `invoke` (electron/preload.ts); both are typed by the maps below, so a channel's
 * argument or result cannot drift between the two sides. The renderer only ever sees
 * `CorroborateBridge` (as `window.corroborate`), never a channel name.
 */

export const IPC_CHANNELS = {
  openFiles: 'corroborate:open-files',
  saveFile: 'corroborate:save-file',
  openLink: 'corroborate:open-link',
  fetchUrl: 'corroborate:fetch-url',
  cancelFetch: 'corroborate:cancel-fetch',
  fetchProgress: 'corroborate:fetch-progress',
  allowSyncServer: 'corroborate:allow-sync-server',
  menuCommand: 'corroborate:menu-command',
} as const;

export type MenuCommand =
  | 'import-files'
  | 'paste-article'
  | 'export-bundle'
  | 'import-bundle'
  | 'undo'
  | 'redo'
  | 'find'
  | 'review'
  | 'open-url';

/** Every MenuCommand, for runtime checks (the preload drops anything else sent on the channel). */
export const MENU_COMMANDS = [
  'import-files',
  'paste-article',
  'export-bundle',
  'import-bundle',
  'undo',
  'redo',
  'find',
  'review',
  'open-url',
] as const satisfies readonly MenuCommand[];

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFilesRequest {
  title: string;
  filters: FileFilter[];
  multiple: boolean;
  maxBytes: number;
}

/** bytes is null when the file was refused (too large/unreadable); error then says why. */
export interface OpenedFile {
  name: string;
  size: number;
  bytes: Uint8Array | null;
  error: string | null;
}

export interface OpenFilesResult {
  canceled: boolean;
  files: OpenedFile[];
}

export interface SaveFileRequest {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
  data: Uint8Array | string;
}

export interface SaveFileResult {
  canceled: boolean;
  name: string | null;
}

/** A web page fetched by the main process for import (http/https only, limited size and time). */
export type FetchUrlResult =
  | {
      ok: true;
      /** The address after redirects. */
      url: string;
      contentType: string;
      bytes: Uint8Array;
    }
  | { ok: false; reason: string; cancelled?: true };

/** One fetch, named by the renderer so that its progress and its Cancel find it. */
export interface FetchUrlRequest {
  url: string;
  /** Unique per fetch within the window (a random UUID); at most 64 characters. */
  id: string;
}

/** Bytes of the body received so far, of `total` (Content-Length) when the site declared it. */
export interface FetchProgress {
  id: string;
  received: number;
  total: number | null;
}

export function isFetchProgress(value: unknown): value is FetchProgress {
  const v = value as Partial<FetchProgress> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.received === 'number' &&
    (v.total === null || typeof v.total === 'number')
  );
}

/** A link the editor clicked in an article; main shows the address again before opening it. */
export interface OpenLinkRequest {
  url: string;
}

export interface OpenLinkResult {
  /** True only when the editor confirmed and the system browser was asked to open it. */
  opened: boolean;
  /** Why it was not opened ('unsafe' = not a plain http(s) address), or null. */
  refused: 'unsafe' | 'declined' | null;
}

/** Main's answer when the renderer names the sync server it is about to connect to. */
export interface AllowSyncServerResult {
  /** The one origin now allowed (normalised ws:/wss: scheme, host and port), or null. */
  origin: string | null;
  /** True when the policy was widened: the page's CSP admits it only after a reload. */
  reload: boolean;
}

export interface CorroborateBridge {
  readonly platform: 'electron';
  openFiles(req: OpenFilesRequest): Promise<OpenFilesResult>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  openLink(req: OpenLinkRequest): Promise<OpenLinkResult>;
  /**
   * Fetches a web page for import (CORS does not apply in main), reporting the bytes received;
   * `cancelFetch(req.id)` aborts it, and it then resolves `{ ok: false, cancelled: true }`.
   */
  fetchUrl(
    req: FetchUrlRequest,
    onProgress?: (progress: FetchProgress) => void,
  ): Promise<FetchUrlResult>;
  cancelFetch(id: string): Promise<void>;
  /**
   * Allows exactly this team sync server (ws:// or wss://) in the CSP and the request filter,
   * replacing any other; null allows none.
   */
  allowSyncServer(address: string | null): Promise<AllowSyncServerResult>;
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
}

/** The bridge's keys, for tests and the e2e check that nothing else leaks into the page. */
export const BRIDGE_KEYS = [
  'platform',
  'openFiles',
  'saveFile',
  'openLink',
  'fetchUrl',
  'cancelFetch',
  'allowSyncServer',
  'onMenuCommand',
] as const;

/** Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeChannelMap {
  [IPC_CHANNELS.openFiles]: { args: [req: OpenFilesRequest]; result: OpenFilesResult };
  [IPC_CHANNELS.saveFile]: { args: [req: SaveFileRequest]; result: SaveFileResult };
  [IPC_CHANNELS.openLink]: { args: [req: OpenLinkRequest]; result: OpenLinkResult };
  [IPC_CHANNELS.fetchUrl]: { args: [req: FetchUrlRequest]; result: FetchUrlResult };
  [IPC_CHANNELS.cancelFetch]: { args: [id: string]; result: void };
  [IPC_CHANNELS.allowSyncServer]: {
    args: [address: string | null];
    result: AllowSyncServerResult;
  };
}

/** One-way channels (main → renderer, `webContents.send` / `ipcRenderer.on`). */
export interface SendChannelMap {
  [IPC_CHANNELS.menuCommand]: [cmd: MenuCommand];
  [IPC_CHANNELS.fetchProgress]: [progress: FetchProgress];
}

export type InvokeChannel = keyof InvokeChannelMap;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannelMap[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannelMap[C]['result'];
export type SendChannel = keyof SendChannelMap;
export type SendArgs<C extends SendChannel> = SendChannelMap[C];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
