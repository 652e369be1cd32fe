/**
 * The session token trap, closed: the printed URL's token becomes an HttpOnly cookie, so a reload,
 * a new tab or a bookmark keep working; a page without a session says which URL to open; a server
 * that stopped is never shown as "Running".
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { makeLongImportFolder, makeTempDir, previewPath } from './import-helpers';

test('the token leaves the address bar; a reload, a new tab and a bookmark keep the session', async ({ page, openApp, backend, context }) => {
  await openApp('#/settings');
  expect(page.url()).toBe(`${backend.origin}/#/settings`);
  // HttpOnly: page scripts cannot read the session.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const status = page.getByRole('contentinfo');

  await page.reload();
  await expect(status.getByRole('status')).toHaveText('Connected');
  await expect(status.getByTestId('data-dir')).toHaveText(backend.dataDir);

  for (const url of [`${backend.origin}/`, `${backend.origin}/#/settings`]) {
    const tab = await context.newPage();
    await tab.goto(url);
    await expect(tab.getByRole('contentinfo').getByRole('status')).toHaveText('Connected');
    await expect(tab.getByRole('contentinfo').getByTestId('data-dir')).toHaveText(backend.dataDir);
    await tab.close();
  }
});

test('a page opened without the printed URL says which URL to open, with no useless Try again', async ({ browser, backend }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${backend.origin}/`);
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('No session: open the URL printed by npm start (or npm run web)');
  const error = page.getByRole('alert').filter({ hasText: 'Could not load the dataset summary' });
  await expect(error).toContainText('Open the URL that npm start (or npm run web) printed.');
  await expect(error.getByRole('button', { name: 'Try again' })).toHaveCount(0);

  // Opening the printed URL fixes it, in the same browser.
  await page.goto(backend.url);
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('Connected');
  await context.close();
  expect(problems).toEqual([]);
});

test('when the server stops during an import, the dialog says so instead of "Running"', async ({ page, openApp, backend, allowConsoleError }) => {
  // Stopping the server cuts the event stream, and the browser logs each reconnect it refuses (until
  // the page closes): the point of this test.
  allowConsoleError(/^Failed to load resource: net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING)$/);
  const temp = makeTempDir('rs-e2e-dead-');
  try {
    const root = path.join(temp.dir, 'big');
    await makeLongImportFolder(root);
    await openApp();
    const dialog = await previewPath(page, root);
    await dialog.getByRole('button', { name: /^Import [\d\s]+ files$/ }).click();
    await expect(dialog.getByText('Running', { exact: true })).toBeVisible();
    await backend.stop();
    await expect(dialog.getByText('Server unreachable', { exact: true })).toBeVisible();
    await expect(dialog.getByText('Running', { exact: true })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Cancel import' })).toBeDisabled();
    await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText(/^(Reconnecting…|Offline: the server stopped)/);
  } finally {
    temp.cleanup();
  }
});
