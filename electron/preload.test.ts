import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEYS, IPC_CHANNELS, MENU_COMMANDS } from '../shared/ipc/contract';
import type { CorroborateBridge, MenuCommand } from '../shared/ipc/contract';

// The real 'electron' package would try to download its binary; the preload only needs these.
const electron = vi.hoisted(() => {
  type Relay = (event: unknown, ...args: unknown[]) => void;
  const listeners = new Map<string, Set<Relay>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
      on: vi.fn((channel: string, fn: Relay) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(fn);
      }),
      removeListener: vi.fn((channel: string, fn: Relay) => listeners.get(channel)?.delete(fn)),
    },
    emit(channel: string, ...args: unknown[]) {
      for (const fn of listeners.get(channel) ?? []) fn({ sender: 'ipc-event' }, ...args);
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

async function loadExposedBridge(): Promise<CorroborateBridge> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('./preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('corroborate');
  return bridge as CorroborateBridge;
}

beforeEach(() => {
  electron.listeners.clear();
  electron.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes exactly the contract keys as window.corroborate', async () => {
    const bridge = await loadExposedBridge();
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_KEYS].sort());
    expect(bridge.platform).toBe('electron');
    for (const key of BRIDGE_KEYS.filter((k) => k !== 'platform')) {
      expect(typeof bridge[key]).toBe('function');
    }
  });

  it('forwards openFiles and saveFile to their invoke channels unchanged', async () => {
    const bridge = await loadExposedBridge();
    const openReq = { title: 'Import', filters: [], multiple: true, maxBytes: 1000 };
    const saveReq = { title: 'Save', suggestedName: 'a.zip', filters: [], data: 'x' };
    await expect(bridge.openFiles(openReq)).resolves.toEqual({
      channel: IPC_CHANNELS.openFiles,
      args: [openReq],
    });
    await expect(bridge.saveFile(saveReq)).resolves.toEqual({
      channel: IPC_CHANNELS.saveFile,
      args: [saveReq],
    });
  });

  it('relays valid menu commands (without the IPC event), drops others, and unsubscribes', async () => {
    const bridge = await loadExposedBridge();
    const received: unknown[][] = [];
    const off = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    for (const cmd of MENU_COMMANDS) electron.emit(IPC_CHANNELS.menuCommand, cmd);
    electron.emit(IPC_CHANNELS.menuCommand, 'rm -rf');
    electron.emit(IPC_CHANNELS.menuCommand, { cmd: 'undo' });
    expect(received).toEqual(MENU_COMMANDS.map((cmd) => [cmd]));

    off();
    electron.emit(IPC_CHANNELS.menuCommand, 'undo' satisfies MenuCommand);
    expect(received).toHaveLength(MENU_COMMANDS.length);
    expect(electron.listeners.get(IPC_CHANNELS.menuCommand)?.size).toBe(0);
  });

  it('fetchUrl relays only its own progress, as plain numbers, and stops listening after', async () => {
    const bridge = await loadExposedBridge();
    const seen: unknown[] = [];
    let finish!: (v: { channel: string; args: unknown[] }) => void;
    electron.ipcRenderer.invoke.mockImplementationOnce(
      () => new Promise((resolve) => (finish = resolve)),
    );
    const pending = bridge.fetchUrl({ url: 'https://a.example/', id: 'f1' }, (p) => seen.push(p));
    electron.emit(IPC_CHANNELS.fetchProgress, { id: 'f1', received: 10, total: 100 });
    electron.emit(IPC_CHANNELS.fetchProgress, { id: 'other', received: 50, total: 100 });
    electron.emit(IPC_CHANNELS.fetchProgress, { id: 'f1', received: 'x', total: 100 });
    electron.emit(IPC_CHANNELS.fetchProgress, { id: 'f1', received: 20, total: null, extra: 1 });
    finish({ channel: IPC_CHANNELS.fetchUrl, args: [] });
    await pending;
    expect(seen).toEqual([
      { id: 'f1', received: 10, total: 100 },
      { id: 'f1', received: 20, total: null },
    ]);
    expect(electron.listeners.get(IPC_CHANNELS.fetchProgress)?.size).toBe(0);
    await bridge.cancelFetch('f1');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.cancelFetch, 'f1');
  });

  it('hands the page no ipcRenderer, channel names or Node objects', async () => {
    const bridge = await loadExposedBridge();
    const values = Object.values(bridge) as unknown[];
    expect(values).not.toContain(electron.ipcRenderer);
    expect(JSON.stringify(bridge)).not.toContain('corroborate:');
  });
});
