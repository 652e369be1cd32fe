/** Shared steps of the import e2e tests: temp folders and driving the Import dialog by role. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** A fresh temporary directory, removed by the returned cleanup. */
export function makeTempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the dialog with the page's Import button and previews `target` by typing its path. */
export async function previewPath(page: Page, target: string): Promise<Locator> {
  await page.getByRole('button', { name: /^Import…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Import resumes' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Folder or file path').fill(target);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('Step 2 of 3')).toBeVisible();
  return dialog;
}

/** The value of a Dataset stat card, e.g. "Documents". */
export function statValue(page: Page, label: string): Locator {
  return page
    .getByRole('list', { name: 'Dataset counts' })
    .getByRole('listitem')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.stat-value');
}

/** The count shown in a "By category" / "By type" preview table row. */
export function breakdownRow(dialog: Locator, caption: 'By category' | 'By type', name: string): Locator {
  return dialog
    .getByRole('table', { name: caption })
    .getByRole('row')
    .filter({ has: dialog.page().getByRole('rowheader', { name, exact: true }) });
}
