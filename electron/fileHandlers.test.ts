import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import type { OpenFilesResult, SaveFileResult } from '../shared/ipc/contract';
import { APP_ENTRY_URL } from './appProtocol';
import { registerFileHandlers } from './fileHandlers';

const seedsDir = new URL('../seeds/', import.meta.url);
const seedNames = readdirSync(seedsDir)
  .filter((n) => n.endsWith('.txt'))
  .sort();

type RawHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corroborate-ipc-'));
  for (const name of seedNames) {
    writeFileSync(path.join(dir, name), readFileSync(new URL(name, seedsDir)));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(dialogResult: { open?: string[]; save?: string }) {
  const handlers = new Map<string, RawHandler>();
  const ipcMain = { handle: (channel: string, h: RawHandler) => handlers.set(channel, h) };
  const dialog = {
    showOpenDialog: vi.fn(async (_win: unknown, _options: unknown) => ({
      canceled: !dialogResult.open,
      filePaths: dialogResult.open ?? [],
    })),
    showSaveDialog: vi.fn(async (_win: unknown, _options: unknown) => ({
      canceled: !dialogResult.save,
      filePath: dialogResult.save ?? '',
    })),
  };
  const win = {} as BrowserWindow;
  registerFileHandlers({
    ipcMain: ipcMain as never,
    dialog: dialog as never,
    windowFor: () => win,
    defaultSaveDir: dir,
  });
  const invoke = (channel: string, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: { url: APP_ENTRY_URL } } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  };
  const invokeFrom = (url: string, channel: string, ...args: unknown[]) =>
    handlers.get(channel)?.({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, ...args);
  return { handlers, dialog, win, invoke, invokeFrom };
}

const openReq = {
  title: 'Import articles',
  filters: [{ name: 'Text', extensions: ['txt'] }],
  multiple: true,
  maxBytes: 3000,
};

describe('openFiles handler', () => {
  it('registers exactly the invoke channels of the contract', () => {
    const { handlers } = setup({});
    expect([...handlers.keys()].sort()).toEqual(
      [IPC_CHANNELS.openFiles, IPC_CHANNELS.saveFile].sort(),
    );
  });

  it('returns base names and bytes, refusing files above maxBytes', async () => {
    const paths = seedNames.map((n) => path.join(dir, n));
    const { invoke, dialog, win } = setup({ open: paths });
    const result = (await invoke(IPC_CHANNELS.openFiles, openReq)) as OpenFilesResult;
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Import articles',
      filters: [{ name: 'Text', extensions: ['txt'] }],
      properties: ['openFile', 'multiSelections'],
    });
    expect(result.canceled).toBe(false);
    expect(result.files.map((f) => f.name)).toEqual(seedNames);
    for (const [i, file] of result.files.entries()) {
      const size = readFileSync(paths[i] ?? '').length;
      expect(file.size).toBe(size);
      expect(file.bytes === null).toBe(size > openReq.maxBytes);
      expect(JSON.stringify({ ...file, bytes: null })).not.toContain(dir);
    }
    // The seeds straddle the 3000-byte limit, so both outcomes are exercised.
    expect(result.files.some((f) => f.bytes === null)).toBe(true);
    expect(result.files.some((f) => f.bytes !== null)).toBe(true);
  });

  it('reports cancel and single selection', async () => {
    expect(await setup({}).invoke(IPC_CHANNELS.openFiles, openReq)).toEqual({
      canceled: true,
      files: [],
    });
    const paths = seedNames.map((n) => path.join(dir, n));
    const { invoke, dialog } = setup({ open: paths });
    const single = (await invoke(IPC_CHANNELS.openFiles, {
      ...openReq,
      multiple: false,
    })) as OpenFilesResult;
    expect(dialog.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ properties: ['openFile'] });
    expect(single.files).toHaveLength(1);
  });

  it('refuses invalid arguments before opening a dialog', async () => {
    const { invoke, dialog } = setup({ open: [path.join(dir, seedNames[0] ?? '')] });
    await expect(invoke(IPC_CHANNELS.openFiles, { ...openReq, maxBytes: -5 })).rejects.toThrow(
      /maxBytes/,
    );
    await expect(invoke(IPC_CHANNELS.openFiles, openReq, 'extra')).rejects.toThrow(/one argument/);
    await expect(invoke(IPC_CHANNELS.openFiles)).rejects.toThrow(/one argument/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses calls from frames outside the app origin', async () => {
    const { invokeFrom, dialog } = setup({ open: [path.join(dir, seedNames[0] ?? '')] });
    await expect(
      invokeFrom('https://evil.example/', IPC_CHANNELS.openFiles, openReq),
    ).rejects.toThrow(/untrusted/);
    await expect(invokeFrom('app://evil/', IPC_CHANNELS.openFiles, openReq)).rejects.toThrow(
      /untrusted/,
    );
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('saveFile handler', () => {
  const seedText = readFileSync(new URL(seedNames[1] ?? '', seedsDir), 'utf8');
  const saveReq = {
    title: 'Export',
    suggestedName: 'claims.csv',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: seedText,
  };

  it('writes the data where the user chose and returns only the base name', async () => {
    const target = path.join(dir, 'chosen-name.csv');
    const { invoke, dialog, win } = setup({ save: target });
    const result = (await invoke(IPC_CHANNELS.saveFile, saveReq)) as SaveFileResult;
    expect(result).toEqual({ canceled: false, name: 'chosen-name.csv' });
    expect(readFileSync(target, 'utf8')).toBe(seedText);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, {
      title: 'Export',
      defaultPath: path.join(dir, 'claims.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('writes bytes unchanged', async () => {
    const target = path.join(dir, 'bundle.bin');
    const bytes = new Uint8Array(readFileSync(new URL(seedNames[4] ?? '', seedsDir)));
    const { invoke } = setup({ save: target });
    await invoke(IPC_CHANNELS.saveFile, { ...saveReq, data: bytes });
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
  });

  it('reports cancel and refuses a suggested name with a directory', async () => {
    expect(await setup({}).invoke(IPC_CHANNELS.saveFile, saveReq)).toEqual({
      canceled: true,
      name: null,
    });
    const { invoke, dialog } = setup({ save: path.join(dir, 'x.csv') });
    await expect(
      invoke(IPC_CHANNELS.saveFile, { ...saveReq, suggestedName: '../../.bashrc' }),
    ).rejects.toThrow(/suggestedName/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
