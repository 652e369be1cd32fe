// The curation views' URL state, their keys, and type-ahead: pure functions.
import { describe, expect, it } from 'vitest';
import { curationViewFromHash, hashForResumes, isFiltered, resumesStateFromHash } from '../../renderer/features/curation/curation-url';
import { historyAction, tableAction } from '../../renderer/features/curation/curation-keys';
import { typeAheadMatch } from '../../renderer/features/curation/label-controls';
import { routeFromHash } from '../../renderer/app/routes';

const keys = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('curation URL state', () => {
  it('round-trips every filter, the sort and the open resume through the hash', () => {
    const state = {
      filter: {
        q: 'nurse OR "registered nurse" & co',
        categories: ['ARTS', 'Sales & Marketing'],
        unlabelled: true,
        excluded: 'only' as const,
        duplicates: true,
        minChars: 0,
        maxChars: 299,
        importJobId: 3,
      },
      sort: { key: 'category' as const, direction: 'desc' as const },
      documentId: 42,
    };
    const hash = hashForResumes(state);
    expect(hash.startsWith('#/dataset/resumes?')).toBe(true);
    expect(routeFromHash(hash)).toBe('dataset');
    expect(curationViewFromHash(hash)).toBe('resumes');
    expect(resumesStateFromHash(hash)).toEqual(state);
  });

  it('leaves defaults out and reads a bare view as unfiltered, sorted as imported', () => {
    expect(hashForResumes({})).toBe('#/dataset/resumes');
    expect(resumesStateFromHash('#/dataset/resumes')).toEqual({ filter: {}, sort: { key: 'id', direction: 'asc' }, documentId: null });
    expect(curationViewFromHash('#/dataset/duplicates')).toBe('duplicates');
    expect(curationViewFromHash('#/dataset')).toBeNull();
    expect(curationViewFromHash('#/dataset/import/3')).toBeNull();
  });

  it('ignores what it cannot read instead of failing', () => {
    expect(resumesStateFromHash('#/dataset/resumes?min=-5&max=abc&job=0&sort=evil&dir=sideways&excluded=maybe&doc=x&cat=')).toEqual({
      filter: {},
      sort: { key: 'id', direction: 'asc' },
      documentId: null,
    });
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ q: '' })).toBe(false);
    expect(isFiltered({ minChars: 0 })).toBe(true);
  });
});

describe('curation keys', () => {
  it('maps J/K, digits, X, Space, Enter and letters in the table', () => {
    expect(tableAction(keys('j'))).toEqual({ kind: 'move', by: 1 });
    expect(tableAction(keys('ArrowUp'))).toEqual({ kind: 'move', by: -1 });
    expect(tableAction(keys('3'))).toEqual({ kind: 'label', index: 2 });
    expect(tableAction(keys('0'))).toBeNull();
    expect(tableAction(keys('X'))).toEqual({ kind: 'toggleExcluded' });
    expect(tableAction(keys(' '))).toEqual({ kind: 'toggleSelected' });
    expect(tableAction(keys('Enter'))).toEqual({ kind: 'openLabel' });
    expect(tableAction(keys('é'))).toEqual({ kind: 'typeAhead', text: 'é' });
    expect(tableAction(keys('j', { ctrlKey: true }))).toBeNull();
    expect(tableAction(keys('Tab'))).toBeNull();
  });

  it('undoes with Ctrl/Cmd+Z and redoes with Shift, or Ctrl+Y', () => {
    expect(historyAction(keys('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(historyAction(keys('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(historyAction(keys('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(historyAction(keys('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(historyAction(keys('z'))).toBeNull();
    expect(historyAction(keys('z', { ctrlKey: true, metaKey: true }))).toBeNull();
  });

  it('type-ahead prefers a name that starts with the text, then one that contains it', () => {
    const categories = ['Accountant', 'Data Scientist', 'Nurse', 'Software Engineer'].map((category) => ({ category, documents: 1 }));
    expect(typeAheadMatch(categories, 'nu')).toBe('Nurse');
    expect(typeAheadMatch(categories, 'ENGIN')).toBe('Software Engineer');
    expect(typeAheadMatch(categories, 'sci')).toBe('Data Scientist');
    expect(typeAheadMatch(categories, 'zzz')).toBeNull();
    expect(typeAheadMatch(categories, '  ')).toBeNull();
  });
});
