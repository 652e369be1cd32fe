/** The `api.*` methods and events: the public prediction API the app can serve (Settings). Pure. */
import { z } from 'zod';
import { method, noInput } from './define';

/** The port the app's prediction API uses unless the user picks another. */
export const defaultApiPort = 8765;

/** The app's prediction API: whether it is on, where, and the bearer token clients send. */
export interface ApiStatus {
  isEnabled: boolean;
  isRunning: boolean;
  host: string;
  port: number;
  /** `http://host:port` while running, else null. */
  url: string | null;
  token: string;
  /** Why it is not running although enabled (e.g. the port is taken), as a sentence. */
  error: string | null;
}

/** The api domain's methods. */
export const apiMethods = {
  'api.status': method<ApiStatus>()(noInput),
  'api.setEnabled': method<ApiStatus>()(z.object({ isEnabled: z.boolean(), port: z.number().int().min(1024).max(65535).optional() }).strict()),
  /** A new token; the old one stops working at once. */
  'api.regenerateToken': method<ApiStatus>()(noInput),
} as const;

/** The api domain's events. */
export interface ApiEvents {
  'api.changed': ApiStatus;
}
