import { describe, expect, it } from 'vitest';
import { formatCountOf } from '../../renderer/format/numbers';

describe('formatCountOf', () => {
  it('writes the count as every count is written, with the noun singular for exactly one', () => {
    expect(formatCountOf(1, 'category', 'categories')).toBe('1 category');
    expect(formatCountOf(24, 'category', 'categories')).toBe('24 categories');
    expect(formatCountOf(0, 'resume')).toBe('0 resumes');
    expect(formatCountOf(2481, 'resume')).toBe('2\u202f481 resumes');
    expect(formatCountOf(1, 'near-duplicate group')).toBe('1 near-duplicate group');
  });
});
