/**
 * The sandboxed preload (built to out/preload/index.cjs): exposes exactly `window.studio =
 * { invoke, onEvent }` and never ipcRenderer itself. Imports only electron and the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels } from './channels';
import type { StudioApi, StudioEvent } from './contract';

const studio: StudioApi = {
  invoke: (method, input) => ipcRenderer.invoke(ipcChannels.invoke, method, input),
  onEvent(listener) {
    // Strip the IpcRendererEvent: it carries `sender`, which must not reach the page.
    const forward = (_event: IpcRendererEvent, event: StudioEvent) => listener(event);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => void ipcRenderer.removeListener(ipcChannels.event, forward);
  },
};

contextBridge.exposeInMainWorld('studio', studio);
