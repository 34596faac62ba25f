import { describe, expect, it } from 'vitest';
import { createMainWindowOptions } from './windowOptions';

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs' });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and experiments off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the bundled preload and turns spellcheck off', () => {
    expect(prefs.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs.spellcheck).toBe(false);
  });

  it('opens hidden (shown on ready-to-show) with the product title', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Corroborate');
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
  });
});
