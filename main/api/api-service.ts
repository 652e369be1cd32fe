/**
 * The app's own prediction API (Settings → Prediction API): starts and stops the public API app
 * on 127.0.0.1 over the app's prediction engine, remembers whether it is on, and regenerates the
 * token. The token is read per request, so a regenerated one works (and the old one stops) at
 * once, without a restart. Plain Node; built by the composition root.
 */
import type { ApiStatus } from '../../preload/contract';
import type { PredictionEngine } from '../predict/prediction-engine';
import type { EventBus } from '../rpc/event-bus';
import { generateApiToken, type ApiRepo } from '../store/api-repo';
import { createApiApp, type ApiServer } from './api-app';

/** What the service runs on. */
export interface ApiServiceDeps {
  repo: ApiRepo;
  engine: PredictionEngine;
  events: EventBus;
  version: string;
  /** Blind mode (Settings): the API masks file names in its answers too. */
  isBlind?: () => boolean;
}

/** The in-app API's lifecycle. */
export interface ApiService {
  status(): ApiStatus;
  /** Starts the API when it was left on (at app start). */
  resume(): Promise<ApiStatus>;
  setEnabled(isEnabled: boolean, port?: number): Promise<ApiStatus>;
  regenerateToken(): ApiStatus;
  close(): Promise<void>;
}

const host = '127.0.0.1';

/** Says in a sentence why the server could not listen on `port`. */
export function describeListenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${port} is already used by another program; choose another port.`;
  if (code === 'EACCES') return `This system does not allow listening on port ${port}; choose a port above 1024.`;
  return `The prediction API could not start on port ${port} (${(error as Error).message}).`;
}

/** Creates the service; nothing listens until `resume` or `setEnabled(true)`. */
export function createApiService(deps: ApiServiceDeps): ApiService {
  let server: ApiServer | null = null;
  let url: string | null = null;
  let error: string | null = null;
  // Starts and stops one after another, so a double click cannot open two servers.
  let queue: Promise<unknown> = Promise.resolve();

  const status = (): ApiStatus => {
    const settings = deps.repo.get();
    return { isEnabled: settings.isEnabled, isRunning: server !== null, host, port: settings.port, url, token: settings.token, error };
  };
  const announce = () => {
    const current = status();
    deps.events.emit('api.changed', current);
    return current;
  };

  const stop = async () => {
    const running = server;
    server = null;
    url = null;
    await running?.close();
  };

  const start = async () => {
    await stop();
    const { port } = deps.repo.get();
    const candidate = await createApiApp({ engine: deps.engine, token: () => deps.repo.get().token, version: deps.version, isBlind: deps.isBlind });
    try {
      url = await candidate.listen(port, host);
      server = candidate;
      error = null;
    } catch (failure) {
      await candidate.close().catch(() => undefined);
      error = describeListenError(failure, port);
    }
  };

  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    status,
    resume: () =>
      serially(async () => {
        if (deps.repo.get().isEnabled) await start();
        return announce();
      }),
    setEnabled: (isEnabled, port) =>
      serially(async () => {
        deps.repo.set(port === undefined ? { isEnabled } : { isEnabled, port });
        error = null;
        if (isEnabled) await start();
        else await stop();
        return announce();
      }),
    regenerateToken() {
      deps.repo.set({ token: generateApiToken() });
      return announce();
    },
    close: () => serially(stop),
  };
}
