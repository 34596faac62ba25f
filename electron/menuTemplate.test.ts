import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../shared/ipc/contract';
import type { MenuCommand } from '../shared/ipc/contract';
import { buildMenuTemplate } from './menuTemplate';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function build(platform: NodeJS.Platform, isDev = false) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({
    platform,
    isDev,
    appName: 'Corroborate',
    sendCommand: (cmd) => sent.push(cmd),
  });
  const items = flatten(template);
  const byLabel = (label: string) => {
    const item = items.find((i) => i.label === label);
    if (!item) throw new Error(`no menu item "${label}"`);
    return item;
  };
  const click = (label: string) =>
    (byLabel(label).click as (() => void) | undefined)?.call(undefined);
  return { template, items, byLabel, click, sent };
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help (plus the app menu on macOS)', () => {
    expect(build('linux').template.map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ]);
    expect(build('darwin').template.map((m) => m.role ?? m.label)).toEqual([
      'appMenu',
      '&File',
      '&Edit',
      '&View',
      'help',
    ]);
  });

  it.each([
    ['Import articles…', 'import-files', 'CmdOrCtrl+O'],
    ['Paste as new article', 'paste-article', 'CmdOrCtrl+Shift+V'],
    ['Import bundle…', 'import-bundle', undefined],
    ['Export bundle…', 'export-bundle', 'CmdOrCtrl+E'],
    ['Find…', 'find', 'CmdOrCtrl+F'],
    ['Side-by-side review', 'review', undefined],
  ] as const)('"%s" sends %s (accelerator %s)', (label, cmd, accelerator) => {
    const menu = build('linux');
    expect(menu.byLabel(label).accelerator).toBe(accelerator);
    expect(menu.byLabel(label).registerAccelerator).not.toBe(false);
    menu.click(label);
    expect(menu.sent).toEqual([cmd]);
  });

  it('shows undo/redo shortcuts without registering them (the page handles the keys)', () => {
    for (const [platform, redo] of [
      ['linux', 'Ctrl+Shift+Z'],
      ['win32', 'Ctrl+Y'],
      ['darwin', 'Cmd+Shift+Z'],
    ] as const) {
      const menu = build(platform);
      expect(menu.byLabel('Undo')).toMatchObject({
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
      });
      expect(menu.byLabel('Redo')).toMatchObject({ accelerator: redo, registerAccelerator: false });
      menu.click('Undo');
      menu.click('Redo');
      expect(menu.sent).toEqual(['undo', 'redo']);
    }
  });

  it('every MenuCommand is reachable from the menu', () => {
    const menu = build('linux');
    for (const item of menu.items) (item.click as (() => void) | undefined)?.call(undefined);
    expect([...menu.sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('keeps Copy and Select all as native roles', () => {
    const roles = build('linux')
      .items.map((i) => i.role)
      .filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'selectAll', 'quit']));
  });

  it('offers reload and developer tools only in development', () => {
    const devRoles = (isDev: boolean) =>
      build('linux', isDev)
        .items.map((i) => i.role)
        .filter((r) => r === 'reload' || r === 'toggleDevTools' || r === 'forceReload');
    expect(devRoles(false)).toEqual([]);
    expect(devRoles(true)).toEqual(['reload', 'toggleDevTools']);
  });

  it('puts Quit in the app menu on macOS and Close in File', () => {
    const mac = build('darwin');
    const file = mac.template.find((m) => m.label === '&File');
    const fileRoles = (file?.submenu as MenuItemConstructorOptions[]).map((i) => i.role);
    expect(fileRoles).toContain('close');
    expect(fileRoles).not.toContain('quit');
  });

  it('uses no accelerator twice', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = build(platform, true)
        .items.map((i) => i.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
