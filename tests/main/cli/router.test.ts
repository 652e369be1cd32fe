import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/store/migrations';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliText } from '../../helpers/run-cli';

const run = runCliText;

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir()));
afterEach(() => temp.cleanup());

describe('resume-studio CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: resume-studio <command>/);
    expect(out).toMatch(/\n {2}info +Show the data directory/);
  });
  it('an unknown command exits 2 with the help on stderr', async () => {
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });
  it('info creates and describes a data directory through the core', async () => {
    const { code, out } = await run(['info', '--data-dir', temp.dir, '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.info).toMatchObject({ transport: 'cli', schemaVersion: migrations.at(-1)!.version, dataDir: temp.dir });
    expect(parsed.summary).toMatchObject({ documents: 0, categories: [] });
  });
  it('the bin runs as a real process from the sources', async () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/resume-studio.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'info', '--data-dir', temp.dir], {
      env: { ...process.env, RESUME_STUDIO_FROM_SOURCE: '1' },
    });
    expect(stdout).toMatch(/database +.*studio\.sqlite \(schema \d+\)/);
  });
});
