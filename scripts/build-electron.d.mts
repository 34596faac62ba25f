// Types for build-electron.mjs (plain JS so it runs with node directly).
export const ELECTRON_BUNDLES: readonly { entry: string; outfile: string }[];
export function buildElectron(options?: { minify?: boolean; outRoot?: string }): Promise<void>;
