/** File-system error codes as sentences a user can act on. Shared by the parse worker and the import runner. */

/** The sentence for a file-system error code. */
export function describeIoError(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'The file was moved or deleted before it could be read.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission to read the file was denied; check its permissions and try again.';
    case 'ELOOP':
      return 'The file is a symbolic link that loops back on itself.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files were open at once; import this folder again to retry.';
    default:
      return `The file could not be read (${code ?? 'unknown error'}); the disk or network drive reported a problem.`;
  }
}
