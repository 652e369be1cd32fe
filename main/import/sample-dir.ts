/**
 * Where the sample dataset bundled with the app is. The page never names it: `import.startSample`
 * asks this module. Plain Node.
 *   - Packaged app: electron-builder copies assets/sample-resumes to `<resources>/sample-resumes`
 *     (extraResources), outside the asar archive, so the importer reads it like any folder.
 *   - From a clone (browser mode, the CLI, `electron-vite dev`, tests): `assets/sample-resumes`
 *     at the repository root, found by walking up from the running module (out/main/… or main/…).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The sample's folder name under assets/ and under the packaged app's resources. */
export const sampleFolderName = 'sample-resumes';
/** How far above the running module the repository root may be (out/main/chunks → root is 3). */
const maxLevelsUp = 4;

const isDirectory = (candidate: string) => {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
};

/** Where to look for the sample: Electron's resources folder (packaged) and the running module's folder. */
export interface SampleDirSearch {
  /** Electron's `process.resourcesPath`; undefined in plain Node. */
  resourcesPath?: string;
  /** Folder of the module asking (from its `import.meta.url`). */
  moduleDir: string;
}

/** The bundled sample folder, or null when this copy of the app has none. */
export function resolveSampleDir(search: SampleDirSearch): string | null {
  const candidates: string[] = [];
  if (search.resourcesPath) candidates.push(path.join(search.resourcesPath, sampleFolderName));
  let dir = path.resolve(search.moduleDir);
  for (let level = 0; level <= maxLevelsUp; level++) {
    candidates.push(path.join(dir, 'assets', sampleFolderName));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return candidates.find(isDirectory) ?? null;
}

/** What `import.startSample` says when the sample is missing (a trimmed install, a moved folder). */
export const sampleMissingMessage =
  'The sample dataset is not installed with this copy of Resume Studio (its sample-resumes folder is missing); import a folder of your own resumes instead.';
