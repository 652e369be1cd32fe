/**
 * Long work stays visible and controllable once its dialog is closed: the status line's activity
 * indicator on every page (progress, Cancel, click to open), live Dataset counts, and the Import
 * dialog reopening on the running job. Imports are large enough to still run while we look.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { makeLongImportFolder, makeTempDir, previewPath, statValue } from './import-helpers';

test('a running import shows in the status line on every page, reopens its dialog and cancels from there', async ({ page, openApp }) => {
  test.setTimeout(120_000);
  const temp = makeTempDir('rs-e2e-activity-');
  try {
    const root = path.join(temp.dir, 'big');
    const files = await makeLongImportFolder(root);
    await openApp();
    const dialog = await previewPath(page, root);
    await dialog.getByRole('button', { name: /^Import [\d\s]+ files$/ }).click();
    await expect(dialog.getByRole('button', { name: 'Cancel import' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    const activity = page.getByRole('contentinfo').getByTestId('activity');
    await expect(
      activity.getByRole('button', { name: new RegExp(`^Importing: [\\d\\s]+ / ${String(files).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s')} files`) }),
    ).toBeVisible();
    // The Dataset counts follow the import while it runs, not only at its end.
    await expect(statValue(page, 'Documents')).not.toHaveText('0', { timeout: 20_000 });
    await expect(activity).toBeVisible();

    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(activity).toBeVisible();
    await activity.getByRole('button', { name: /^Importing/ }).click();
    await expect(dialog.getByText('Step 3 of 3')).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    // The page's Import button also reopens the running job, not step 1.
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: /^Import…/ }).click();
    await expect(dialog.getByRole('button', { name: 'Cancel import' })).toBeVisible({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    await activity.getByRole('button', { name: 'Cancel' }).click();
    await expect(activity).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Unfinished import' })).toContainText('Import cancelled at');
  } finally {
    temp.cleanup();
  }
});

test('Resume shows in the status line at once and survives a reload', async ({ page, openApp }) => {
  test.setTimeout(120_000);
  const temp = makeTempDir('rs-e2e-resume-');
  try {
    const root = path.join(temp.dir, 'big');
    const files = await makeLongImportFolder(root);
    await openApp();
    const dialog = await previewPath(page, root);
    await dialog.getByRole('button', { name: /^Import [\d\s]+ files$/ }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).not.toHaveAttribute('aria-valuenow', '0', { timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const activity = page.getByRole('contentinfo').getByTestId('activity');
    await expect(activity).toBeHidden();
    await page.getByRole('region', { name: 'Unfinished import' }).getByRole('button', { name: 'Resume' }).click();
    // At once, before the backend has listed the folder again.
    await expect(activity.getByRole('button', { name: /^(Resuming import|Importing):/ })).toBeVisible();
    // A new page (reload) learns about the running import from the backend.
    await expect(
      activity.getByRole('button', { name: new RegExp(`^Importing: [\\d\\s]+ / ${String(files).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s')} files`) }),
    ).toBeVisible({ timeout: 20_000 });
    await page.reload();
    await expect(activity.getByRole('button', { name: /^Importing:/ })).toBeVisible();
    await activity.getByRole('button', { name: 'Cancel' }).click();
    await expect(activity).toBeHidden({ timeout: 30_000 });
  } finally {
    temp.cleanup();
  }
});
