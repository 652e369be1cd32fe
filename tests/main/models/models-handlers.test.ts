// The models domain over a real SQLite file: one active model, activation announced, export/import round trip, a bad file refused with a sentence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import type { StudioEvent } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { tinyModelJson } from '../../helpers/tiny-model';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let events: StudioEvent[];

beforeEach(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: temp.dir, transport: 'cli' });
  events = [];
  core.events.subscribe((e) => events.push(e));
});
afterEach(async () => {
  await core.close();
  temp.cleanup();
});

describe('models.*', () => {
  it('starts with no model and no active one', async () => {
    expect(await core.call('models.list', {})).toEqual([]);
    expect(await core.call('models.active', {})).toBeNull();
  });

  it('imports a valid model file without activating it, then activates it and announces the change', async () => {
    const json = tinyModelJson();
    const imported = await core.call('models.import', { fileName: 'mine.json', json });
    expect(imported).toMatchObject({ name: 'mine.json', origin: 'imported', engine: 'fast', isActive: false, runId: null });
    expect(imported.classes.length).toBeGreaterThan(1);
    expect(await core.call('models.active', {})).toBeNull();

    const active = await core.call('models.activate', { id: imported.id });
    expect(active.isActive).toBe(true);
    expect(events).toContainEqual({ name: 'models.activated', payload: { model: active } });
    const loaded = await core.call('models.active', {});
    expect(loaded?.id).toBe(imported.id);
    expect(loaded?.modelJson).toBe(json);
  });

  it('keeps exactly one model active', async () => {
    const json = tinyModelJson();
    const a = await core.call('models.import', { fileName: 'a.json', json });
    const b = await core.call('models.import', { fileName: 'b.json', json });
    await core.call('models.activate', { id: a.id });
    await core.call('models.activate', { id: b.id });
    const list = await core.call('models.list', {});
    expect(list.filter((m) => m.isActive).map((m) => m.id)).toEqual([b.id]);
  });

  it('exports the stored versioned JSON, which imports again', async () => {
    const json = tinyModelJson();
    const a = await core.call('models.import', { fileName: 'a.json', json });
    const file = await core.call('models.export', { id: a.id });
    expect(file.fileName).toBe(`resume-studio-model-${a.id}.json`);
    expect(JSON.parse(file.json)).toMatchObject({ format: 'resume-studio.text-classifier' });
    const again = await core.call('models.import', { fileName: file.fileName, json: file.json });
    expect(again.dataHash).toBe(a.dataHash);
  });

  it('refuses a bad model file with a sentence naming it and the reason, storing nothing', async () => {
    const notJson = core.call('models.import', { fileName: 'broken.json', json: '{"format": ' });
    await expect(notJson).rejects.toThrow(/broken\.json is not a Resume Studio model: it is not valid JSON/);
    const wrongFormat = core.call('models.import', { fileName: 'other.json', json: JSON.stringify({ format: 'something-else' }) });
    await expect(wrongFormat).rejects.toThrow(/^other\.json is not a Resume Studio model or is damaged: it has no "format"/);
    const doc = JSON.parse(tinyModelJson()) as Record<string, unknown>;
    const future = core.call('models.import', { fileName: 'future.json', json: JSON.stringify({ ...doc, version: 99 }) });
    await expect(future).rejects.toThrow(/^future\.json was saved by a newer Resume Studio \(model format 99\)/);
    expect(await core.call('models.list', {})).toEqual([]);
  });

  it('says when a model does not exist', async () => {
    await expect(core.call('models.activate', { id: 42 })).rejects.toThrow(/There is no model 42/);
  });

  it('writes a model card for an imported model from the metrics stored in its file', async () => {
    const a = await core.call('models.import', { fileName: 'a.json', json: tinyModelJson() });
    const card = await core.call('models.card', { id: a.id });
    expect(card.markdown).toMatch(/^# Model card: a\.json/);
    expect(card.markdown).toMatch(/No evaluation is stored with this model/);
    expect(JSON.parse(card.json)).toMatchObject({ format: 'resume-studio.model-card', data: { hash: a.dataHash } });
  });
});
