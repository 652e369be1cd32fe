/**
 * Dropped or picked files as the contract carries them: `{ name, bytes }` with the bytes as a
 * Uint8Array (each transport carries them as binary), never a path. Folders (a dropped folder, or the folder picker) are walked for resume files. DOM only.
 */

/** Extensions the importer reads as resumes; a folder's other files are left out. */
export const resumeExtensions = ['pdf', 'docx', 'doc', 'txt', 'md', 'markdown', 'html', 'htm'];

/** True for a file name with a resume extension. */
export function isResumeFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && resumeExtensions.includes(name.slice(dot + 1).toLowerCase());
}

/** A file's name and bytes. */
export async function toPayload(file: File): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Every file under a dropped folder entry (depth first), reading the directory in its batches. */
async function filesOfEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => resolve([file]),
        () => resolve([]),
      ),
    );
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map(filesOfEntry));
  return nested.flat().filter((file) => isResumeFileName(file.name));
}

/** The files of a drop: plain files as they are, folders walked for resume files; `fromFolder` when any folder was dropped. */
export async function filesOfDrop(transfer: DataTransfer): Promise<{ files: File[]; fromFolder: boolean }> {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length > 0 && entries.every((entry) => entry !== null)) {
    const fromFolder = entries.some((entry) => entry!.isDirectory);
    const files = (await Promise.all(entries.map((entry) => filesOfEntry(entry!)))).flat();
    return { files, fromFolder };
  }
  return { files: Array.from(transfer.files), fromFolder: false };
}
