/**
 * Electron entry (bundled to dist-electron/main.cjs). Deliberately thin: it wires the app
 * lifecycle to the plain, unit-tested modules next to it.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc/contract';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './appProtocol';
import { registerExternalLinkHandler } from './externalLinks';
import { registerFileHandlers } from './fileHandlers';
import { registerWebHandlers } from './webHandlers';
import { send } from './ipcHandle';
import { buildMenuTemplate } from './menuTemplate';
import { installSessionSecurity, installWebContentsSecurity } from './security';
import { loadSyncServerPolicy, registerSyncServerHandler } from './syncServerPolicy';
import { createMainWindowOptions } from './windowOptions';

// Before 'ready': the scheme must be known as standard+secure when the first session starts.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Sandbox every renderer, including any the app did not create itself.
app.enableSandbox();
// Tests (e2e/electron.spec.ts) run the unpackaged app on a throwaway profile.
if (!app.isPackaged && process.env.CORROBORATE_USER_DATA_DIR) {
  app.setPath('userData', process.env.CORROBORATE_USER_DATA_DIR);
}

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(
    createMainWindowOptions({ preloadPath: path.join(__dirname, 'preload.cjs') }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// One instance: IndexedDB is per profile, and two windows editing it would race.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  app.on('web-contents-created', (_event, contents) => {
    installWebContentsSecurity(contents);
  });

  void app.whenReady().then(async () => {
    // The team sync server the editor joined, if any: the only remote origin the app may reach.
    const syncServerFile = path.join(app.getPath('userData'), 'sync-server.json');
    const syncServer = await loadSyncServerPolicy(syncServerFile);
    installSessionSecurity(session.defaultSession, syncServer);
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(path.join(app.getAppPath(), 'dist', 'renderer'), undefined, () =>
        syncServer.csp(),
      ),
    );
    registerSyncServerHandler({ ipcMain, policy: syncServer, file: syncServerFile });
    registerFileHandlers({
      ipcMain,
      dialog,
      windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
      defaultSaveDir: app.getPath('documents'),
    });
    registerWebHandlers({ ipcMain });
    registerExternalLinkHandler({
      ipcMain,
      dialog,
      openExternal: (url) => shell.openExternal(url),
      windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          isDev: !app.isPackaged,
          appName: app.name,
          sendCommand: (cmd) => {
            const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
            if (target) send(target.webContents, IPC_CHANNELS.menuCommand, cmd);
          },
        }),
      ),
    );
    mainWindow = createMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
