import { describe, expect, it } from 'vitest';
import { takeSessionToken, tokenStorageKey } from '../../renderer/api/session-token';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('takeSessionToken', () => {
  it('takes the token from the URL, stores it and returns the URL without it', () => {
    const storage = memoryStorage();
    const result = takeSessionToken(new URL('http://127.0.0.1:4000/?token=abc&x=1#/settings'), storage);
    expect(result).toEqual({ token: 'abc', cleanUrl: '/?x=1#/settings' });
    expect(storage.values.get(tokenStorageKey)).toBe('abc');
  });

  it('drops the question mark when the token was the only parameter', () => {
    expect(takeSessionToken(new URL('http://127.0.0.1:4000/?token=abc#/dataset'), memoryStorage()).cleanUrl).toBe('/#/dataset');
  });

  it('falls back to the stored token after a reload, without rewriting the URL', () => {
    const storage = memoryStorage({ [tokenStorageKey]: 'kept' });
    expect(takeSessionToken(new URL('http://127.0.0.1:4000/#/train'), storage)).toEqual({ token: 'kept', cleanUrl: null });
  });

  it('prefers a new token in the URL over a stale stored one', () => {
    const storage = memoryStorage({ [tokenStorageKey]: 'old' });
    expect(takeSessionToken(new URL('http://127.0.0.1:4000/?token=new'), storage).token).toBe('new');
    expect(storage.values.get(tokenStorageKey)).toBe('new');
  });

  it('reports no token when there is none anywhere', () => {
    expect(takeSessionToken(new URL('http://127.0.0.1:4000/'), memoryStorage())).toEqual({ token: null, cleanUrl: null });
  });
});
