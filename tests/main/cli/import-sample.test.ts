/** `resume-studio import --sample`: the bundled sample through the CLI, found by the backend, resumable like any import. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliText } from '../../helpers/run-cli';

const run = runCliText;

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

describe('resume-studio import --sample', () => {
  it('imports the sample, lists its deliberate problems, and finds nothing new the second time', async () => {
    const { code, out, err } = await run(['import', '--sample', '--data-dir', temp.dir]);
    const errLines = err.split('\n');
    // What is imported comes first, then progress, each count once.
    expect(errLines[0]).toMatch(/^Importing .*sample-resumes…$/);
    const progress = errLines.slice(1).map((line) => /^ {2}(\d+ \/ \d+) files/.exec(line)?.[1]);
    expect(progress.every((count) => count !== undefined)).toBe(true);
    expect(new Set(progress).size).toBe(progress.length);
    expect(code).toBe(0);
    expect(out).toMatch(/^Import 1 finished: 93 \/ 93 files — imported 91, (duplicate 1, no_text 1|no_text 1, duplicate 1)$/m);
    expect(out).toMatch(/no_text +Nurse\/.*-scan\.pdf: .*OCR/);
    // The duplicate is listed with its reason too, like every file that was not imported.
    expect(out).toMatch(/^ {2}duplicate +Teacher\/\S+_copy\.pdf: Identical bytes to "Teacher\/\S+\.pdf", earlier in this import\.$/m);
    const again = await run(['import', '--sample', '--data-dir', temp.dir, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ id: 2, state: 'finished', counts: { duplicate: 92, no_text: 1 } });
  });

  it('refuses a path given with --sample', async () => {
    const { code, err } = await run(['import', '--sample', '/tmp/elsewhere', '--data-dir', temp.dir]);
    expect(code).toBe(2);
    expect(err).toMatch(/--sample imports the bundled sample; give no path with it/);
  });
});
