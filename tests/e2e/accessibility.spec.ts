/** axe on every page that exists today, in the light and the dark theme: no serious or critical finding. */
import path from 'node:path';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { writeTruncatedPdf } from '../fixtures/resume-files';
import { expectAccessible, forEachTheme } from './axe';
import { expect, test } from './fixtures';
import { longStepMs } from './deadlines';
import { makeTempDir, previewPath } from './import-helpers';

test('the empty Dataset page, Train, Evaluate, Predict and Settings', async ({ page, openApp }) => {
  await openApp();
  await forEachTheme(page, async (theme) => {
    for (const [key, name] of [
      ['1', 'Dataset'],
      ['2', 'Train'],
      ['3', 'Evaluate'],
      ['4', 'Predict'],
      [',', 'Settings'],
    ] as const) {
      await page.keyboard.press(`Control+${key}`);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expectAccessible(page, `${name} (${theme})`);
    }
  });
});

test('Settings with field errors and unsaved changes', async ({ page, openApp }) => {
  await openApp('#/settings');
  await page.getByLabel('Test fraction').fill('0.9');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#testFraction-error')).toBeVisible();
  await forEachTheme(page, (theme) => expectAccessible(page, `Settings with errors (${theme})`));
});

test('the Import dialog steps, the Dataset page with data and chart, and an import report', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-axe-');
  try {
    const root = path.join(temp.dir, 'resumes');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 6, CHEF: 5, TEACHER: 2 } });
    await writeTruncatedPdf(root, 'truncated.pdf');
    await openApp();
    await page.getByRole('button', { name: /^Import…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import resumes' });
    await dialog.getByLabel('Folder or file path').fill('/no/such/folder');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await forEachTheme(page, (theme) => expectAccessible(page, `Import dialog, source step with an error (${theme})`));
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    await previewPath(page, root);
    await forEachTheme(page, (theme) => expectAccessible(page, `Import dialog, preview (${theme})`));
    await dialog.getByRole('button', { name: /^Import \d+ files$/ }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await forEachTheme(page, (theme) => expectAccessible(page, `Import dialog, finished (${theme})`));
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const health = page.getByRole('region', { name: 'Data health' });
    await expect(health.getByTestId('class-balance-chart').locator('.recharts-bar-rectangle')).toHaveCount(3);
    await forEachTheme(page, (theme) => expectAccessible(page, `Dataset with data and chart (${theme})`));

    await page
      .getByRole('region', { name: 'Imports' })
      .getByRole('link', { name: /Report of import 1/ })
      .click();
    await expect(page.getByRole('table', { name: 'Imported files' })).toBeVisible();
    await forEachTheme(page, (theme) => expectAccessible(page, `Import report (${theme})`));
  } finally {
    temp.cleanup();
  }
});

test('the check itself fires: an image without text and grey-on-grey text are serious findings', async ({ page }) => {
  await page.setContent('<main><h1>Control</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#ccc">faint</p></main>');
  const failure = await expectAccessible(page, 'a page made to fail').then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toMatch(/image-alt \(critical\)/);
  expect(failure).toMatch(/color-contrast \(serious\)/);
});
