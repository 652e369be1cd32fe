// Mistakes a user makes on the command line get one sentence that says what to do, never a stack
// trace, NaN or wrong advice: bad numbers, a bad or read-only data folder, a busy port, a dataset
// that changed before a resume. Real processes where the failure is the process's own.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliText } from '../../helpers/run-cli';

const root = path.resolve(import.meta.dirname, '../../..');
const run = runCliText;

/** Runs a source entry as a real process; as root, as `nobody`, so file permissions apply. */
async function runProcess(args: string[], options: { asUnprivileged?: boolean } = {}) {
  const dropRoot = options.asUnprivileged && process.getuid?.() === 0;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: root,
      env: { ...process.env, RESUME_STUDIO_FROM_SOURCE: '1', HOME: dropRoot ? '/tmp' : process.env.HOME },
      // A process that hangs (a FIFO opened for reading) is killed and fails the test.
      timeout: 120_000,
      ...(dropRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
  // `nobody` must be able to reach the folders a test makes read-only.
  fs.chmodSync(temp.dir, 0o755);
});
afterEach(() => temp.cleanup());

describe('numbers on the command line', () => {
  it('--batch-size abc is refused with a sentence before anything is opened', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const { code, err } = await run(['import', temp.dir, '--data-dir', dataDir, '--batch-size', 'abc']);
    expect(code).toBe(1);
    expect(err).toBe('error: --batch-size must be a whole number from 1 to 100000, not "abc".');
    expect(fs.existsSync(dataDir)).toBe(false);
    expect((await run(['import', temp.dir, '--data-dir', dataDir, '--batch-size', '0'])).err).toContain('from 1 to 100000, not "0"');
  });
});

describe('the data folder', () => {
  it('a file in its place, or in its path, is named in a sentence (no raw EEXIST / ENOTDIR)', async () => {
    const file = path.join(temp.dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const inPlace = await run(['info', '--data-dir', file]);
    expect(inPlace.err).toBe(`error: The data folder ${file} is a file, not a folder; choose another data folder with --data-dir or RESUME_STUDIO_DATA_DIR.`);
    const below = await run(['info', '--data-dir', path.join(file, 'sub', 'data')]);
    expect(below.err).toBe(
      `error: The data folder ${path.join(file, 'sub', 'data')} cannot be created because ${file} is a file, not a folder; choose another data folder with --data-dir or RESUME_STUDIO_DATA_DIR.`,
    );
    expect(inPlace.err + below.err).not.toMatch(/EEXIST|ENOTDIR/);
  });

  it.skipIf(process.platform === 'win32')('a read-only data folder is called read-only, not something to move aside (CLI and web mode)', async () => {
    const empty = path.join(temp.dir, 'empty-readonly');
    const existing = path.join(temp.dir, 'existing-readonly');
    fs.mkdirSync(empty);
    expect((await run(['info', '--data-dir', existing])).code).toBe(0);
    fs.chmodSync(empty, 0o555);
    fs.chmodSync(existing, 0o555);
    fs.chmodSync(path.join(existing, 'studio.sqlite'), 0o444);
    try {
      for (const dir of [empty, existing]) {
        const cli = await runProcess(['bin/resume-studio.mjs', 'info', '--data-dir', dir], { asUnprivileged: true });
        expect(cli.code).toBe(1);
        expect(cli.stderr.trim()).toBe(
          `error: The data folder ${dir} is read-only for this user, so Resume Studio cannot save anything there. Make it writable, or choose another data folder with --data-dir or RESUME_STUDIO_DATA_DIR.`,
        );
      }
      const web = await runProcess(['--import', 'tsx', 'main/bridge/web.ts', '--data-dir', existing], { asUnprivileged: true });
      expect(web.code).toBe(1);
      expect(web.stderr).toContain(`error: The data folder ${existing} is read-only for this user`);
      expect(web.stderr).not.toMatch(/move it aside|\n\s+at /);
    } finally {
      fs.chmodSync(empty, 0o755);
      fs.chmodSync(existing, 0o755);
    }
  });

  it.skipIf(process.platform === 'win32')('a read-only database file in a writable folder is called read-only', async () => {
    const dir = path.join(temp.dir, 'writable');
    expect((await run(['info', '--data-dir', dir])).code).toBe(0);
    // The folder belongs to the user who runs the CLI; the database file is not writable for them.
    if (process.getuid?.() === 0) fs.chownSync(dir, 65534, 65534);
    fs.chmodSync(path.join(dir, 'studio.sqlite'), 0o444);
    const cli = await runProcess(['bin/resume-studio.mjs', 'info', '--data-dir', dir], { asUnprivileged: true });
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim()).toBe(
      `error: The database ${path.join(dir, 'studio.sqlite')} is read-only for this user, so Resume Studio cannot save anything there. Make it writable, or choose another data folder with --data-dir or RESUME_STUDIO_DATA_DIR.`,
    );
  });
});

