// @vitest-environment jsdom
// The data-health card says in its own words when the near-duplicate search failed or is behind.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataHealth } from '../../preload/contract';
import { DataHealthCard } from '../../renderer/features/dataset/data-health-card';

afterEach(cleanup);

const health: DataHealth = {
  classCounts: [],
  tinyClasses: [],
  tinyClassThreshold: 10,
  unlabelled: 0,
  extractionFailures: 0,
  shortTexts: 0,
  shortTextChars: 300,
  longTexts: 0,
  longTextChars: 50_000,
  nearDuplicates: 0,
  nearDuplicatesUnchecked: 0,
  nearDuplicateProblem: null,
  similarCategories: [],
};

describe('DataHealthCard near-duplicates', () => {
  it('shows the failed search as its sentence, marked for attention even at a count of 0', () => {
    const problem = 'The near-duplicate search ran out of memory (limit 512 MB) and was stopped. The import itself is kept.';
    render(<DataHealthCard health={{ ...health, nearDuplicateProblem: problem, nearDuplicatesUnchecked: 120 }} />);
    const finding = screen.getByTestId('health-near');
    expect(finding.textContent).toContain(problem);
    expect(finding.className).toContain('attention');
  });

  it('says how many documents are not checked yet, and nothing alarming when all are', () => {
    render(<DataHealthCard health={{ ...health, nearDuplicatesUnchecked: 1200 }} />);
    expect(screen.getByTestId('health-near').textContent).toMatch(/1.200 not checked yet/);
    cleanup();
    render(<DataHealthCard health={health} />);
    expect(screen.getByTestId('health-near').textContent).toContain('Almost the same text as another document');
    expect(screen.getByTestId('health-near').className).toContain('ok');
  });
});
