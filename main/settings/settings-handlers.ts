/** Handlers of the `settings.*` methods: read and change user settings, announcing each change. Plain Node. */
import type { settingsMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { EventBus } from '../rpc/event-bus';
import type { SettingsRepo } from '../store/settings-repo';

/** What the settings handlers use. */
export interface SettingsHandlerDeps {
  settings: SettingsRepo;
  events: EventBus;
}

/** The settings domain's handler group. */
export function createSettingsHandlers(deps: SettingsHandlerDeps): HandlersFor<typeof settingsMethods> {
  return {
    'settings.get': () => deps.settings.get(),
    'settings.set': (patch) => {
      const next = deps.settings.set(patch);
      deps.events.emit('settings.changed', next);
      return next;
    },
  };
}
