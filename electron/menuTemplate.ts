/**
 * The application menu as a pure template builder (tested without Electron). App actions do not
 * run in main: each item sends a MenuCommand to the renderer, which owns the state.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  /** Unpackaged build: adds reload and developer tools to View. */
  isDev: boolean;
  appName: string;
  sendCommand: (cmd: MenuCommand) => void;
}

export function buildMenuTemplate({
  platform,
  isDev,
  appName,
  sendCommand,
}: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (
    label: string,
    cmd: MenuCommand,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => ({ label, id: cmd, click: () => sendCommand(cmd), ...extra });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Import articles…', 'import-files', { accelerator: 'CmdOrCtrl+O' }),
      command('Paste as new article', 'paste-article', { accelerator: 'CmdOrCtrl+Shift+V' }),
      command('Open web address…', 'open-url', { accelerator: 'CmdOrCtrl+L' }),
      { type: 'separator' },
      command('Import bundle…', 'import-bundle'),
      command('Export bundle…', 'export-bundle', { accelerator: 'CmdOrCtrl+E' }),
      { type: 'separator' },
      // On macOS Quit lives in the app menu; File closes the window instead.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };

  // Undo/redo act on the renderer's own history. The accelerator is shown but not registered
  // (registerAccelerator: false): the page's keydown handler already handles the keys, and a
  // registered accelerator would fire a second undo for one key press.
  const redoAccelerator = isMac ? 'Cmd+Shift+Z' : platform === 'win32' ? 'Ctrl+Y' : 'Ctrl+Shift+Z';
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', { accelerator: 'CmdOrCtrl+Z', registerAccelerator: false }),
      command('Redo', 'redo', { accelerator: redoAccelerator, registerAccelerator: false }),
      { type: 'separator' },
      // Cut/Paste roles are what make Cmd+X/Cmd+V work in text fields on macOS at all.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Find…', 'find', { accelerator: 'CmdOrCtrl+F' }),
      command('Side-by-side review', 'review'),
      ...(isDev
        ? ([
            { type: 'separator' },
            { role: 'reload' },
            { role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ role: 'about', label: `About ${appName}` }],
  };

  const template: MenuItemConstructorOptions[] = [file, edit, view, help];
  if (isMac) template.unshift({ label: appName, role: 'appMenu' });
  return template;
}
