/** Handlers of the `api.*` methods: the app's prediction API switch, port and token. Plain Node. */
import type { apiMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { ApiService } from './api-service';

/** The api domain's handler group. */
export function createApiHandlers(deps: { api: ApiService }): HandlersFor<typeof apiMethods> {
  return {
    'api.status': () => deps.api.status(),
    'api.setEnabled': (input) => deps.api.setEnabled(input.isEnabled, input.port),
    'api.regenerateToken': () => deps.api.regenerateToken(),
  };
}
