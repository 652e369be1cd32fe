/** Near-duplicate groups for the duplicates view: members side by side with their exact copies. Plain Node. */
import type { DuplicateGroup } from '../../preload/contract';
import type { DocumentsRepo } from '../store/documents-repo';

/** Files an import skipped as exact copies of each document (the import repository answers). */
export type SkippedCopies = (documentIds: readonly number[]) => Map<number, { path: string; category: string | null }[]>;

/** A page of groups, unresolved ones only unless `includeResolved`. */
export function duplicateGroups(
  documents: DocumentsRepo,
  skippedCopies: SkippedCopies,
  options: { offset: number; limit: number; includeResolved: boolean },
): { total: number; groups: DuplicateGroup[] } {
  const all = documents.duplicateGroups().filter((g) => options.includeResolved || g.includedCount > 1);
  const page = all.slice(options.offset, options.offset + options.limit);
  const memberIds = page.map((g) => documents.groupMemberIds(g.representativeId));
  const flat = memberIds.flat();
  const rows = new Map(documents.rowsByIds(flat).map((row) => [row.id, row]));
  const excerpts = documents.excerpts(flat);
  const copies = skippedCopies(flat);
  return {
    total: all.length,
    groups: page.map((g, i) => ({
      representativeId: g.representativeId,
      includedCount: g.includedCount,
      members: memberIds[i]!.flatMap((id) => {
        const row = rows.get(id);
        return row ? [{ ...row, excerpt: excerpts.get(id) ?? '', exactCopies: copies.get(id) ?? [] }] : [];
      }),
    })),
  };
}
