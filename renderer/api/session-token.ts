/**
 * The browser-mode session token: it arrives once in the page URL (`?token=…`), is moved to
 * sessionStorage so a reload keeps working, and is removed from the address bar so it does not
 * end up in screenshots, bookmarks or the history.
 */

/** Where the token is kept for this tab. */
export const tokenStorageKey = 'resume-studio.session-token';

/** The token found, and the URL to show instead when the current one carried it. */
export interface TokenLookup {
  token: string | null;
  /** The same URL without `token`, or null when nothing needs rewriting. */
  cleanUrl: string | null;
}

/** Takes the token from `url` (remembering it) or, after a reload, from storage. */
export function takeSessionToken(url: URL, storage: Pick<Storage, 'getItem' | 'setItem'>): TokenLookup {
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(tokenStorageKey, fromUrl);
    const clean = new URL(url.href);
    clean.searchParams.delete('token');
    return { token: fromUrl, cleanUrl: `${clean.pathname}${clean.search}${clean.hash}` };
  }
  return { token: storage.getItem(tokenStorageKey), cleanUrl: null };
}
