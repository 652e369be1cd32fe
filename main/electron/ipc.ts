/**
 * The Electron transport: one invoke channel into the dispatcher, one event channel out of the
 * event bus. Every call is checked to come from the app's own top frame before it is dispatched.
 * Electron shell only; imported by main/electron/index.ts.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { ipcChannels } from '../../preload/channels';
import type { RpcResult, StudioEvent } from '../../preload/contract';
import type { Dispatcher } from '../rpc/dispatcher';
import type { EventBus } from '../rpc/event-bus';

/** Decides whether an IPC call may reach the dispatcher. */
export type FrameCheck = (frame: WebFrameMain | null, sender: WebContents) => boolean;

/** What the trust check needs: the current main window's contents and the app's origins. */
export interface TrustOptions {
  getMainContents: () => WebContents | null;
  allowedOrigins: readonly string[];
}

/**
 * Trusted = a live frame, that is the top frame (not an iframe), of our main window's contents,
 * whose URL is one of the app's origins. Anything else never reaches the dispatcher.
 */
export function createFrameCheck(options: TrustOptions): FrameCheck {
  return (frame, sender) => {
    if (!frame) return false;
    const main = options.getMainContents();
    if (!main || main.isDestroyed() || sender !== main) return false;
    if (frame.parent !== null || frame !== main.mainFrame) return false;
    return options.allowedOrigins.some((origin) => frame.url.startsWith(origin));
  };
}

/** What registerIpc wires together. */
export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatcher: Pick<Dispatcher, 'dispatch'>;
  events: Pick<EventBus, 'subscribe'>;
  isTrustedFrame: FrameCheck;
  /** The windows' contents that receive events (normally just the main window). */
  getTargets: () => WebContents[];
}

/** Handle returned by registerIpc. */
export interface IpcRegistration {
  /** Sends an event to every live target on the event channel. */
  broadcast(event: StudioEvent): void;
  /** Removes the handler and the bus subscription (on quit, or between tests). */
  dispose(): void;
}

const forbidden: RpcResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the Resume Studio window.' },
};

/** Registers the invoke handler and forwards bus events to the renderer. */
export function registerIpc(options: IpcOptions): IpcRegistration {
  options.ipcMain.handle(ipcChannels.invoke, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!options.isTrustedFrame(event.senderFrame, event.sender)) return forbidden;
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'bad_input', message: 'The method name must be a string.' } } satisfies RpcResult<never>;
    }
    try {
      return await options.dispatcher.dispatch(method, input);
    } catch (error) {
      // Electron would keep only the message of a thrown error; errors cross as data instead.
      return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } } satisfies RpcResult<never>;
    }
  });

  const broadcast = (event: StudioEvent) => {
    for (const contents of options.getTargets()) {
      if (!contents.isDestroyed()) contents.send(ipcChannels.event, event);
    }
  };
  const unsubscribe = options.events.subscribe(broadcast);

  return {
    broadcast,
    dispose() {
      unsubscribe();
      options.ipcMain.removeHandler(ipcChannels.invoke);
    },
  };
}
