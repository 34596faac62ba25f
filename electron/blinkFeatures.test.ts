import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainWindowOptions } from './windowOptions';

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('experimental web platform features are never switched on', () => {
  it('the main window sets neither enableBlinkFeatures nor experimentalFeatures', () => {
    const prefs = createMainWindowOptions({ preloadPath: '/x/preload.cjs' }).webPreferences!;
    expect('enableBlinkFeatures' in prefs).toBe(false);
    expect(prefs.experimentalFeatures ?? false).toBe(false);
  });

  it('no main-process or renderer source sets them or the equivalent command-line switch', () => {
    const offenders: string[] = [];
    for (const file of [
      ...sourceFiles(path.join(root, 'electron')),
      ...sourceFiles(path.join(root, 'renderer')),
      ...sourceFiles(path.join(root, 'scripts')),
    ]) {
      const text = readFileSync(file, 'utf8');
      if (
        /enableBlinkFeatures|enable-blink-features|experimentalFeatures\s*:\s*true|enable-experimental-web-platform-features/.test(
          text,
        )
      ) {
        offenders.push(path.relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
