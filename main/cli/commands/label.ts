import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import { hasSearchTerm } from '../../../preload/contract';
import type { Command } from '../command';

/** `resume-studio label --rule "…" --category NAME`: a keyword rule, through the same undoable action as the app. */
export const labelCommand: Command = {
  name: 'label',
  summary: 'Set the category of every resume matching a keyword rule',
  usage:
    'resume-studio label --rule "nurse OR \\"registered nurse\\"" --category NAME [--data-dir DIR] [--dry-run] [--json]\n\n' +
    'The rule is a search: words (all must match), "exact phrases", prefix*, AND / OR / NOT, parentheses.\n' +
    'With --dry-run nothing is written: the matches and how many labels would change are printed.\n' +
    "The change is one step in the app's history: undo it there with Ctrl+Z (Cmd+Z on macOS).",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        rule: { type: 'string' },
        category: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const rule = values.rule ?? '';
    // The contract's own test (the app's bulk actions refuse the same rules), said the CLI's way before opening the studio.
    if (!hasSearchTerm(rule)) {
      io.stderr('error: --rule needs at least one word to search for, e.g. --rule "nurse OR \\"registered nurse\\""');
      return 2;
    }
    if (!values.category?.trim()) {
      io.stderr('error: --category NAME is required (the category every matching resume gets)');
      return 2;
    }
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const isDryRun = values['dry-run'];
      const change = await core.call('documents.setCategory', { filter: { q: rule }, category: values.category, dryRun: isDryRun });
      const category = values.category.trim();
      if (values.json) {
        io.stdout(JSON.stringify({ rule, category, dryRun: isDryRun, matched: change.matched, changed: change.changed, step: change.step }));
      } else if (isDryRun) {
        io.stdout(`The rule matches ${change.matched} resumes; ${change.changed} would be set to ${category} (dry run: nothing was changed).`);
      } else {
        io.stdout(`Set ${change.changed} of the ${change.matched} matching resumes to ${category}.`);
        if (change.step) io.stdout(`Undo it in the app's resume view with Ctrl+Z (Cmd+Z on macOS): "${change.step.description}".`);
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
