import { describe, expect, it } from 'vitest';
import { fileStatuses } from '../../preload/contract';
import { importReportHash, importReportIdFromHash } from '../../renderer/app/routes';
import { compactPath, isResumable, nonZeroCounts, orderedStatuses, problemCount, statusLabel } from '../../renderer/features/import/import-format';
import { formatBytes, formatCount, formatEta, formatRate, percentDone } from '../../renderer/format/numbers';

describe('status labels', () => {
  it('covers every contract status, in the contract order', () => {
    expect(orderedStatuses).toEqual([...fileStatuses]);
  });
  it('says what a status means in words', () => {
    expect(statusLabel('no_text')).toBe('no text (needs OCR)');
    expect(statusLabel('suspicious_archive')).toBe('suspicious archive');
    expect(statusLabel('io_error')).toBe('io error');
  });
  it('keeps non-zero counts in order and counts problems without imported and duplicate', () => {
    const counts = { damaged: 2, imported: 10, duplicate: 3, empty: 0, encrypted: 1 };
    expect(nonZeroCounts(counts).map((c) => c.status)).toEqual(['imported', 'duplicate', 'encrypted', 'damaged']);
    expect(problemCount(counts)).toBe(3);
  });
});

describe('formatting', () => {
  it('formats ETAs from seconds', () => {
    expect(formatEta(null)).toBe('—');
    expect(formatEta(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatEta(0.4)).toBe('less than a second');
    expect(formatEta(12.4)).toBe('12 s');
    expect(formatEta(185)).toBe('3 min 05 s');
    expect(formatEta(3720)).toBe('1 h 02 min');
  });
  it('groups thousands with a narrow space', () => {
    expect(formatCount(4210)).toBe('4\u202f210');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1\u202f234\u202f567');
  });
  it('formats rates, sizes and percentages', () => {
    expect(formatRate(0)).toBe('— files/s');
    expect(formatRate(2.345)).toBe('2.3 files/s');
    expect(formatRate(512.2)).toBe('512 files/s');
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(4300)).toBe('4.2 KB');
    expect(formatBytes(13 * 1024 * 1024)).toBe('13 MB');
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
  });
  it('compactPath keeps a short path whole and the last segments of a long one', () => {
    expect(compactPath('/home/me/resumes/')).toBe('/home/me/resumes');
    expect(compactPath('/')).toBe('/');
    expect(compactPath('/work/shared/data/very/long/folder/name/that/goes/on/resumes', 30)).toBe('…/name/that/goes/on/resumes');
    // Always at least the last two segments, even when they alone are longer than asked.
    expect(compactPath('/a/extraordinarily-long-folder-name/data', 10)).toBe('…/extraordinarily-long-folder-name/data');
    expect(compactPath('C:\\Users\\me\\Documents\\hiring\\2024\\resumes', 24)).toBe('…\\hiring\\2024\\resumes');
    for (const path of ['/x/y', '/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/aa/bb/cc/dd'])
      expect(compactPath(path, 20).length).toBeLessThanOrEqual(20);
  });
  it('offers Resume only for stopped jobs', () => {
    expect(isResumable({ state: 'interrupted' })).toBe(true);
    expect(isResumable({ state: 'failed' })).toBe(true);
    expect(isResumable({ state: 'finished' })).toBe(false);
    expect(isResumable({ state: 'running' })).toBe(false);
  });
});

describe('import report route', () => {
  it('round-trips a job id through the hash and rejects anything else', () => {
    expect(importReportIdFromHash(importReportHash(42))).toBe(42);
    expect(importReportIdFromHash('#/dataset')).toBeNull();
    expect(importReportIdFromHash('#/dataset/import/0')).toBeNull();
    expect(importReportIdFromHash('#/dataset/import/abc')).toBeNull();
  });
});
