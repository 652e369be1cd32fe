// The answers of category changes carry the label history, whose previous step can quote a file
// name ("Kept "…" and excluded 2 resumes"): blind mode masks them too. The compiler now requires a
// redactor for every text-bearing method (blind-views.types.ts); before, these four had none.
import { describe, expect, it } from 'vitest';
import { withBlindViews } from '../../../main/privacy/blind-views';
import type { HandlersFor } from '../../../main/rpc/dispatcher';
import type { CategoryResult, Contract, QueuePage } from '../../../preload/contract';

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

describe('blind views of the suggestion queue', () => {
  const text = 'Jordan Example\njordan@example.org\nSous chef: pastry, menus.';
  const chef = text.indexOf('chef');
  const item = {
    documentId: 3,
    fileName: 'jordan-example-cv.pdf',
    text,
    suggestion: {
      name: 'jordan-example-cv.pdf',
      label: 'Chef',
      probability: 0.8,
      needsReview: false,
      reviewThreshold: 0.6,
      top: [{ label: 'Chef', probability: 0.8 }],
      evidence: [{ term: 'chef', contribution: 1.2, spans: [{ start: chef, end: chef + 4 }] }],
      truncated: false,
      model: null,
    },
    modelVersion: 1,
  };

  it('labelling.next masks the name, the text and keeps the evidence on the words behind it', async () => {
    let isBlind = false;
    const page = { items: [item, { ...item, documentId: 4, suggestion: null, modelVersion: 0 }], status: {} };
    const handlers = { 'labelling.next': async () => page } as unknown as HandlersFor<Contract>;
    const wrapped = withBlindViews(handlers, { isBlind: () => isBlind, documents: { get: () => undefined } });
    const call = wrapped['labelling.next'] as (input: unknown) => Promise<QueuePage>;
    expect(JSON.stringify(await call({}))).toContain('jordan');
    isBlind = true;
    const masked = await call({});
    expect(JSON.stringify(masked)).not.toMatch(/jordan|Jordan Example/);
    const [first, second] = masked.items;
    const span = first!.suggestion!.evidence[0]!.spans[0]!;
    expect(first!.text.slice(span.start, span.end)).toBe('chef');
    expect(second!.text).toContain('Sous chef');
  });
});
