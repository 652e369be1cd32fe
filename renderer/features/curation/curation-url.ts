/**
 * The curation views' state in the URL hash, so Back and a reload return to the same view:
 * `#/dataset/resumes?q=nurse&cat=ARTS&unlabelled=1&excluded=only&model=only&dup=1&min=0&max=300&job=2&sort=name&dir=desc&doc=12`
 * and `#/dataset/duplicates`. Pure.
 */
import type { DocumentFilter, DocumentSort, DocumentSortKey } from '../../../preload/contract';

/** Which curation view a hash names. */
export type CurationView = 'resumes' | 'duplicates';

/** Everything the resume view keeps in its URL. */
export interface ResumesViewState {
  filter: DocumentFilter;
  sort: DocumentSort;
  /** The resume open in the pane. */
  documentId: number | null;
}

const sortKeys: readonly DocumentSortKey[] = ['id', 'name', 'category', 'length', 'import', 'duplicate', 'excluded'];
/** The table's default order: as imported. */
export const defaultSort: DocumentSort = { key: 'id', direction: 'asc' };

/** The curation view named by a hash, or null for any other hash. */
export function curationViewFromHash(hash: string): CurationView | null {
  const match = /^#\/dataset\/(resumes|duplicates)(?:\?|$)/.exec(hash);
  return match ? (match[1] as CurationView) : null;
}

const count = (value: string | null): number | undefined => {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
};

/** Reads the resume view's state from a hash; anything unreadable is left at its default. */
export function resumesStateFromHash(hash: string): ResumesViewState {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const filter: DocumentFilter = {};
  const q = params.get('q');
  if (q) filter.q = q;
  const categories = params.getAll('cat').filter(Boolean);
  if (categories.length > 0) filter.categories = categories;
  if (params.get('unlabelled') === '1') filter.unlabelled = true;
  const excluded = params.get('excluded');
  if (excluded === 'only' || excluded === 'hide') filter.excluded = excluded;
  const modelLabelled = params.get('model');
  if (modelLabelled === 'only' || modelLabelled === 'hide') filter.modelLabelled = modelLabelled;
  if (params.get('dup') === '1') filter.duplicates = true;
  const minChars = count(params.get('min'));
  if (minChars !== undefined) filter.minChars = minChars;
  const maxChars = count(params.get('max'));
  if (maxChars !== undefined) filter.maxChars = maxChars;
  const job = count(params.get('job'));
  if (job) filter.importJobId = job;
  const key = params.get('sort') as DocumentSortKey | null;
  const sort: DocumentSort = key && sortKeys.includes(key) ? { key, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' } : defaultSort;
  return { filter, sort, documentId: count(params.get('doc')) || null };
}

/** The hash of a resume view state (defaults left out, so a plain view is `#/dataset/resumes`). */
export function hashForResumes(state: Partial<ResumesViewState>): string {
  const params = new URLSearchParams();
  const { filter = {}, sort = defaultSort, documentId = null } = state;
  if (filter.q) params.set('q', filter.q);
  for (const category of filter.categories ?? []) params.append('cat', category);
  if (filter.unlabelled) params.set('unlabelled', '1');
  if (filter.excluded) params.set('excluded', filter.excluded);
  if (filter.modelLabelled) params.set('model', filter.modelLabelled);
  if (filter.duplicates) params.set('dup', '1');
  if (filter.minChars !== undefined) params.set('min', String(filter.minChars));
  if (filter.maxChars !== undefined) params.set('max', String(filter.maxChars));
  if (filter.importJobId !== undefined) params.set('job', String(filter.importJobId));
  if (sort.key !== defaultSort.key || sort.direction !== defaultSort.direction) {
    params.set('sort', sort.key);
    params.set('dir', sort.direction);
  }
  if (documentId !== null) params.set('doc', String(documentId));
  const query = params.toString();
  return `#/dataset/resumes${query ? `?${query}` : ''}`;
}

/** The duplicates view's hash. */
export const duplicatesHash = '#/dataset/duplicates';

/** Whether a filter narrows anything (the table then offers "Clear filters"). */
export function isFiltered(filter: DocumentFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '' && value !== false);
}
