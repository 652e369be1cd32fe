/** The app loads on the Dataset page with real counts, shows its status line and says when the server is gone. */
import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';

test('opens on the Dataset page with real zero counts from a fresh data directory', async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Dataset/ })).toHaveAttribute('aria-current', 'page');
  const counts = page.getByRole('list', { name: 'Dataset counts' });
  for (const label of ['Documents', 'Labelled', 'Categories', 'Import jobs']) {
    const card = counts.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
    await expect(card.locator('.stat-value')).toHaveText('0');
  }
  await expect(page.getByRole('heading', { name: 'Welcome to Resume Studio' })).toBeVisible();
  await expect(page).toHaveTitle('Dataset · Resume Studio');
});

test('the status line shows the data directory, the transport and a live connection', async ({ page, openApp, backend }) => {
  await openApp();
  const status = page.getByRole('contentinfo');
  await expect(status.getByTestId('data-dir')).toHaveText(backend.dataDir);
  await expect(status).toContainText('HTTP bridge');
  await expect(status.getByRole('status')).toHaveText('Connected');
});

test('the page is served with a strict Content-Security-Policy and no inline script', async ({ page, openApp }) => {
  await openApp();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  const inlineScripts = await page.locator('script:not([src])').count();
  expect(inlineScripts).toBe(0);
});

test('losing the backend is shown in the status line and in an error, not a blank page', async ({ page, openApp, backend, allowConsoleError }) => {
  // Stopping the server cuts the event stream, and the browser logs each connection it then
  // refuses or resets mid-response: the point of this test.
  allowConsoleError(/^Failed to load resource: net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING)$/);
  // Requests still loading, but the event stream (open for as long as the page is): a chunk cut
  // mid-download by the stop below is logged as ERR_CONTENT_LENGTH_MISMATCH, which is not this test's point.
  const loading = new Set<Request>();
  page.on('request', (request) => void (new URL(request.url()).pathname !== '/events' && loading.add(request)));
  page.on('requestfinished', (request) => void loading.delete(request));
  page.on('requestfailed', (request) => void loading.delete(request));
  await openApp();
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('Connected');
  // The other pages' chunks are fetched in the background after the first paint: wait until they
  // have started (the Train page's is among them), then until every one of them has arrived.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /train-page/.test(entry.name)))).toBe(true);
  await expect.poll(() => loading.size).toBe(0);
  await backend.stop();
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/Reconnecting|Offline/);
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  // The error says how to get the server back, not just that it is gone.
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load what training would use' })).toContainText(
    'The Resume Studio server is not running. Start it again with npm start',
  );
  // After a few failed reconnects in a row the status line stops saying "Reconnecting".
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(
    'Offline: the server stopped. Start it again with npm start and open the URL it prints',
    {},
  );
});

test('an unexpected failure appears as a dismissible error toast', async ({ page, openApp }) => {
  await openApp();
  await page.evaluate(() => {
    setTimeout(() => void Promise.reject(new Error('Synthetic failure for the test')), 0);
  });
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
  await expect(toast).toContainText('Synthetic failure for the test');
  await toast.getByRole('button', { name: /Dismiss/ }).click();
  await expect(toast).toHaveCount(0);
});
