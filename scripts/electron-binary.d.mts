// Types for electron-binary.mjs (plain JS so `node scripts/start.mjs` runs without a build step).
export const BROWSER_MODE_URL: string;
export const INSTALL_TIMEOUT_MS: number;

export interface BinaryFs {
  existsSync(p: string): boolean;
  readFileSync(p: string, enc: 'utf8'): string;
}
export type LocateResult =
  { available: true; binaryPath: string } | { available: false; reason: string };
export function locateElectronBinary(input: { electronDir: string; fs: BinaryFs }): LocateResult;

export function summarizeInstallFailure(run: {
  status: number | null;
  timedOut: boolean;
  output: string;
}): string;

export type LaunchDecision =
  { mode: 'electron'; binaryPath: string; fetched: boolean } | { mode: 'browser'; reason: string };
export function decideLaunchMode(input: {
  env: Record<string, string | undefined>;
  platform: string;
  locate: () => LocateResult;
  install: () => { ok: boolean; reason: string };
}): LaunchDecision;

export function browserModeLine(reason: string): string;
