import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import { exportDataset, exportFormats, type ExportFormat } from '../../curation/export';
import { hideName, hideText } from '../../privacy/blind-text';
import { createDocumentsRepo } from '../../store/documents-repo';
import { createSettingsRepo } from '../../store/settings-repo';
import type { Command } from '../command';

/** `resume-studio export --format csv|jsonl|folders --out PATH`: the dataset with its labels, ready to re-import. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the resumes and their labels as CSV, JSONL or a folder per category',
  usage:
    'resume-studio export --format csv|jsonl|folders --out PATH [--data-dir DIR] [--include-excluded] [--masked | --unmasked]\n\n' +
    'csv: columns id, file_name, category, text (cells starting with = + - @ get a leading apostrophe so spreadsheets do not run them).\n' +
    'jsonl: one {"id","file_name","category","text"} object per line. folders: one .txt per resume in a folder per category,\n' +
    'unlabelled resumes at the top (importing a .txt makes its line endings \\n). Each re-imports with `resume-studio import` to the same resumes and labels.\n' +
    'Excluded resumes are left out unless --include-excluded is given. An existing file or a non-empty folder is never overwritten.\n' +
    'In blind mode (Settings) names, e-mail addresses, phone numbers, street addresses and URLs are masked in the texts and file\n' +
    'names, as the app shows them; --unmasked writes them as stored (and says so). --masked masks them with blind mode off too.',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'include-excluded': { type: 'boolean', default: false },
        masked: { type: 'boolean', default: false },
        unmasked: { type: 'boolean', default: false },
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
    if (values.masked && values.unmasked) {
      io.stderr('error: --masked and --unmasked cannot both be given');
      return 2;
    }
    const out = path.resolve(values.out);
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const isBlind = createSettingsRepo(core.db).get().blindMode;
      const isMasked = values.masked || (isBlind && !values.unmasked);
      const result = exportDataset(createDocumentsRepo(core.db), format, out, {
        includeExcluded: values['include-excluded'],
        mask: isMasked ? (doc) => ({ ...doc, fileName: hideName(doc.fileName), text: hideText(doc.text, doc.fileName) }) : undefined,
      });
      for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
      io.stdout(`Exported ${result.documents} resumes to ${out} (${format}).`);
      // Whoever reads the file should know what it holds; blind mode's users above all.
      if (isMasked)
        io.stdout(
          `Masked: names, e-mail addresses, phone numbers, street addresses and URLs are hidden in the texts and file names${isBlind ? ' (blind mode is on; --unmasked writes them as stored)' : ''}.`,
        );
      else if (values.unmasked && isBlind)
        io.stderr('warning: --unmasked: blind mode is on, but this export holds the resumes as stored, with names, e-mail addresses and phone numbers.');
      return 0;
    } finally {
      await core.close();
    }
  },
};
