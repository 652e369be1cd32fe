import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import { exportDataset, exportFormats, type ExportFormat } from '../../curation/export';
import { createDocumentsRepo } from '../../store/documents-repo';
import type { Command } from '../command';

/** `resume-studio export --format csv|jsonl|folders --out PATH`: the dataset with its labels, ready to re-import. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the resumes and their labels as CSV, JSONL or a folder per category',
  usage:
    'resume-studio export --format csv|jsonl|folders --out PATH [--data-dir DIR] [--include-excluded]\n\n' +
    'csv: columns id, file_name, category, text (cells starting with = + - @ get a leading apostrophe so spreadsheets do not run them).\n' +
    'jsonl: one {"id","file_name","category","text"} object per line. folders: one .txt per resume in a folder per category,\n' +
    'unlabelled resumes at the top (importing a .txt makes its line endings \\n). Each re-imports with `resume-studio import` to the same resumes and labels.\n' +
    'Excluded resumes are left out unless --include-excluded is given. An existing file or a non-empty folder is never overwritten.',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'include-excluded': { type: 'boolean', default: false },
      },
    });
    const format = values.format as ExportFormat | undefined;
    if (!format || !exportFormats.includes(format)) {
      io.stderr(`error: --format must be one of ${exportFormats.join(', ')}`);
      return 2;
    }
    if (!values.out) {
      io.stderr('error: --out PATH is required (a new file, or a new or empty folder for --format folders)');
      return 2;
    }
    const out = path.resolve(values.out);
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const result = exportDataset(createDocumentsRepo(core.db), format, out, { includeExcluded: values['include-excluded'] });
      for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
      io.stdout(`Exported ${result.documents} resumes to ${out} (${format}).`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
