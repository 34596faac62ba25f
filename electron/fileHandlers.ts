/** The openFiles/saveFile IPC handlers: dialogs in main, base names and bytes to the renderer. */
import path from 'node:path';
import type {
  BrowserWindow,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import type { OpenFilesResult, SaveFileResult } from '../shared/ipc/contract';
import {
  HARD_MAX_BYTES,
  IpcValidationError,
  parseOpenFilesRequest,
  parseSaveFileRequest,
} from '../shared/ipc/validate';
import { readSelectedFiles, writeFileData } from './fileAccess';
import { handle, isTrustedSender } from './ipcHandle';

export interface FileHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window that made the call, so dialogs are modal to it. */
  windowFor: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  /** Where the save dialog opens (e.g. app.getPath('documents')). */
  defaultSaveDir: string;
  trust?: (event: IpcMainInvokeEvent) => boolean;
}

function single<T>(args: readonly unknown[], parse: (value: unknown) => T, channel: string): T {
  if (args.length !== 1) throw new IpcValidationError(`${channel}: expected exactly one argument`);
  return parse(args[0]);
}

export function registerFileHandlers({
  ipcMain,
  dialog,
  windowFor,
  defaultSaveDir,
  trust = isTrustedSender,
}: FileHandlerDeps): void {
  handle(
    ipcMain,
    IPC_CHANNELS.openFiles,
    (args) => [single(args, parseOpenFilesRequest, IPC_CHANNELS.openFiles)],
    async (event, req): Promise<OpenFilesResult> => {
      const options: OpenDialogOptions = {
        title: req.title,
        filters: req.filters,
        properties: req.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const win = windowFor(event);
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      if (result.canceled || result.filePaths.length === 0) return { canceled: true, files: [] };
      const paths = req.multiple ? result.filePaths : result.filePaths.slice(0, 1);
      return {
        canceled: false,
        files: await readSelectedFiles(paths, req.maxBytes, HARD_MAX_BYTES),
      };
    },
    trust,
  );

  handle(
    ipcMain,
    IPC_CHANNELS.saveFile,
    (args) => [single(args, parseSaveFileRequest, IPC_CHANNELS.saveFile)],
    async (event, req): Promise<SaveFileResult> => {
      const options: SaveDialogOptions = {
        title: req.title,
        defaultPath: path.join(defaultSaveDir, req.suggestedName),
        filters: req.filters,
      };
      const win = windowFor(event);
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { canceled: true, name: null };
      // A failed write rejects the renderer's invoke with the error (disk full, no permission).
      await writeFileData(result.filePath, req.data);
      return { canceled: false, name: path.basename(result.filePath) };
    },
    trust,
  );
}
