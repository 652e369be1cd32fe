import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandUserPath } from '../../../main/import/user-path';

const home = '/home/me';

describe('expandUserPath', () => {
  it('expands a leading ~ to the home folder', () => {
    expect(expandUserPath('~', home)).toBe(home);
    expect(expandUserPath('~/resumes', home)).toBe(path.join(home, 'resumes'));
    expect(expandUserPath('  ~/a b/c  ', home)).toBe(path.join(home, 'a b/c'));
  });

  it('drops one pair of surrounding quotes, single or double', () => {
    expect(expandUserPath('"/data/my resumes"', home)).toBe('/data/my resumes');
    expect(expandUserPath("'/data/my resumes'", home)).toBe('/data/my resumes');
    expect(expandUserPath('"~/resumes"', home)).toBe(path.join(home, 'resumes'));
    expect(expandUserPath('"C:\\\\Users\\\\me\\\\resumes"', home)).toBe('C:\\\\Users\\\\me\\\\resumes');
  });

  it('leaves everything else as typed', () => {
    expect(expandUserPath("/data/it's here", home)).toBe("/data/it's here");
    expect(expandUserPath('"/unbalanced', home)).toBe('"/unbalanced');
    expect(expandUserPath('~bob/resumes', home)).toBe('~bob/resumes');
    expect(expandUserPath('/data/~/x', home)).toBe('/data/~/x');
  });
});
