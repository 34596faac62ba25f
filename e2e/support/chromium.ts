import { existsSync } from 'node:fs';

/** Debian's Chromium, or another build named by CHROMIUM_PATH. Playwright never downloads one. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Run \`npm run setup:test\` (installs Debian's chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** Offline-friendly flags: without the networking ones Chromium keeps dialling Google on this network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
