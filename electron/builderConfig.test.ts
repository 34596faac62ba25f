import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildElectron, ELECTRON_BUNDLES } from '../scripts/build-electron.mjs';

const repo = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, repo), 'utf8');
const pkg = JSON.parse(read('package.json')) as { main: string; productName: string };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  icon: string;
  electronDist?: string;
  directories: { output: string; buildResources?: string };
  files: string[];
  linux: { target: string[]; category: string; maintainer?: string };
  win: { target: string[] };
  mac: { target: string[] };
  electronFuses?: Record<string, boolean>;
}
const config = parse(read('electron-builder.yml')) as BuilderConfig;

/** electron-builder's reading of `files`: included by a positive pattern, not by a negated one. */
function packaged(file: string): boolean {
  const include = config.files.filter((p) => !p.startsWith('!'));
  const exclude = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return (
    include.some((p) => minimatch(file, p, { dot: true })) &&
    !exclude.some((p) => minimatch(file, p, { dot: true }))
  );
}

let outRoot: string;
beforeAll(async () => {
  outRoot = mkdtempSync(path.join(tmpdir(), 'corroborate-electron-build-'));
  await buildElectron({ outRoot });
}, 60_000);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", () => {
    const require = createRequire(import.meta.url);
    const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as {
      validateSchema: (schema: unknown, data: unknown, opts: { name: string }) => void;
    };
    const scheme: unknown = require('app-builder-lib/scheme.json');
    expect(() => validateSchema(scheme, config, { name: 'electron-builder.yml' })).not.toThrow();
    expect(() =>
      validateSchema(scheme, { ...config, asr: true }, { name: 'electron-builder.yml' }),
    ).toThrow(/asr/);
  });

  it('identifies the app and packs into an asar', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe(pkg.productName);
    expect(config.asar).toBe(true);
    expect(config.directories.output).toBe('release');
    expect(read('.gitignore').split('\n')).toContain(`${config.directories.output}/`);
    // Offline packing needs electronDist; leaving it unset keeps normal machines working.
    expect(config.electronDist).toBeUndefined();
  });

  it('sets the Electron fuses that lock the shipped binary down', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // OnlyLoadAppFromAsar and integrity validation need the app inside an asar.
    expect(config.asar).toBe(true);
  });

  it('targets AppImage + deb (Office), NSIS and dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('the package.json entry point is what build-electron writes, and its source exists', () => {
    const mainBundle = ELECTRON_BUNDLES.find((b) => b.outfile === pkg.main);
    expect(mainBundle, `no bundle writes ${pkg.main}`).toBeDefined();
    for (const bundle of ELECTRON_BUNDLES) {
      expect(existsSync(new URL(bundle.entry, repo)), bundle.entry).toBe(true);
      expect(existsSync(path.join(outRoot, bundle.outfile)), bundle.outfile).toBe(true);
    }
    // main.ts loads the preload from its own directory under this name.
    expect(read('electron/main.ts')).toContain("path.join(__dirname, 'preload.cjs')");
    expect(ELECTRON_BUNDLES.map((b) => b.outfile)).toContain(
      path.posix.join(path.posix.dirname(pkg.main), 'preload.cjs'),
    );
  });

  it('bundles require nothing that the packaged app (no node_modules) lacks', () => {
    const requires = (file: string) =>
      [...readFileSync(path.join(outRoot, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
        (m) => m[1],
      );
    // A sandboxed preload can require only 'electron'.
    expect(new Set(requires('dist-electron/preload.cjs'))).toEqual(new Set(['electron']));
    for (const id of requires('dist-electron/main.cjs')) {
      expect(id === 'electron' || id?.startsWith('node:'), id).toBe(true);
    }
  });

  it('files globs cover the build output and nothing else', () => {
    const built = ELECTRON_BUNDLES.map((b) => b.outfile);
    for (const file of [
      ...built,
      pkg.main,
      'package.json',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-Bx9.js',
      'dist/renderer/assets/index-Bx9.css',
    ]) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of [
      'electron/main.ts',
      'shared/ipc/contract.ts',
      'seeds/000_19a4d7180f664ba4.txt',
      'node_modules/react/index.js',
      'dist-electron/main.cjs.map',
      'release/Corroborate.AppImage',
      '.env',
    ]) {
      expect(packaged(file), file).toBe(false);
    }
    // Every file the real build emitted is packaged, apart from source maps.
    for (const file of readdirSync(path.join(outRoot, 'dist-electron'))) {
      expect(packaged(`dist-electron/${file}`), file).toBe(!file.endsWith('.map'));
    }
  });
});

describe('build/icon.png', () => {
  const png = readFileSync(new URL('build/icon.png', repo));

  function chunks(bytes: Buffer): { type: string; data: Buffer }[] {
    const out: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < bytes.length;) {
      const length = bytes.readUInt32BE(at);
      out.push({
        type: bytes.toString('ascii', at + 4, at + 8),
        data: bytes.subarray(at + 8, at + 8 + length),
      });
      at += 12 + length;
    }
    return out;
  }

  it('is the icon electron-builder is pointed at', () => {
    expect(config.icon).toBe('build/icon.png');
  });

  it('is a valid 512x512 RGBA PNG whose pixel data decodes', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list[0]?.type).toBe('IHDR');
    expect(list.at(-1)?.type).toBe('IEND');
    const ihdr = list[0]?.data ?? Buffer.alloc(13);
    const [width, height] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
    expect([width, height]).toEqual([512, 512]);
    expect([ihdr[8], ihdr[9]]).toEqual([8, 6]); // 8-bit RGBA
    const raw = inflateSync(
      Buffer.concat(list.filter((c) => c.type === 'IDAT').map((c) => c.data)),
    );
    expect(raw.length).toBe(height * (width * 4 + 1));
    // Filter type 0 rows: the corner is transparent (rounded square), the centre opaque.
    const alpha = (x: number, y: number) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(256, 256)).toBe(255);
  });
});
