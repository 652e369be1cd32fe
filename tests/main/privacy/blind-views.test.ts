// The answers of category changes carry the label history, whose previous step can quote a file
// name ("Kept "…" and excluded 2 resumes"): blind mode masks them too. The compiler now requires a
// redactor for every text-bearing method (blind-views.types.ts); before, these four had none.
import { describe, expect, it } from 'vitest';
import { withBlindViews } from '../../../main/privacy/blind-views';
import type { HandlersFor } from '../../../main/rpc/dispatcher';
import type { CategoryResult, Contract } from '../../../preload/contract';

const keptStep = { id: 7, description: 'Kept "jordan-example-cv.pdf" and excluded 2 resumes of its duplicate group', doneAt: '2026-01-01T00:00:00Z' };
const answer: CategoryResult = {
  plan: { description: 'Create the category Chef', moved: 0 },
  change: { changed: 0, matched: 0, step: null, history: { undo: keptStep, redo: null } },
};

describe('blind views of category changes', () => {
  it.each(['categories.create', 'categories.rename', 'categories.merge', 'categories.delete'] as const)(
    '%s masks the file name its history quotes',
    async (method) => {
      let isBlind = false;
      const handlers = { [method]: async () => answer } as unknown as HandlersFor<Contract>;
      const wrapped = withBlindViews(handlers, { isBlind: () => isBlind, documents: { get: () => undefined } });
      const call = wrapped[method] as (input: unknown) => Promise<CategoryResult>;
      expect(JSON.stringify(await call({}))).toContain('jordan-example-cv.pdf');
      isBlind = true;
      const masked = await call({});
      expect(JSON.stringify(masked)).not.toMatch(/jordan|example-cv/);
      expect(masked.change?.history.undo?.description).toMatch(/^Kept ".+" and excluded 2 resumes of its duplicate group$/);
    },
  );
});
