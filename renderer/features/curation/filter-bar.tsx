/**
 * The search box and filters of the resume table. Every change goes to the URL (a new history
 * entry, so Back undoes it); typing in the search box replaces the entry instead of adding one per key.
 */
import { useEffect, useRef, useState } from 'react';
import type { CategoryCount, DocumentFilter, ImportJob } from '../../../preload/contract';
import { formatCount } from '../../format/numbers';
import { isFiltered } from './curation-url';

const unlabelledValue = '\u0000unlabelled';
const severalValue = '\u0000several';
const typingDelayMs = 250;

/** Props of FilterBar. */
export interface FilterBarProps {
  filter: DocumentFilter;
  categories: CategoryCount[];
  jobs: ImportJob[];
  onChange(filter: DocumentFilter, mode?: 'push' | 'replace'): void;
}

const numberOrUndefined = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The filter controls. */
export function FilterBar({ filter, categories, jobs, onChange }: FilterBarProps) {
  const [search, setSearch] = useState(filter.q ?? '');
  const [lastUrlSearch, setLastUrlSearch] = useState(filter.q ?? '');
  // Back / a finding link changed the URL: show its search.
  if ((filter.q ?? '') !== lastUrlSearch) {
    setLastUrlSearch(filter.q ?? '');
    setSearch(filter.q ?? '');
  }
  // The filter object is parsed from the URL on every render; the latest one is read when the timer fires.
  const latest = useRef(filter);
  useEffect(() => {
    latest.current = filter;
  });
  const urlSearch = filter.q ?? '';
  useEffect(() => {
    if (search === urlSearch) return;
    const timer = window.setTimeout(() => onChange({ ...latest.current, q: search || undefined }, 'replace'), typingDelayMs);
    return () => window.clearTimeout(timer);
  }, [search, urlSearch, onChange]);

  const chosen = filter.categories ?? [];
  const categoryValue =
    chosen.length === 0 && !filter.unlabelled
      ? ''
      : chosen.length === 0
        ? unlabelledValue
        : chosen.length === 1 && !filter.unlabelled
          ? chosen[0]!
          : severalValue;
  const setCategory = (value: string) => {
    const rest = { ...filter, categories: undefined, unlabelled: undefined };
    if (value === '') onChange(rest);
    else if (value === unlabelledValue) onChange({ ...rest, unlabelled: true });
    else if (value !== severalValue) onChange({ ...rest, categories: [value] });
  };

  return (
    <form className="filter-bar" role="search" aria-label="Search and filter resumes" onSubmit={(event) => event.preventDefault()}>
      <div className="field search-field">
        <label htmlFor="resume-search">Search</label>
        <input
          id="resume-search"
          className="input"
          type="search"
          value={search}
          placeholder='nurse OR "registered nurse", chef NOT pastry, engin*'
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ ...filter, q: search || undefined }, 'push');
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-category">Category</label>
        <select id="filter-category" className="input" value={categoryValue} onChange={(event) => setCategory(event.target.value)}>
          <option value="">All categories</option>
          <option value={unlabelledValue}>Unlabelled</option>
          {categoryValue === severalValue ? (
            <option value={severalValue}>{`${chosen.length} categories${filter.unlabelled ? ' + unlabelled' : ''}`}</option>
          ) : null}
          {categories.map((c) => (
            <option key={c.category} value={c.category}>
              {`${c.category} (${formatCount(c.documents)})`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-excluded">Training use</label>
        <select
          id="filter-excluded"
          className="input"
          value={filter.excluded ?? ''}
          onChange={(event) => onChange({ ...filter, excluded: (event.target.value || undefined) as DocumentFilter['excluded'] })}
        >
          <option value="">Included and excluded</option>
          <option value="hide">Included only</option>
          <option value="only">Excluded only</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-model">Labelled by</label>
        <select
          id="filter-model"
          className="input"
          value={filter.modelLabelled ?? ''}
          onChange={(event) => onChange({ ...filter, modelLabelled: (event.target.value || undefined) as DocumentFilter['modelLabelled'] })}
        >
          <option value="">People and the model</option>
          <option value="only">The model, not confirmed</option>
          <option value="hide">People only</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-job">Import</label>
        <select
          id="filter-job"
          className="input"
          value={filter.importJobId ?? ''}
          onChange={(event) => onChange({ ...filter, importJobId: event.target.value ? Number(event.target.value) : undefined })}
        >
          <option value="">All imports</option>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>{`#${job.id} ${job.rootPath.split(/[\\/]/).pop() ?? ''}`}</option>
          ))}
        </select>
      </div>
      <fieldset className="field length-field">
        <legend>Length (characters)</legend>
        <input
          className="input"
          inputMode="numeric"
          aria-label="Minimum length"
          placeholder="min"
          defaultValue={filter.minChars ?? ''}
          key={`min-${filter.minChars ?? ''}`}
          onBlur={(event) => onChange({ ...filter, minChars: numberOrUndefined(event.target.value) })}
        />
        <span aria-hidden="true">–</span>
        <input
          className="input"
          inputMode="numeric"
          aria-label="Maximum length"
          placeholder="max"
          defaultValue={filter.maxChars ?? ''}
          key={`max-${filter.maxChars ?? ''}`}
          onBlur={(event) => onChange({ ...filter, maxChars: numberOrUndefined(event.target.value) })}
        />
      </fieldset>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={filter.duplicates ?? false}
          onChange={(event) => onChange({ ...filter, duplicates: event.target.checked || undefined })}
        />
        Duplicates only
      </label>
      {isFiltered(filter) ? (
        <button type="button" className="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
