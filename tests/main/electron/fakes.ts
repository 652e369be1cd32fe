/** Minimal stand-ins for Electron objects, shared by the shell's unit tests (no Electron binary). */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A WebFrameMain-like object. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** A WebContents-like emitter that records what the shell installs on it. */
export class FakeWebContents extends EventEmitter {
  destroyed = false;
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; payload: unknown }[] = [];
  constructor(url = 'app://studio/index.html') {
    super();
    this.mainFrame = { url, parent: null };
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

/** An Electron-style event whose preventDefault is observable. */
export function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault: vi.fn(function (this: { defaultPrevented: boolean }) {
      this.defaultPrevented = true;
    }),
  };
}
