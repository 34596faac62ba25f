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
  | 'review';

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

export interface CorroborateBridge {
  readonly platform: 'electron';
  openFiles(req: OpenFilesRequest): Promise<OpenFilesResult>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  openLink(req: OpenLinkRequest): Promise<OpenLinkResult>;
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
}

/** The bridge's keys, for tests and the e2e check that nothing else leaks into the page. */
export const BRIDGE_KEYS = [
  'platform',
  'openFiles',
  'saveFile',
  'openLink',
  'onMenuCommand',
] as const;

/** Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeChannelMap {
  [IPC_CHANNELS.openFiles]: { args: [req: OpenFilesRequest]; result: OpenFilesResult };
  [IPC_CHANNELS.saveFile]: { args: [req: SaveFileRequest]; result: SaveFileResult };
  [IPC_CHANNELS.openLink]: { args: [req: OpenLinkRequest]; result: OpenLinkResult };
}

/** One-way channels (main → renderer, `webContents.send` / `ipcRenderer.on`). */
export interface SendChannelMap {
  [IPC_CHANNELS.menuCommand]: [cmd: MenuCommand];
}

export type InvokeChannel = keyof InvokeChannelMap;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannelMap[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannelMap[C]['result'];
export type SendChannel = keyof SendChannelMap;
export type SendArgs<C extends SendChannel> = SendChannelMap[C];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
