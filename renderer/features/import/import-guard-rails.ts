/**
 * Reasons to look twice at a folder before importing it: one category only (probably a level too
 * high), mostly files that are not resumes (a temp or source folder), or very many files. Each
 * comes with a sentence saying what to do. Pure; the Import dialog asks before importing.
 */
import type { ImportPreview } from '../../../preload/contract';
import { formatCount } from '../../format/numbers';

/** One reason to ask, and what it means for the user. */
export interface ImportWarning {
  id: 'single-category' | 'already-imported' | 'mostly-not-resumes' | 'many-files';
  message: string;
}

/** Above this many files an import is worth a confirmation (hours on a slow disk, a big database). */
export const manyFilesThreshold = 20_000;

/** The extensions the importer reads as resumes; anything else in a folder is probably not one. */
const resumeFormats = new Set(['pdf', 'docx', 'doc', 'txt', 'text', 'md', 'markdown', 'html', 'htm']);

/** `folder` + `child` with the separator the folder path already uses. */
function childPath(folder: string, child: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${child}`;
}

/** What deserves a second look in this preview, most important first; empty when all looks right. */
export function importWarnings(preview: ImportPreview): ImportWarning[] {
  if (preview.kind !== 'folder') return [];
  const warnings: ImportWarning[] = [];
  const labelled = preview.byCategory.filter((c) => c.category !== null);
  if (labelled.length === 1) {
    const only = labelled[0]!.category!;
    const intro = `Every labelled file is in one sub-folder, "${only}", so this import brings a single category.`;
    // Suggest the sub-folder only when it has folders of its own: picked, its loose files would come in unlabelled.
    warnings.push({
      id: 'single-category',
      message: preview.nestedCategories.includes(only)
        ? `${intro} If the categories are the sub-folders of "${only}", pick that folder instead: ${childPath(preview.path, only)}`
        : `${intro} That is fine to add resumes to a dataset that has other categories; to train from scratch, import the folder that holds one sub-folder per category.`,
    });
  }
  if (preview.alreadyImported) {
    const { files, jobId } = preview.alreadyImported;
    warnings.push({
      id: 'already-imported',
      message: `${files === preview.files ? 'All' : `${formatCount(files)} of the ${formatCount(preview.files)}`} files were imported before from this folder (import ${jobId}) and have not changed size: importing again lists them as duplicates${files === preview.files ? ' and adds nothing' : ' and adds only the others'}.`,
    });
  }
  const walkedFiles = preview.byFormat.reduce((sum, f) => sum + f.files, 0);
  const others = preview.byFormat.filter((f) => !resumeFormats.has(f.format));
  const otherFiles = others.reduce((sum, f) => sum + f.files, 0);
  if (walkedFiles > 0 && otherFiles * 2 > walkedFiles) {
    const examples = others
      .slice(0, 4)
      .map((f) => (f.format === 'no extension' ? 'without extension' : `.${f.format}`))
      .join(', ');
    warnings.push({
      id: 'mostly-not-resumes',
      message: `Most of these files do not look like resumes: ${formatCount(otherFiles)} of ${formatCount(walkedFiles)} are ${examples}${others.length > 4 ? ', …' : ''} files, while resumes are PDF, DOCX, DOC, TXT, MD or HTML. Is this the folder you meant?`,
    });
  }
  if (preview.files > manyFilesThreshold) {
    warnings.push({
      id: 'many-files',
      message: `This is ${formatCount(preview.files)} files, more than ${formatCount(manyFilesThreshold)}: importing them takes a long time and makes a large database. Check that this is the folder you meant.`,
    });
  }
  return warnings;
}
