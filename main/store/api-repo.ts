/**
 * The only module that reads or writes `api_server`: whether the app serves its prediction API, on
 * which port, and the bearer token (generated on first use). Plain Node; used by the api domain.
 */
import crypto from 'node:crypto';
import { defaultApiPort } from '../../preload/contract';
import type { Db } from './database';

/** The stored API settings. */
export interface ApiSettings {
  isEnabled: boolean;
  port: number;
  token: string;
}

/** A new random token: 32 bytes, URL-safe. */
export const generateApiToken = (): string => crypto.randomBytes(32).toString('base64url');

/** Creates the API settings repository over an open (writable) database. */
export function createApiRepo(db: Db) {
  const select = db.prepare<[], { is_enabled: number; port: number; token: string }>('SELECT is_enabled, port, token FROM api_server WHERE id = 1');
  const insert = db.prepare('INSERT INTO api_server (id, is_enabled, port, token) VALUES (1, 0, ?, ?) ON CONFLICT(id) DO NOTHING');
  const update = db.prepare('UPDATE api_server SET is_enabled = @isEnabled, port = @port, token = @token WHERE id = 1');

  const get = (): ApiSettings => {
    let row = select.get();
    if (!row) {
      insert.run(defaultApiPort, generateApiToken());
      row = select.get()!;
    }
    return { isEnabled: row.is_enabled === 1, port: row.port, token: row.token };
  };

  return {
    /** The settings; the first read creates them with a fresh token, disabled. */
    get,
    /** Changes some settings and returns all of them. */
    set(patch: Partial<ApiSettings>): ApiSettings {
      const next = { ...get(), ...patch };
      update.run({ isEnabled: next.isEnabled ? 1 : 0, port: next.port, token: next.token });
      return next;
    },
  };
}

/** The API settings repository's type. */
export type ApiRepo = ReturnType<typeof createApiRepo>;
