import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import { confirmOptions, registerExternalLinkHandler } from './externalLinks';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup(response: number, trusted = true) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((ch: string, fn: Handler) => handlers.set(ch, fn)) };
  const showMessageBox = vi.fn(() => Promise.resolve({ response, checkboxChecked: false }));
  const openExternal = vi.fn(() => Promise.resolve());
  registerExternalLinkHandler({
    ipcMain,
    dialog: { showMessageBox } as never,
    openExternal,
    windowFor: () => null,
    trust: () => trusted,
  });
  const call = (...args: unknown[]) =>
    handlers.get(IPC_CHANNELS.openLink)!({} as IpcMainInvokeEvent, ...args);
  return { call, showMessageBox, openExternal };
}

describe('openLink: links leave the app only after the editor sees the address and confirms', () => {
  it('shows the full address and opens it when the editor chooses "Open in browser"', async () => {
    const url = 'https://www.latimes.com/local/la-me-ice-raids-20170928-story.html';
    const s = setup(0);
    await expect(s.call({ url })).resolves.toEqual({ opened: true, refused: null });
    expect(s.showMessageBox).toHaveBeenCalledWith(confirmOptions(url));
    expect(confirmOptions(url).detail).toBe(url);
    expect(confirmOptions(url).defaultId).toBe(confirmOptions(url).cancelId);
    expect(s.openExternal.mock.calls).toEqual([[url]]);
  });

  it('opens nothing when the editor cancels', async () => {
    const s = setup(1);
    await expect(s.call({ url: 'https://example.com/' })).resolves.toEqual({
      opened: false,
      refused: 'declined',
    });
    expect(s.openExternal).not.toHaveBeenCalled();
  });

  it('refuses anything but plain http(s) without even asking', async () => {
    const s = setup(0);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pw@example.com/',
    ]) {
      await expect(s.call({ url })).resolves.toEqual({ opened: false, refused: 'unsafe' });
    }
    expect(s.showMessageBox).not.toHaveBeenCalled();
    expect(s.openExternal).not.toHaveBeenCalled();
  });

  it('refuses malformed requests and calls from untrusted frames', async () => {
    const s = setup(0);
    await expect(s.call('https://example.com/')).rejects.toThrow(/expected an object/);
    await expect(s.call({ url: 'https://example.com/', extra: 1 })).rejects.toThrow(
      /unexpected field/,
    );
    await expect(s.call({ url: 1 })).rejects.toThrow(/expected a string/);
    const untrusted = setup(0, false);
    await expect(untrusted.call({ url: 'https://example.com/' })).rejects.toThrow(
      /untrusted frame/,
    );
    expect(untrusted.openExternal).not.toHaveBeenCalled();
  });
});
