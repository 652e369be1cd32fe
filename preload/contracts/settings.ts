/** The `settings.*` methods and events: user preferences with defaults. Pure. */
import { z } from 'zod';
import { method, noInput } from './define';

/** The pages with a tour hint, in tour order: import → train → evaluate → predict. */
export const tourHintIds = ['dataset', 'train', 'evaluate', 'predict'] as const;
/** One page's tour hint. */
export type TourHintId = (typeof tourHintIds)[number];

/** Settings a user can change; every key has a default so a fresh data directory works. */
export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  defaultEngine: z.enum(['fast', 'mljs']),
  testFraction: z.number().min(0.05).max(0.5),
  seed: z.number().int().min(0),
  /** Confidence below which a prediction needs review; null: the value chosen from the model's validation data. */
  reviewThreshold: z.number().min(0).max(1).nullable(),
  /** The tour hints the user dismissed; Help → Show Tour Hints empties it. */
  dismissedHints: z.array(z.enum(tourHintIds)).max(tourHintIds.length),
  /**
   * Blind mode: names, e-mails, phone numbers, street addresses and URLs are masked in every view
   * that shows resume text or file names, and removed from the text before training and prediction.
   */
  blindMode: z.boolean(),
});
/** The user's settings. */
export type Settings = z.infer<typeof settingsSchema>;
/** The settings of a fresh data directory. */
export const defaultSettings: Settings = {
  theme: 'system',
  defaultEngine: 'fast',
  testFraction: 0.2,
  seed: 42,
  reviewThreshold: null,
  dismissedHints: [],
  blindMode: false,
};

/** The settings domain's methods. */
export const settingsMethods = {
  'settings.get': method<Settings>()(noInput),
  'settings.set': method<Settings>()(settingsSchema.partial().strict()),
} as const;

/** The settings domain's events. */
export interface SettingsEvents {
  'settings.changed': Settings;
}
