// Full-text search: what people type becomes a safe FTS5 query, checked against a real SQLite file.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSearch } from '../../../main/curation/search-query';
import { searchTooCostly } from '../../../preload/contract';
import { createCore, type Core } from '../../../main/core/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedDocuments } from './seed';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let ids: Record<string, number>;

const texts = {
  nurse: 'Registered nurse in an intensive care unit, patient care and triage.',
  nursing: 'Nursing assistant; helped nurses with patient records.',
  chef: 'Head chef: menu design, kitchen brigade, pastry and sauces.',
  pastry: 'Pastry chef specialised in viennoiserie and chocolate work.',
  jose: 'José García — contable, expérience en comptabilité générale.',
  cpp: 'Software engineer: C++ and Rust, "quoted" words and 100% test coverage.',
  teacher: 'Teacher of mathematics; registered with the teaching council.',
};

/** Names of the seeded documents a search finds, sorted. */
async function found(q: string): Promise<string[]> {
  const page = await core.call('documents.list', { filter: { q }, limit: 1000 });
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return page.rows.map((row) => byId.get(row.id)!).sort();
}

beforeAll(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli' });
  const names = Object.keys(texts) as (keyof typeof texts)[];
  const stored = seedDocuments(
    core.db,
    names.map((name) => ({ text: texts[name], category: null, fileName: `${name}.txt` })),
  );
  ids = Object.fromEntries(names.map((name, i) => [name, stored[i]!]));
});
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe('search syntax', () => {
  it('words must all match; OR, NOT, phrases, prefixes and parentheses work', async () => {
    expect(await found('chef pastry')).toEqual(['chef', 'pastry']);
    expect(await found('chef AND kitchen')).toEqual(['chef']);
    expect(await found('nurse OR teacher')).toEqual(['nurse', 'teacher']);
    expect(await found('chef NOT viennoiserie')).toEqual(['chef']);
    expect(await found('"registered nurse"')).toEqual(['nurse']);
    expect(await found('registered')).toEqual(['nurse', 'teacher']);
    expect(await found('nurs*')).toEqual(['nurse', 'nursing']);
    expect(await found('(nurse OR chef) AND patient')).toEqual(['nurse']);
    expect(await found('nurse OR "registered nurse"')).toEqual(['nurse']);
  });

  it('a query that only excludes returns everything else', async () => {
    expect(await found('NOT chef')).toEqual(['cpp', 'jose', 'nurse', 'nursing', 'teacher']);
    expect(await found('NOT chef NOT nurse*')).toEqual(['cpp', 'jose', 'teacher']);
    expect(await found('teacher OR NOT registered')).toEqual(['chef', 'cpp', 'jose', 'nursing', 'pastry', 'teacher']);
    expect(await found('NOT (NOT chef)')).toEqual(['chef', 'pastry']);
  });

  it('matches without accents and without case, and searches file names too', async () => {
    expect(await found('jose')).toEqual(['jose']);
    expect(await found('GARCÍA')).toEqual(['jose']);
    expect(await found('experience comptabilite')).toEqual(['jose']);
    expect(await found('teacher.txt')).toEqual(['teacher']);
  });

  it('treats odd input as plain words: quotes, operators, symbols, unicode, empty', async () => {
    expect(await found('')).toHaveLength(7);
    expect(await found('   ')).toHaveLength(7);
    expect(await found('"')).toHaveLength(7);
    expect(await found('AND OR NOT')).toHaveLength(7);
    expect(await found('((( ))) * -- ++ "" ^')).toHaveLength(7);
    expect(await found('"registered nurse')).toEqual(['nurse']);
    expect(await found('c++')).toEqual(['cpp']);
    expect(await found('100%')).toEqual(['cpp']);
    expect(await found('"quoted"')).toEqual(['cpp']);
    expect(await found('chef)')).toEqual(['chef', 'pastry']);
    expect(await found('chef AND')).toEqual(['chef', 'pastry']);
    expect(await found('OR chef')).toEqual(['chef', 'pastry']);
    expect(await found('chef NOT')).toEqual(['chef', 'pastry']);
    expect(await found('file_name:chef')).toEqual([]);
    // NEAR is not an operator here: it is a word no resume contains.
    expect(await found('NEAR(chef pastry)')).toEqual([]);
    expect(await found('chef\u0000 pastry\u0007')).toEqual(['chef', 'pastry']);
    expect(await found('🍳 chef')).toEqual(['chef', 'pastry']);
    expect(await found('and')).toEqual(['chef', 'cpp', 'nurse', 'pastry']);
  });

  it('compiles every word to a quoted string, so no input is FTS5 syntax', () => {
    expect(compileSearch('')).toBeNull();
    expect(compileSearch('a"b')).toEqual({ match: '("a") AND ("b")', isNegated: false });
    expect(compileSearch('x AND NOT y')).toEqual({ match: '(("x")) NOT (("y"))', isNegated: false });
    expect(compileSearch('say "he said ""hi"""')?.match).toContain('"he said "');
  });

  it('never fails on arbitrary input (property test against SQLite)', async () => {
    const alphabet = fc.constantFrom('"', '(', ')', '*', ' ', 'AND', 'OR', 'NOT', 'NEAR', ':', '^', '-', '+', 'chef', 'é', '\u0000', '🍳', "'", '\\', '{', '}');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join('')),
        ),
        async (q) => {
          // Either an answer, or a search over its cost bounds refused with its sentence; never an SQLite error.
          if (searchTooCostly(q)) {
            await expect(core.call('documents.list', { filter: { q } })).rejects.toThrow(searchTooCostly(q)!);
            return;
          }
          const page = await core.call('documents.list', { filter: { q } });
          expect(page.total).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('search cost bounds', () => {
  it('refuses a search that would make the index do unbounded work, with a sentence, for the table and for bulk actions', async () => {
    // The probe that froze every request for 8.9 s on 108k resumes.
    const flood = 'a* '.repeat(666);
    const cases: [string, RegExp][] = [
      [flood, /at most 500 characters; this one has 1998/],
      ['a* b c', /at least 2 letters before the \*: "a\*"/],
      [Array.from({ length: 25 }, (_, i) => `w${i}`).join(' '), /at most 24 words or phrases; this one has 25/],
      ['ch* nu* pa* te* re*', /at most 4 prefix words \(ending in \*\); this one has 5/],
    ];
    for (const [q, sentence] of cases) {
      await expect(core.call('documents.list', { filter: { q } }), q.slice(0, 20)).rejects.toThrow(sentence);
      await expect(core.call('documents.setCategory', { filter: { q }, category: 'X' }), q.slice(0, 20)).rejects.toThrow(sentence);
    }
    // Within the bounds: two-letter prefixes, four of them, 24 words.
    expect(await found('ch* OR nu* OR pa* OR te*')).toEqual(['chef', 'cpp', 'nurse', 'nursing', 'pastry', 'teacher']);
    expect(await found(Array.from({ length: 23 }, (_, i) => `w${i}`).join(' OR ') + ' OR chef')).toEqual(['chef', 'pastry']);
  });
});
