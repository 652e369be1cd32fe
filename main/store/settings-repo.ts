/** The only module that reads or writes the `settings` table. */
import { defaultSettings, settingsSchema, type Settings } from '../../preload/contract';
import type { Db } from './database';

/** Reads and writes user settings, falling back to defaults for keys never set. */
export function createSettingsRepo(db: Db) {
  const selectAll = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings');
  const upsert = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
  return {
    /** All settings, defaults filled in; a stored value that no longer validates falls back too. */
    get(): Settings {
      const merged: Record<string, unknown> = { ...defaultSettings };
      for (const row of selectAll.all()) merged[row.key] = JSON.parse(row.value_json);
      const parsed = settingsSchema.safeParse(merged);
      return parsed.success ? parsed.data : defaultSettings;
    },
    /** Stores the given keys in one transaction and returns the full settings. */
    set(patch: Partial<Settings>): Settings {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
      })();
      return this.get();
    },
  };
}

/** The settings repository's type. */
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
