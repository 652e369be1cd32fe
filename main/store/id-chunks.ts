/** Splitting long id lists for `WHERE id IN (…)` statements. Pure; used by the repositories. */

/** SQLite's default limit on bound parameters is 32766; chunks stay well under it. */
const idsPerStatement = 500;

/** Splits ids into statement-sized chunks with their `?, ?, …` placeholders. */
export function* idChunks(ids: readonly number[]): Generator<{ chunk: number[]; marks: string }> {
  for (let i = 0; i < ids.length; i += idsPerStatement) {
    const chunk = ids.slice(i, i + idsPerStatement);
    yield { chunk, marks: chunk.map(() => '?').join(', ') };
  }
}
