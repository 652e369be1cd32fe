/**
 * The tour hints and the welcome screen in Chromium against the real backend: a dismissed hint stays
 * dismissed after a reload (it is stored in settings), Help → Show tour hints brings every hint
 * back, and axe finds nothing serious on the welcome screen or with a hint shown, light and dark.
 */
import type { Page } from '@playwright/test';
import { expectAccessible, forEachTheme } from './axe';
import { expect, test } from './fixtures';
import { rpc } from './predict-helpers';

const hint = (page: Page) => page.getByRole('region', { name: 'Tour hint' });

/** Opens the sidebar's Help panel. */
async function openHelp(page: Page) {
  const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Help' });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return page.getByRole('group', { name: 'Help' });
}

test('a dismissed hint stays dismissed across a reload; Help → Show tour hints brings them all back', async ({ page, openApp, backend }) => {
  await openApp('#/train');
  await expect(hint(page)).toContainText('Step 2 of 4 · Train');
  await hint(page).getByRole('button', { name: 'Dismiss hint' }).click();
  await expect(hint(page)).toHaveCount(0);
  // Focus stays on the page, not lost to the document, when the button disappears.
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeFocused();

  // Stored in the backend's settings, so a reload (and a restart) keeps it dismissed.
  await expect.poll(async () => (await rpc<{ dismissedHints: string[] }>(backend, 'settings.get', {})).dismissedHints).toEqual(['train']);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  await expect(page.getByTestId('training-plan')).toBeVisible();
  await expect(hint(page)).toHaveCount(0);

  // Other pages keep theirs.
  await page.keyboard.press('Control+3');
  await expect(hint(page)).toContainText('Step 3 of 4 · Evaluate');
  await hint(page).getByRole('button', { name: 'Dismiss hint' }).click();
  await expect(hint(page)).toHaveCount(0);

  const help = await openHelp(page);
  await help.getByRole('button', { name: 'Show tour hints' }).click();
  await expect(help.getByRole('status')).toHaveText('The tour hints are back on the Dataset, Train, Evaluate and Predict pages.');
  await expect(hint(page)).toContainText('Step 3 of 4 · Evaluate');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Help' })).toBeFocused();
  await page.keyboard.press('Control+2');
  await expect(hint(page)).toContainText('Step 2 of 4 · Train');
  expect((await rpc<{ dismissedHints: string[] }>(backend, 'settings.get', {})).dismissedHints).toEqual([]);
});

test('a hint dismissed in another window (or from the Electron menu) follows the stored setting live', async ({ page, openApp, backend }) => {
  await openApp('#/predict');
  await expect(hint(page)).toContainText('Step 4 of 4 · Predict');
  await rpc(backend, 'settings.set', { dismissedHints: ['predict'] });
  await expect(hint(page)).toHaveCount(0);
  // What Help → Show Tour Hints does in Electron: the same settings change, from the backend.
  await rpc(backend, 'settings.set', { dismissedHints: [] });
  await expect(hint(page)).toContainText('Step 4 of 4 · Predict');
});

test('the welcome screen, a page with its hint and the Help panel pass axe in both themes', async ({ page, openApp }) => {
  await openApp('#/dataset');
  await expect(page.getByRole('region', { name: 'Welcome to Resume Studio' })).toBeVisible();
  await forEachTheme(page, (theme) => expectAccessible(page, `the welcome screen (${theme})`));
  await page.keyboard.press('Control+2');
  await expect(hint(page)).toBeVisible();
  await expect(page.getByTestId('training-plan')).toBeVisible();
  await forEachTheme(page, (theme) => expectAccessible(page, `Train with its tour hint (${theme})`));
  await page.keyboard.press('Control+4');
  await expect(hint(page)).toBeVisible();
  await openHelp(page);
  await forEachTheme(page, (theme) => expectAccessible(page, `Predict with its hint and the Help panel open (${theme})`));
});
