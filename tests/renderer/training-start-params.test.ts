import { describe, expect, it } from 'vitest';
import { contract, defaultSettings } from '../../preload/contract';
import { resolveParams } from '../../main/training/plan';
import { draftOf, paramsOf, startParamsOf } from '../../renderer/features/training/training-settings-form';

// The Train button and Evaluate's Retrain send these to training.start; the schema refuses
// unknown keys, so a field the renderer adds (blind, say) would fail every run in the app.
const startSchema = contract['training.start'].input;

describe('what the renderer sends to training.start', () => {
  for (const blindMode of [false, true]) {
    const stored = resolveParams({}, { ...defaultSettings, blindMode });

    it(`passes the backend's schema from the Train form (blind ${blindMode})`, () => {
      const sent = paramsOf(draftOf(stored));
      expect(startSchema.safeParse(sent).error).toBeUndefined();
      expect(sent).not.toHaveProperty('blind');
    });

    it(`passes the backend's schema for a retrain of a stored run (blind ${blindMode})`, () => {
      const sent = startParamsOf(stored);
      expect(startSchema.safeParse(sent).error).toBeUndefined();
      expect(sent).toEqual(Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'blind')));
    });
  }
});
