import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import { hasSearchTerm, queueOrders, type QueueOrder } from '../../../preload/contract';
import type { Command } from '../command';
import { integerOption } from '../options';
import { acceptConfident, printSuggestions } from './label-suggestions';

/**
 * `resume-studio label --rule "…" --category NAME`: a keyword rule, through the same undoable action
 * as the app; `label --suggest` and `label --accept-confident`: the suggestion loop, headless.
 */
export const labelCommand: Command = {
  name: 'label',
  summary: 'Label by keyword rule, list suggestions for unlabelled resumes, or accept the confident ones',
  usage:
    'resume-studio label --rule "nurse OR \\"registered nurse\\"" --category NAME [--data-dir DIR] [--dry-run] [--json]\n' +
    'resume-studio label --suggest [--data-dir DIR] [--limit 10] [--order uncertain|random|confident] [--json]\n' +
    'resume-studio label --accept-confident [--data-dir DIR] [--dry-run] [--json]\n\n' +
    'The rule is a search: words (all must match), "exact phrases", prefix*, AND / OR / NOT, parentheses.\n' +
    'With --dry-run nothing is written: the matches and how many labels would change are printed.\n' +
    '--suggest fits the labelling model on the labels people gave and prints the next resumes the queue would ask about\n' +
    '(least sure first by default) with its suggestion, how sure it is and the words behind it. --accept-confident labels\n' +
    'every unlabelled resume whose suggestion reaches the review threshold, marked model-labelled.\n' +
    "Each change is one step in the app's history: undo it there with Ctrl+Z (Cmd+Z on macOS).",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        rule: { type: 'string' },
        category: { type: 'string' },
        suggest: { type: 'boolean', default: false },
        'accept-confident': { type: 'boolean', default: false },
        limit: { type: 'string' },
        order: { type: 'string', default: 'uncertain' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    if (values.suggest || values['accept-confident']) {
      if (values.suggest && values['accept-confident']) {
        io.stderr('error: use --suggest or --accept-confident, not both');
        return 2;
      }
      if (values.rule !== undefined) {
        io.stderr('error: --rule labels by keyword; leave it out with --suggest or --accept-confident');
        return 2;
      }
      const dataDir = resolveDataDir(values['data-dir']);
      if (values['accept-confident']) return acceptConfident(dataDir, { dryRun: values['dry-run'], json: values.json }, io);
      if (!(queueOrders as readonly string[]).includes(values.order)) {
        io.stderr(`error: --order must be one of ${queueOrders.join(', ')}, not "${values.order}"`);
        return 2;
      }
      const limit = integerOption('limit', values.limit, { min: 1, max: 50 }) ?? 10;
      return printSuggestions(dataDir, { limit, order: values.order as QueueOrder, json: values.json }, io);
    }
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
