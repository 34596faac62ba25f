import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from './appProtocol';

// Wiring test for the thin main.ts: every Electron module it touches is a recording fake.
const fake = vi.hoisted(() => {
  const order: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; url?: string; webContents: { send: unknown } }[] = [];
  class BrowserWindow {
    options: unknown;
    url?: string;
    webContents = { send: vi.fn() };
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      order.push(`loadURL ${url}`);
      this.url = url;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
    static getFocusedWindow() {
      return null;
    }
    static getAllWindows() {
      return windows;
    }
  }
  const session = {
    setPermissionRequestHandler: vi.fn(() => order.push('permission request handler')),
    setPermissionCheckHandler: vi.fn(() => order.push('permission check handler')),
    webRequest: {
      onBeforeRequest: vi.fn(() => order.push('request filter')),
      onHeadersReceived: vi.fn(() => order.push('csp header')),
    },
  };
  return {
    order,
    windows,
    appEvents,
    resolveReady,
    ready,
    menuTemplate: [] as { label?: string }[],
    electron: {
      app: {
        isPackaged: false,
        name: 'Corroborate',
        enableSandbox: vi.fn(() => order.push('enableSandbox')),
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        on: (name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn),
        whenReady: () => ready,
        getAppPath: () => '/app',
        getPath: () => '/home/user/Documents',
      },
      BrowserWindow,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
      ipcMain: { handle: vi.fn((channel: string) => order.push(`handle ${channel}`)) },
      Menu: {
        buildFromTemplate: vi.fn((t: unknown) => t),
        setApplicationMenu: vi.fn(() => order.push('menu')),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
        handle: vi.fn((scheme: string) => order.push(`protocol.handle ${scheme}`)),
      },
      session: { defaultSession: session },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => fake.electron);

beforeAll(async () => {
  await import('./main');
  fake.order.push('ready');
  fake.resolveReady();
  await fake.ready;
  // Startup awaits a file read (the saved sync server policy) before it opens the window: wait
  // for the window, not for a fixed tick, which a loaded machine may not honour.
  await vi.waitFor(
    () => {
      if (fake.windows.length === 0) throw new Error('no window yet');
    },
    { timeout: 10_000, interval: 10 },
  );
});

describe('main.ts wiring', () => {
  it('registers the privileged app:// scheme and the sandbox before ready', () => {
    const readyAt = fake.order.indexOf('ready');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      APP_SCHEME_PRIVILEGES,
    ]);
    expect(fake.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(readyAt);
    expect(fake.order.indexOf('enableSandbox')).toBeLessThan(readyAt);
  });

  it('secures the session, serves app://, registers IPC and the menu before loading the page', () => {
    const loadAt = fake.order.indexOf(`loadURL ${APP_ENTRY_URL}`);
    expect(loadAt).toBeGreaterThan(-1);
    for (const step of [
      'permission request handler',
      'permission check handler',
      'request filter',
      'csp header',
      'protocol.handle app',
      `handle ${IPC_CHANNELS.openFiles}`,
      `handle ${IPC_CHANNELS.saveFile}`,
      `handle ${IPC_CHANNELS.openLink}`,
      'menu',
    ]) {
      const at = fake.order.indexOf(step);
      expect(at, step).toBeGreaterThan(fake.order.indexOf('ready'));
      expect(at, step).toBeLessThan(loadAt);
    }
  });

  it('opens one window on the app origin with the security options and the bundled preload', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0];
    expect(win?.url).toBe(APP_ENTRY_URL);
    const options = win?.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    // No remote content: nothing but app:// was ever loaded.
    expect(fake.order.filter((s) => s.startsWith('loadURL'))).toEqual([`loadURL ${APP_ENTRY_URL}`]);
  });

  it('hardens every WebContents as it is created', () => {
    const created = fake.appEvents.get('web-contents-created');
    expect(created).toBeTypeOf('function');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    created?.({}, contents);
    expect(contents.on.mock.calls.map(([name]) => name)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-attach-webview']),
    );
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});
