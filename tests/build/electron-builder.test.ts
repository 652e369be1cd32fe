import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSampleDir, sampleFolderName } from '../../main/import/sample-dir';

// js-yaml comes with electron-builder and ships no types; only load() is needed.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const root = path.resolve(import.meta.dirname, '..', '..');
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

/** Minimal glob check for electron-builder's `files` patterns (`**` and `*` only). */
function matchesGlob(pattern: string, file: string): boolean {
  // {a,b} alternatives expand first, as in electron-builder's minimatch.
  const braces = /\{([^{}]*)\}/.exec(pattern);
  if (braces) return braces[1]!.split(',').some((choice) => matchesGlob(pattern.replace(braces[0], choice), file));
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '<globstar>')
    .replace(/\*/g, '[^/]*')
    .replace(/<globstar>/g, '.*');
  return new RegExp(`^${regex}$`).test(file);
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('dev.resumestudio.app');
    expect(config.productName).toBe('Resume Studio');
  });

  it('ships the build output and package.json, not sources or tests', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    const excluded = files.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    for (const source of ['main/electron/index.ts', 'tests/electron/smoke.spec.ts', 'renderer/main.tsx', 'preload/contract.ts']) {
      expect(
        excluded.some((pattern) => matchesGlob(pattern, source)),
        source,
      ).toBe(true);
    }
    expect(excluded.some((pattern) => matchesGlob(pattern, 'out/main/electron.js'))).toBe(false);
    expect(excluded.some((pattern) => matchesGlob(pattern, 'out/renderer/assets/index-abc.js'))).toBe(false);
  });

  it('leaves out the precompressed copies and the chunk manifest', () => {
    const excluded = (config.files as string[]).filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    for (const file of [
      'out/renderer/assets/index-abc.js.br',
      'out/renderer/assets/index-abc.js.gz',
      'out/renderer/index.html.br',
      'out/renderer/.vite/manifest.json',
    ]) {
      expect(
        excluded.some((pattern) => matchesGlob(pattern, file)),
        file,
      ).toBe(true);
    }
  });

  it('unpacks the native SQLite module from the asar', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage + deb, nsis and dmg', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('ships the sample dataset as a real folder beside the asar, where the app looks for it', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toContainEqual({ from: 'assets/sample-resumes', to: sampleFolderName });
    expect(fs.statSync(path.join(root, 'assets/sample-resumes')).isDirectory()).toBe(true);
    // A packaged app: <resources>/sample-resumes, whatever the module's own folder holds.
    const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'resources-'));
    try {
      fs.mkdirSync(path.join(resources, sampleFolderName));
      const moduleDir = path.join(resources, 'app.asar', 'out', 'main');
      expect(resolveSampleDir({ resourcesPath: resources, moduleDir })).toBe(path.join(resources, sampleFolderName));
      fs.rmdirSync(path.join(resources, sampleFolderName));
      expect(resolveSampleDir({ resourcesPath: resources, moduleDir })).toBeNull();
    } finally {
      fs.rmSync(resources, { recursive: true, force: true });
    }
  });

  it("passes electron-builder's own configuration check (its schema), every target included", async () => {
    const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    // The check bites: a misspelt option, at the root or inside a platform's section, is refused.
    const mac = config.mac as Record<string, unknown>;
    await expect(validateConfiguration({ ...config, mac: { ...mac, hardenedRuntim: true } }, { isEnabled: false, add: () => undefined })).rejects.toThrow();
    await expect(validateConfiguration({ ...config, nsiss: {} }, { isEnabled: false, add: () => undefined })).rejects.toThrow();
  });

  it('names installers alike and uses the app icon, which exists and is big enough for every platform', () => {
    expect(config.artifactName).toBe('resume-studio-${version}-${os}-${arch}.${ext}');
    const icon = fs.readFileSync(path.join(root, 'assets', 'icon.png'));
    // PNG width and height (big-endian, at bytes 16 and 20): macOS wants 512+, Windows 256+.
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect((config.directories as { buildResources: string }).buildResources).toBe('assets');
  });

  it('lets the OS open a folder with the app (Linux file managers, the macOS Dock)', () => {
    expect((config.linux as { mimeTypes: string[] }).mimeTypes).toEqual(['inode/directory']);
    const types = (config.mac as { extendInfo: { CFBundleDocumentTypes: { LSItemContentTypes: string[] }[] } }).extendInfo.CFBundleDocumentTypes;
    expect(types.flatMap((t) => t.LSItemContentTypes)).toContain('public.folder');
  });

  it('rebuilds native modules for Electron only when packaging: npm run dist, never the dev or test scripts', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.dist).toBe('electron-vite build && electron-builder --publish never');
    for (const [name, script] of Object.entries(scripts)) {
      if (name !== 'dist') expect(script, name).not.toMatch(/electron-builder|electron-rebuild|@electron\/rebuild/);
    }
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('points package.json main at the built Electron entry that the files list ships', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/electron.js');
  });
});