describe('web mode', () => {
  it('--port abc and a port in use are sentences, not stack traces', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const bad = await runProcess(['--import', 'tsx', 'main/bridge/web.ts', '--data-dir', dataDir, '--port', 'abc']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('error: --port must be a whole number from 0 to 65535, not "abc".');

    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as net.AddressInfo;
    try {
      const busy = await runProcess(['--import', 'tsx', 'main/bridge/web.ts', '--data-dir', dataDir, '--port', String(port)]);
      expect(busy.code).toBe(1);
      expect(busy.stderr.trim()).toBe(
        `error: Port ${port} on 127.0.0.1 is already in use by another program; choose another with --port N, or --port 0 for any free one.`,
      );
    } finally {
      squatter.close();
    }
  });
});

describe('re-running an import', () => {
  it('after the CSV changed, the refusal to resume says how to start again (--fresh)', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const csv = path.join(temp.dir, 'people.csv');
    fs.writeFileSync(csv, 'resume_text,category\n"Chef with ten years of brigade work",CHEF\n"Nurse on a night ward",NURSE\n');
    expect((await run(['import', csv, '--data-dir', dataDir])).code).toBe(0);
    // As if that run had been interrupted, then the file was edited.
    const { openDatabase } = await import('../../../main/store/database');
    const db = await openDatabase(path.join(dataDir, 'studio.sqlite'));
    db.prepare("UPDATE import_jobs SET state = 'interrupted'").run();
    db.close();
    fs.appendFileSync(csv, '"Teacher of year five",TEACHER\n');
    const again = await run(['import', csv, '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/people\.csv changed since import 1 started.*run the same command with --fresh\.$/);
    expect((await run(['import', csv, '--data-dir', dataDir, '--fresh'])).code).toBe(0);
  });
});

describe('train and predict', () => {
  it('train --out to a path that cannot be written fails before any training', async () => {
    const missingFolder = path.join(temp.dir, 'no-such-folder', 'model.json');
    const result = await run(['train', '--data', 'sample', '--out', missingFolder]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`error: --out ${missingFolder}: the folder ${path.dirname(missingFolder)} does not exist; give a path you can write to.`);
    // Nothing was loaded or trained: no progress line came before the error.
    expect(result.err).not.toMatch(/documents|holdout|epoch/);
    expect((await run(['train', '--data', 'sample', '--out', temp.dir])).err).toContain('that is a folder; name a file inside it');
  });

  it.skipIf(process.platform === 'win32')('train --out into a read-only folder says permission denied, before training', async () => {
    const locked = path.join(temp.dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const out = path.join(locked, 'model.json');
    const result = await runProcess(['bin/resume-studio.mjs', 'train', '--data', 'sample', '--out', out], { asUnprivileged: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`error: --out ${out}: permission denied; give a path you can write to.`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('predict with a FIFO as the model or as a resume answers at once instead of hanging', async () => {
    const data = path.join(temp.dir, 'data');
    for (const [label, words] of [
      ['CHEF', 'kitchen menu brigade sauce'],
      ['NURSE', 'ward patient care triage'],
    ] as const) {
      fs.mkdirSync(path.join(data, label), { recursive: true });
      for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(data, label, `${i}.txt`), `${words} ${words} number ${i}`);
    }
    const model = path.join(temp.dir, 'model.json');
    expect((await run(['train', '--data', data, '--out', model])).code).toBe(0);
    const fifoModel = path.join(temp.dir, 'model-pipe.json');
    const fifoResume = path.join(temp.dir, 'resume-pipe.txt');
    execFileSync('mkfifo', [fifoModel]);
    execFileSync('mkfifo', [fifoResume]);
    // Real processes: a hang would be killed by the timeout and fail the test.
    const asModel = await runProcess(['bin/resume-studio.mjs', 'predict', '--model', fifoModel, path.join(data, 'CHEF', '0.txt')]);
    expect(asModel.code).toBe(1);
    expect(asModel.stderr.trim()).toBe(`error: ${fifoModel}: cannot read the model: it is a named pipe (FIFO), not a regular file, so it was not opened.`);
    const asResume = await runProcess(['bin/resume-studio.mjs', 'predict', '--model', model, fifoResume]);
    expect(asResume.code).toBe(1);
    expect(asResume.stderr).toContain(`${fifoResume}: cannot read`);
    expect(asResume.stderr).toContain('named pipe (FIFO)');
  });
});
