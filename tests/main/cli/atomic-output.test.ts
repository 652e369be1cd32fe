// Issue 22 item 3: a full disk used to leave half-written output from `export` (csv, jsonl,
// folders), `export-model` and `train --out`; a re-run then refused ("already exists") and a partial
// folder export re-imported as finished. Output now appears whole or not at all, and a full or
// read-only target gets a sentence. A real tmpfs where it can be mounted (else the error is faked
// at the write). Generated resumes only.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../main/core/core';
import { generateResumeSample } from '../../../ml/sample/generate';
import { fsError, mountSmallDisk } from '../../helpers/small-disk';
import { makeTempDir } from '../../helpers/temp-dir';
import { tinyModelJson } from '../../helpers/tiny-model';
import { runCliText } from '../../helpers/run-cli';

const run = runCliText;

let temp: ReturnType<typeof makeTempDir>;
let studio: string;
let seed: string;
let full: ReturnType<typeof mountSmallDisk>;
let readOnly: ReturnType<typeof mountSmallDisk>;
let fullDir: string;
let readOnlyDir: string;

beforeAll(async () => {
  temp = makeTempDir();
  studio = path.join(temp.dir, 'studio');
  seed = path.join(temp.dir, 'seed.jsonl');
  // Several times what the small disk holds.
  const rows = generateResumeSample({ seed: 4, perClass: 50, classes: ['Nurse', 'Accountant', 'Teacher', 'Sales'], nearDuplicateRate: 0 });
  fs.writeFileSync(seed, rows.map((r) => JSON.stringify({ text: r.text, category: r.category })).join('\n'));
  expect((await run(['import', seed, '--data-dir', studio])).code).toBe(0);
  const core = await createCore({ dataDir: studio, transport: 'cli', sampleDir: null });
  const model = await core.call('models.import', { fileName: 'm.json', json: tinyModelJson() });
  await core.call('models.activate', { id: model.id });
  await core.close();
  full = mountSmallDisk(temp.dir, 'full', { sizeBytes: 16 * 1024 });
  readOnly = mountSmallDisk(temp.dir, 'read-only', { readOnly: true });
  fullDir = full?.dir ?? path.join(temp.dir, 'full');
  readOnlyDir = readOnly?.dir ?? path.join(temp.dir, 'read-only');
});
afterAll(() => {
  full?.unmount();
  readOnly?.unmount();
  temp.cleanup();
});

/**
 * Runs `argv` against a disk that fills after 8 KB: the real tmpfs, or (where none could be
 * mounted) fs writes that fail with ENOSPC once 8 KB went through.
 */
async function onFullDisk(argv: string[]) {
  if (full) return run(argv);
  let written = 0;
  const fill = (bytes: number) => {
    written += bytes;
    if (written > 8 * 1024) throw fsError('ENOSPC');
  };
  const writeSync = fs.writeSync;
  const writeFileSync = fs.writeFileSync;
  const spies = [
    vi
      .spyOn(fs, 'writeSync')
      .mockImplementation(((fd: number, data: Buffer, offset: number) => (fill(data.length - offset), writeSync(fd, data, offset))) as typeof fs.writeSync),
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, data: string, options?: fs.WriteFileOptions) => {
      if (String(file).startsWith(fullDir)) fill(Buffer.byteLength(data));
      return writeFileSync(file, data, options);
    }) as typeof fs.writeFileSync),
  ];
  try {
    return await run(argv);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** On a read-only disk (real, or faked where no tmpfs was mounted): opening and creating fail with EROFS. */
async function onReadOnlyDisk(argv: string[]) {
  if (readOnly) return run(argv);
  const openSync = fs.openSync;
  const mkdirSync = fs.mkdirSync;
  const refuse = (file: fs.PathLike) => String(file).startsWith(readOnlyDir);
  const spies = [
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (refuse(file)) throw fsError('EROFS');
      return openSync(file, flags, mode);
    }) as typeof fs.openSync),
    vi.spyOn(fs, 'mkdirSync').mockImplementation(((file: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
      if (refuse(file)) throw fsError('EROFS');
      return mkdirSync(file, options);
    }) as typeof fs.mkdirSync),
  ];
  try {
    return await run(argv);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const leftovers = () => fs.readdirSync(fullDir);

describe('a full disk leaves no half-written output, and a re-run elsewhere works', () => {
  for (const format of ['csv', 'jsonl', 'folders']) {
    it(`export --format ${format}`, async () => {
      const out = path.join(fullDir, `dataset-${format}`);
      const failed = await onFullDisk(['export', '--data-dir', studio, '--format', format, '--out', out]);
      expect(failed.code, `${failed.out} ${failed.err}`).toBe(1);
      expect(failed.err).toBe(`error: Could not write ${out}: the disk is full; nothing was left there (the partial output was removed).`);
      expect(leftovers()).toEqual([]);
      const roomy = path.join(temp.dir, `roomy-${format}`);
      const again = await run(['export', '--data-dir', studio, '--format', format, '--out', roomy]);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toMatch(/^Exported 200 resumes/);
      expect(fs.readdirSync(temp.dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
    });
  }

  it('export-model and train --out', async () => {
    const bigModel = path.join(fullDir, 'model.json');
    // The model must not fit the small disk, or this test proves nothing.
    expect(tinyModelJson().length).toBeGreaterThan(16 * 1024);
    const exported = await onFullDisk(['export-model', '--data-dir', studio, '--out', bigModel]);
    expect(exported.code).toBe(1);
    expect(exported.err).toBe(`error: Could not write ${bigModel}: the disk is full; nothing was left there (the partial output was removed).`);
    expect(leftovers()).toEqual([]);
    const trained = await onFullDisk(['train', '--data', seed, '--out', bigModel, '--seed', '1']);
    expect(trained.code).toBe(1);
    expect(trained.err).toMatch(new RegExp(`error: Could not write ${bigModel.replace(/[.]/g, '\\.')}: the disk is full; nothing was left there`));
    expect(leftovers()).toEqual([]);
  });
});

describe('a read-only target gets a sentence, not a raw EROFS', () => {
  it('export, export-model', async () => {
    const csv = path.join(readOnlyDir, 'out.csv');
    const exported = await onReadOnlyDisk(['export', '--data-dir', studio, '--format', 'csv', '--out', csv]);
    expect(exported.code).toBe(1);
    expect(exported.err).toBe(`error: Could not write ${csv}: the disk is read-only; nothing was left there (the partial output was removed).`);
    const folders = path.join(readOnlyDir, 'folders');
    const folderExport = await onReadOnlyDisk(['export', '--data-dir', studio, '--format', 'folders', '--out', folders]);
    expect(folderExport.err).toBe(`error: Could not write ${folders}: the disk is read-only; nothing was left there (the partial output was removed).`);
    const model = path.join(readOnlyDir, 'model.json');
    const modelExport = await onReadOnlyDisk(['export-model', '--data-dir', studio, '--out', model]);
    expect(modelExport.err).toBe(`error: Could not write ${model}: the disk is read-only; nothing was left there (the partial output was removed).`);
    const missing = path.join(temp.dir, 'no-such-folder', 'model.json');
    const noFolder = await run(['export-model', '--data-dir', studio, '--out', missing]);
    expect(noFolder.err).toBe(`error: Could not write ${missing}: its folder does not exist; nothing was left there (the partial output was removed).`);
  });
});
