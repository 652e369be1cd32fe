import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../files/atomic-output';
import { createCore, type Core } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import type { Command } from '../command';

/** The model id a --model / --run flag names (default: the active model); throws a sentence. */
export async function chooseModel(core: Core, values: { model?: string; run?: string }): Promise<number> {
  if (values.model) return Number(values.model);
  if (values.run) {
    const run = await core.call('training.run', { runId: Number(values.run) });
    if (run.modelId === null) throw new Error(`run ${run.id} ${run.state} and has no model`);
    return run.modelId;
  }
  const active = await core.call('models.active', {});
  if (!active) throw new Error('there is no active model yet; train one first (resume-studio train --data-dir DIR)');
  return active.id;
}

/** `resume-studio export-model`: writes a stored model's versioned JSON (what `predict --model` reads). */
export const exportModelCommand: Command = {
  name: 'export-model',
  summary: 'Write a stored model (default: the active one) as a versioned JSON file',
  usage: 'resume-studio export-model --out model.json [--data-dir DIR] [--model ID | --run ID]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, run: { type: 'string' } },
    });
    if (!values.out) {
      io.stderr(`error: --out is required\nUsage: ${this.usage}`);
      return 2;
    }
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const file = await core.call('models.export', { id: await chooseModel(core, values) });
      // Whole or not at all: a full disk must not leave a truncated model that later fails to load.
      writeFileAtomic(values.out, file.json);
      io.stdout(`saved ${values.out}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

/** `resume-studio model-card`: writes a stored model's card as Markdown and JSON. */
export const modelCardCommand: Command = {
  name: 'model-card',
  summary: 'Write the model card (Markdown + JSON) of a stored model (default: the active one)',
  usage: 'resume-studio model-card --out card [--data-dir DIR] [--model ID | --run ID]   (writes card.md and card.json)',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, run: { type: 'string' } },
    });
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const card = await core.call('models.card', { id: await chooseModel(core, values) });
      if (!values.out) {
        io.stdout(card.markdown);
        return 0;
      }
      const stem = values.out.replace(/\.(md|json)$/i, '');
      writeFileAtomic(`${stem}.md`, card.markdown);
      writeFileAtomic(`${stem}.json`, card.json);
      io.stdout(`saved ${stem}.md and ${stem}.json`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
