/**
 * Lists the files of an import root: absolute and relative paths, the category (the first-level
 * sub-folder), sizes. Symlinks that stay inside the root are followed, but every folder is entered
 * once (by device and inode), so a loop is reported instead of walked forever; links that lead out
 * of the root are reported and not followed unless asked. Names are read as bytes, so a name that
 * is not UTF-8 is imported (shown with \xNN escapes) rather than lost. Hidden clutter is skipped on
 * purpose and counted; nothing disappears silently. Plain Node; used by the import service and the CLI.
 */
import { isUtf8 } from 'node:buffer';
import type { Dirent, Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A file to import. */
export interface WalkedFile {
  absolutePath: string;
  /** Path under the root with "/" separators, exactly as on disk. */
  relPath: string;
  fileName: string;
  /** relPath with control and bidi characters made visible, for the UI. */
  displayName: string;
  /** First-level sub-folder name, or null for files directly in the root. */
  category: string | null;
  sizeBytes: number;
  /** The path as bytes, set only when it is not valid UTF-8 (then `absolutePath` is escaped and cannot open it). */
  pathBytes?: Buffer;
}

/** An entry that could not be read or followed. */
export interface WalkProblem {
  relPath: string;
  displayName: string;
  status: 'io_error';
  reason: string;
}

/** An entry left out on purpose, with why. */
export interface WalkSkipped {
  relPath: string;
  displayName: string;
  reason: string;
}

/** Everything found under a root. */
export interface WalkResult {
  files: WalkedFile[];
  problems: WalkProblem[];
  skipped: WalkSkipped[];
}

/** Walk settings. */
export interface WalkOptions {
  /** Folder levels below the root that are entered; default 32. */
  maxDepth?: number;
  signal?: AbortSignal;
  /** Follow symlinks that lead outside the root (off: they are listed as skipped, with where they lead). */
  followLinks?: boolean;
}

/** Byte length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
const utf8SequenceLength = (lead: number): number =>
  lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;

/**
 * A file name's bytes as text: valid UTF-8 decoded, every other byte as "\xNN" (e.g. a Latin-1
 * "café" → "caf\xE9"), so two different names never collapse into the same "�" string.
 */
export function decodeFileName(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  let text = '';
  for (let i = 0; i < buffer.length;) {
    const length = utf8SequenceLength(buffer[i]!);
    if (length > 0 && i + length <= buffer.length && isUtf8(buffer.subarray(i, i + length))) {
      text += buffer.toString('utf8', i, i + length);
      i += length;
    } else {
      text += `\\x${buffer[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i += 1;
    }
  }
  return text;
}

/** Bidi controls (they can make "cv\u202Etxt.exe" read as "cvexe.txt") and invisible marks; ZWJ/ZWNJ stay, emoji need them. */
const invisibleChars = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Makes control, bidi and invisible characters visible, e.g. "a\nb" → "a␊b", U+202E → "<U+202E>". */
export function makeDisplayName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, (char) => (char === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + char.charCodeAt(0))))
      .replace(/[\u0080-\u009f]/g, (char) => `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
      .replace(invisibleChars, (char) => `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
      .normalize('NFC')
  );
}

/** Why an entry is skipped on purpose, or null when it should be imported. */
export function skipReason(name: string, isDirectory: boolean): string | null {
  if (name.startsWith('.')) return isDirectory ? 'Hidden folder, skipped with everything in it.' : 'Hidden file (system or editor metadata), skipped.';
  if (name.startsWith('~$')) return 'Office lock file left by an open document, skipped.';
  const lower = name.toLowerCase();
  if (lower === 'thumbs.db' || lower === 'desktop.ini') return 'Windows folder metadata file, skipped.';
  return null;
}

/** The sentence for a failed read of an entry. */
function ioReason(error: unknown, isFolder: boolean): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what = isFolder ? 'This folder' : 'This entry';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${what} could not be opened: permission denied.`;
    case 'ENOENT':
      return 'This link points to something that does not exist (a broken shortcut or symlink).';
    case 'ELOOP':
      return 'This symlink points back to itself in a loop, so it was not followed.';
    default:
      return `${what} could not be read (${code ?? 'unknown error'}).`;
  }
}

const inodeKey = (stats: Stats): string => `${stats.dev}:${stats.ino}`;
const separator = Buffer.from(path.sep);

/** True when `target` is `root` or lies under it (both real paths, as bytes). */
function isInside(target: Buffer, root: Buffer): boolean {
  if (target.equals(root)) return true;
  const prefix = root.at(-1) === separator[0] ? root : Buffer.concat([root, separator]);
  return target.length > prefix.length && target.subarray(0, prefix.length).equals(prefix);
}

/** The sentence for a link that leads out of the import root. */
export function outsideLinkReason(target: string): string {
  return `This is a link to "${makeDisplayName(target)}", outside the folder being imported, so it was not followed; to include it, import that location itself or use resume-studio import --follow-links.`;
}

/** Walks `rootPath` depth-first in name order; throws only when the root itself is not a readable folder. */
export async function walkImportRoot(rootPath: string, options: WalkOptions = {}): Promise<WalkResult> {
  const maxDepth = options.maxDepth ?? 32;
  const root = path.resolve(rootPath);
  const rootStats = await fs.stat(root);
  if (!rootStats.isDirectory()) throw Object.assign(new Error(`${rootPath} is not a folder.`), { code: 'ENOTDIR' });
  // Links are judged by where they really lead, against where the root really is.
  const rootReal = await fs.realpath(Buffer.from(root), { encoding: 'buffer' });
  const result: WalkResult = { files: [], problems: [], skipped: [] };
  // Folder inode → where it was first entered; a folder is walked once however many links reach it.
  const visited = new Map<string, string>([[inodeKey(rootStats), '']]);
  // The folders on the current path: a link to one of these is a real loop.
  const ancestors = new Set<string>([inodeKey(rootStats)]);
  const entryOf = (segments: string[]) => {
    const relPath = segments.join('/');
    return { relPath, displayName: makeDisplayName(relPath) };
  };
  const problem = (segments: string[], reason: string) => result.problems.push({ ...entryOf(segments), status: 'io_error', reason });
  const skip = (segments: string[], reason: string) => result.skipped.push({ ...entryOf(segments), reason });

  /**
   * Links to folders wait until every real folder was walked: a link that leads to a category
   * folder (`Alias → Nurse`) would otherwise be walked first when its name sorts first, and its
   * files labelled with the link's name. The real folder's name wins; the link is reported as the
   * same folder, already imported under that name.
   */
  const deferredLinks: { childPath: string; childBytes: Buffer; childEscaped: boolean; childSegments: string[]; stats: Stats; ancestors: Set<string> }[] = [];

  const enterFolder = async (childPath: string, childBytes: Buffer, childEscaped: boolean, childSegments: string[], stats: Stats, isLink: boolean) => {
    const key = inodeKey(stats);
    const firstSeenAt = visited.get(key);
    if (ancestors.has(key)) {
      problem(childSegments, 'This link leads back to a folder that contains it (a symlink loop), so it was not followed.');
    } else if (firstSeenAt !== undefined) {
      const shown = makeDisplayName(firstSeenAt) || '.';
      skip(
        childSegments,
        isLink
          ? `This is a link to the folder "${shown}", already imported under that name (the folder's own name wins over the link's); its files were not imported twice.`
          : `This folder is the same as "${shown}", already imported through that path; its files were not imported twice.`,
      );
    } else if (childSegments.length > maxDepth) {
      skip(childSegments, `Folder nested deeper than ${maxDepth} levels, skipped.`);
    } else {
      visited.set(key, childSegments.join('/'));
      ancestors.add(key);
      await walkFolder(childPath, childBytes, childEscaped, childSegments);
      ancestors.delete(key);
    }
  };

  /**
   * `absolutePath` names the folder as text (escaped where not UTF-8), `pathBytes` as the OS knows
   * it; `isEscaped` says whether the text form can open it.
   */
  const walkFolder = async (absolutePath: string, pathBytes: Buffer, isEscaped: boolean, segments: string[]): Promise<void> => {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('The folder walk was cancelled.');
    let entries: Dirent<Buffer>[];
    try {
      entries = await fs.readdir(pathBytes, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      problem(segments, ioReason(error, true));
      return;
    }
    const named = entries.map((entry) => ({ entry, name: decodeFileName(entry.name) }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of named) {
      const childPath = path.join(absolutePath, name);
      const childBytes = Buffer.concat([pathBytes, separator, entry.name]);
      const childEscaped = isEscaped || !isUtf8(entry.name);
      const childSegments = [...segments, name];
      if (entry.isSymbolicLink() && !options.followLinks) {
        const target = await fs.realpath(childBytes, { encoding: 'buffer' }).catch(() => null);
        // A broken or looping link has no target; the stat below reports it.
        if (target && !isInside(target, rootReal)) {
          skip(childSegments, outsideLinkReason(decodeFileName(target)));
          continue;
        }
      }
      let stats: Stats;
      try {
        // stat follows symlinks: a link counts as what it points to.
        stats = await fs.stat(childBytes);
      } catch (error) {
        problem(childSegments, ioReason(error, entry.isDirectory()));
        continue;
      }
      const reason = skipReason(name, stats.isDirectory());
      if (reason) {
        skip(childSegments, reason);
      } else if (stats.isDirectory()) {
        if (entry.isSymbolicLink()) deferredLinks.push({ childPath, childBytes, childEscaped, childSegments, stats, ancestors: new Set(ancestors) });
        else await enterFolder(childPath, childBytes, childEscaped, childSegments, stats, false);
      } else if (stats.isFile()) {
        const { relPath, displayName } = entryOf(childSegments);
        const category = childSegments.length >= 2 ? (childSegments[0] as string) : null;
        const file: WalkedFile = { absolutePath: childPath, relPath, fileName: name, displayName, category, sizeBytes: stats.size };
        result.files.push(childEscaped ? { ...file, pathBytes: childBytes } : file);
      } else {
        skip(childSegments, 'Not a regular file (a device, pipe or socket), skipped.');
      }
    }
  };

  await walkFolder(root, Buffer.from(root), false, []);
  // Links found while walking a linked folder join the queue and are entered after it.
  for (let i = 0; i < deferredLinks.length; i++) {
    const link = deferredLinks[i]!;
    ancestors.clear();
    for (const key of link.ancestors) ancestors.add(key);
    await enterFolder(link.childPath, link.childBytes, link.childEscaped, link.childSegments, link.stats, true);
  }
  return result;
}
