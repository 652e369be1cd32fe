/** Handlers of the `import.*` methods over the import service. Plain Node. */
import nodePath from 'node:path';
import type { importMethods } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { HandlersFor } from '../rpc/dispatcher';
import type { ImportService } from './import-service';
import { sampleMissingMessage } from './sample-dir';
import { expandUserPath } from './user-path';

/** What the import handlers use. */
export interface ImportHandlerDeps {
  imports: ImportService;
  /** Native folder picker (Electron); browser mode and the CLI type a path instead. */
  pickFolder?: () => Promise<string | null>;
  /** The bundled sample dataset's folder (null: not installed). */
  sampleDir: string | null;
}

/**
 * A path typed or pasted in the UI: quotes dropped and `~` expanded, then it must be absolute
 * (relative to what would be the server's working folder).
 */
function absolutePath(typed: string): string {
  const target = expandUserPath(typed);
  if (!nodePath.isAbsolute(target))
    throw new AppError('bad_input', `"${target}" is not a full path; give the whole path, e.g. /home/you/resumes or C:\\Users\\you\\resumes.`);
  return target;
}

/** The import domain's handler group. */
export function createImportHandlers(deps: ImportHandlerDeps): HandlersFor<typeof importMethods> {
  return {
    'import.pickFolder': async () => (deps.pickFolder ? { supported: true, path: await deps.pickFolder() } : { supported: false, path: null }),
    'import.preview': ({ path, ...mapping }) => deps.imports.preview(absolutePath(path), mapping),
    'import.start': ({ path, ...mapping }) => deps.imports.start(absolutePath(path), mapping),
    'import.startSample': () => {
      if (!deps.sampleDir) throw new AppError('not_found', sampleMissingMessage);
      return deps.imports.start(deps.sampleDir, {});
    },
    'import.cancel': ({ jobId }) => deps.imports.cancel(jobId),
    'import.resume': ({ jobId }) => deps.imports.resume(jobId),
    'import.jobs': () => deps.imports.jobs(),
    'import.report': ({ jobId, status, offset, limit }) => deps.imports.report(jobId, status, offset, limit),
  };
}
