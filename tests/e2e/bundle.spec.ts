/** The renderer ships split per page, minified and compressed: the first paint never loads recharts. */
import { expect, test } from './fixtures';

// A class name recharts writes into its own code; it survives minification as a string literal.
const rechartsMarker = 'recharts-wrapper';

test('pages are separate chunks fetched after the first paint; recharts loads only with a chart', async ({ page, openApp }) => {
  const scripts = new Map<string, string>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(new URL(response.url()).pathname, await response.text().catch(() => ''));
  });
  await openApp();
  await expect(page.getByRole('heading', { name: 'Welcome to Resume Studio' })).toBeVisible();
  expect([...scripts.keys()].some((name) => /dataset-page/.test(name))).toBe(true);
  // The other pages follow in the background, each in its own chunk.
  await expect.poll(() => [...scripts.keys()].filter((name) => /(settings|train|evaluate|predict)-page/.test(name)).length).toBe(4);
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  // No chart on screen, so no recharts, however many pages were visited or prefetched.
  expect([...scripts.keys()].filter((name) => /class-balance-chart/.test(name))).toEqual([]);
  for (const [name, text] of scripts) expect(text.includes(rechartsMarker), `${name} holds recharts`).toBe(false);
});

test('scripts are minified and served compressed to a browser that accepts it', async ({ page, openApp, backend }) => {
  const encodings = new Map<string, string>();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script')
      encodings.set(new URL(response.url()).pathname, (await response.allHeaders())['content-encoding'] ?? '');
  });
  await openApp();
  const entry = [...encodings.keys()].find((name) => /\/assets\/index-[^/]+\.js$/.test(name));
  expect(entry, [...encodings.keys()].join(', ')).toBeDefined();
  expect(encodings.get(entry!)).toMatch(/^(br|gzip)$/);
  // Without Accept-Encoding the plain file comes back, so nothing depends on compression.
  const plain = await fetch(`${backend.origin}${entry}`, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  const text = await plain.text();
  // Minified: a few very long lines rather than one statement per line.
  expect(text.split('\n').length).toBeLessThan(50);
  const brotli = await fetch(`${backend.origin}${entry}`, { headers: { 'accept-encoding': 'br' } });
  expect(brotli.headers.get('content-encoding')).toBe('br');
});
