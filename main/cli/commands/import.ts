import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportJob } from '../../../preload/contract';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import { sampleMissingMessage } from '../../import/sample-dir';
import { expandUserPath } from '../../import/user-path';
import { AppError } from '../../rpc/app-error';
import { integerOption } from '../options';
import type { Command } from '../command';

const formatCounts = (counts: ImportJob['counts']) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');

/** `resume-studio import <path>`: a folder, CSV or JSONL into a data directory, resuming an interrupted run of the same path. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import a folder of resumes (sub-folders = categories), a CSV or a JSONL file',
  usage:
    'resume-studio import <folder|file.csv|file.jsonl> [--data-dir DIR] [--text-column NAME] [--label-column NAME] [--fresh] [--follow-links] [--batch-size N] [--json]\n' +
    'resume-studio import --sample [--data-dir DIR] [--json]\n\n' +
    '--sample imports the sample dataset that comes with the app (invented resumes in six categories, with a few deliberate problems).\n' +
    'An interrupted or cancelled import of the same path is resumed (files already done are skipped) unless --fresh is given.\n' +
    'Ctrl+C stops after the current batch; run the same command again to resume.\n' +
    'Symlinks that lead outside the folder are listed as skipped and not followed unless --follow-links is given.',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'text-column': { type: 'string' },
        'label-column': { type: 'string' },
        'batch-size': { type: 'string' },
        fresh: { type: 'boolean', default: false },
        sample: { type: 'boolean', default: false },
        'follow-links': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== (values.sample ? 0 : 1)) {
      io.stderr(values.sample ? 'error: --sample imports the bundled sample; give no path with it' : 'error: give exactly one folder or file to import');
      return 2;
    }
    const batchSize = integerOption('batch-size', values['batch-size'], { min: 1, max: 100_000 });
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli', importOptions: { batchSize } });
    if (values.sample && !core.sampleDir) {
      await core.close();
      throw new AppError('not_found', sampleMissingMessage);
    }
    // A quoted '~/resumes' reaches us unexpanded; treat it as the shell would have.
    const target = values.sample ? core.sampleDir! : path.resolve(expandUserPath(positionals[0]!));
    let stopRequested = false;
    // Stops the job, or the near-duplicate pass after it (the job is already finished then): Ctrl+C
    // must not wait for the search, which the next import resumes where it stopped.
    const stop = () => {
      stopRequested = true;
      void core.imports.close();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    io.outputClosed?.addEventListener('abort', stop, { once: true });
    // Progress only after the line that says what is being imported (the first event arrives while
    // the job is being set up), and never the same count twice (the last batch and the end both report it).
    let isAnnounced = false;
    let lastShown = '';
    const offProgress = core.events.subscribe((event) => {
      if (event.name !== 'import.progressed' || values.json || !isAnnounced) return;
      const p = event.payload;
      const count = `${p.parsedFiles} / ${p.totalFiles}`;
      if (count === lastShown) return;
      lastShown = count;
      const eta = p.etaSeconds === null ? '' : `, about ${Math.ceil(p.etaSeconds)} s left`;
      io.stderr(`  ${count} files (${p.filesPerSecond.toFixed(1)} files/s${eta})`);
    });
    try {
      const resumable = values.fresh
        ? undefined
        : core.imports.jobs().find((j) => j.rootPath === target && ['interrupted', 'cancelled', 'failed'].includes(j.state));
      if (resumable && !values.json) io.stderr(`Resuming import ${resumable.id}, interrupted at ${resumable.doneFiles} / ${resumable.totalFiles}.`);
      else if (!values.json) io.stderr(`Importing ${target}…`);
      isAnnounced = true;
      const started = resumable
        ? await core.call('import.resume', { jobId: resumable.id }).catch((error: unknown) => {
            // The CLI resumes on its own initiative, so it owes the way out: --fresh.
            if (error instanceof AppError && error.code === 'conflict') {
              throw new AppError('conflict', `${error.message} To do that, run the same command with --fresh.`);
            }
            throw error;
          })
        : values.sample
          ? await core.call('import.startSample', {})
          : await core.call('import.start', {
              path: target,
              textColumn: values['text-column'],
              labelColumn: values['label-column'],
              followLinks: values['follow-links'] || undefined,
            });
      // A stop asked for while the job was still being set up cancels it now.
      if (stopRequested || io.outputClosed?.aborted) void core.imports.cancel(started.id);
      const job = (await core.imports.waitForIdle()) ?? started;
      if (values.json) {
        io.stdout(JSON.stringify(job));
      } else {
        io.stdout(`Import ${job.id} ${job.state}: ${job.doneFiles} / ${job.totalFiles} files — ${formatCounts(job.counts)}`);
        if (job.error) io.stdout(job.error);
        // Every file not imported, duplicates included, with its reason (README promises it), up to a screenful.
        const shownMax = 50;
        const notImported = (await core.call('import.report', { jobId: job.id, limit: 1000 })).items.filter((i) => i.status !== 'imported');
        for (const item of notImported.slice(0, shownMax)) io.stdout(`  ${item.status.padEnd(18)} ${item.displayName}: ${item.reason}`);
        const more = notImported.length - shownMax;
        if (more > 0) io.stdout(`  … and ${more}${notImported.length === 1000 ? ' or more' : ''} more: the app's import report lists them all.`);
      }
      return job.state === 'finished' ? 0 : 1;
    } finally {
      offProgress();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.outputClosed?.removeEventListener('abort', stop);
      await core.close();
    }
  },
};
