import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { denyAllPermissions, hardenWebContents, isAppUrl, isExternalLink } from '../../../main/electron/security';
import { FakeWebContents, fakeEvent } from './fakes';

const origins = ['app://studio/'];

function harden() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { allowedOrigins: origins, openExternal });
  return { contents, openExternal };
}

describe('navigation', () => {
  it('blocks navigation to another origin', () => {
    const { contents } = harden();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://studio.evil/', 'app://other/index.html', 'javascript:alert(1)']) {
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it("allows the app's own pages", () => {
    const { contents } = harden();
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'app://studio/index.html#/train');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks redirects away from the app too', () => {
    const { contents } = harden();
    const event = fakeEvent();
    contents.emit('will-redirect', event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('prevents <webview> attachment', () => {
    const { contents } = harden();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('always denies and opens only http(s) links in the system browser', () => {
    const { contents, openExternal } = harden();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/docs'], ['http://example.com/']]);
  });

  it('never hands other schemes to the OS', () => {
    const { contents, openExternal } = harden();
    for (const url of ['file:///bin/sh', 'javascript:alert(1)', 'smb://host/share', 'app://studio/index.html', 'not a url', 'ms-msdt:foo']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('url helpers', () => {
  it('isAppUrl needs the trailing-slash origin', () => {
    expect(isAppUrl('app://studio/x', origins)).toBe(true);
    expect(isAppUrl('app://studiox/x', origins)).toBe(false);
  });
  it('isExternalLink accepts only http and https', () => {
    expect(isExternalLink('https://a.b')).toBe(true);
    expect(isExternalLink('mailto:a@b.c')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'app://studio', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'hid' })).toBe(false);
  });
});
