import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preloadPath: string;
}

/**
 * The main window's options. webPreferences follow Electron's security checklist: the page runs
 * sandboxed with context isolation and no Node, and reaches the OS only through the preload's
 * `window.corroborate` bridge.
 */
export function createMainWindowOptions({
  preloadPath,
}: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Corroborate',
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Article text is quoted verbatim; red squiggles under names and quotes are noise.
      spellcheck: false,
    },
  };
}
