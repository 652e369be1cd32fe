/**
 * Electron IPC channel names, kept free of zod so the sandboxed preload bundle stays tiny.
 * Pure: imported by preload/index.ts, main/electron and re-exported by the contract.
 */

/** One invoke channel (UI → backend) and one event channel (backend → UI). */
export const ipcChannels = { invoke: 'studio:invoke', event: 'studio:event' } as const;
