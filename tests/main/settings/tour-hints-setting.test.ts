/** The tour hints' dismissed state is an ordinary setting: stored in the real SQLite file, announced, validated. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import type { Settings } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: { dir: string; cleanup: () => void };
let core: Core;

beforeEach(async () => {
  temp = makeTempDir('tour-hints-');
  core = await createCore({ dataDir: temp.dir, transport: 'cli', sampleDir: null });
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

describe('settings.dismissedHints', () => {
  it('starts empty, so a fresh data directory shows every hint', async () => {
    expect((await core.call('settings.get', {})).dismissedHints).toEqual([]);
  });

  it('survives a restart on the same data directory, next to the other settings', async () => {
    const announced: Settings[] = [];
    core.events.subscribe((event) => {
      if (event.name === 'settings.changed') announced.push(event.payload as Settings);
    });
    await core.call('settings.set', { seed: 7 });
    await core.call('settings.set', { dismissedHints: ['train', 'dataset'] });
    expect(announced.at(-1)).toMatchObject({ seed: 7, dismissedHints: ['train', 'dataset'] });
    await core.close();
    core = await createCore({ dataDir: temp.dir, transport: 'cli', sampleDir: null });
    expect(await core.call('settings.get', {})).toMatchObject({ seed: 7, dismissedHints: ['train', 'dataset'] });
    await core.call('settings.set', { dismissedHints: [] });
    expect((await core.call('settings.get', {})).dismissedHints).toEqual([]);
  });

  it('refuses a page that has no hint, keeping what was stored', async () => {
    await core.call('settings.set', { dismissedHints: ['predict'] });
    await expect(core.call('settings.set', { dismissedHints: ['settings'] } as never)).rejects.toMatchObject({ code: 'bad_input' });
    expect((await core.call('settings.get', {})).dismissedHints).toEqual(['predict']);
  });
});
