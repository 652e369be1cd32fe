/** The Import dialog asks before importing a folder that looks wrong, and takes pasted, quoted paths. */
import fs from 'node:fs';
import path from 'node:path';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { expect, test } from './fixtures';
import { makeTempDir } from './import-helpers';

test('a folder one level too high names the sub-folder to pick and asks before importing', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-guard-');
  try {
    const data = path.join(temp.dir, 'data');
    await makeResumeFolder(path.join(data, 'resumes'), { categories: { ACCOUNTANT: 3, CHEF: 2 } });
    await openApp();
    await page.getByRole('button', { name: /^Import…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import resumes' });
    // Pasted the way "Copy as path" and shells quote it.
    await dialog.getByLabel('Folder or file path').fill(`  "${data}"  `);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const warnings = dialog.getByRole('region', { name: 'Check before importing' });
    await expect(warnings.getByTestId('warning-single-category')).toContainText(`pick that folder instead: ${path.join(data, 'resumes')}`);

    await dialog.getByRole('button', { name: 'Import 5 files' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Import anyway, despite the warning above?');
    await expect(dialog.getByRole('button', { name: 'Import 5 files anyway' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Not now' }).click();
    // The same button is Back again, and keeps the focus.
    await expect(dialog.getByRole('button', { name: 'Back' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Import 5 files' }).click();
    await dialog.getByRole('button', { name: 'Import 5 files anyway' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible();
  } finally {
    temp.cleanup();
  }
});

test('a folder of mostly other files says so before anything is imported', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-other-');
  try {
    const root = path.join(temp.dir, 'project');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 1, CHEF: 1 } });
    fs.mkdirSync(path.join(root, 'src'));
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(root, 'src', `module-${i}.js`), `export const value${i} = ${i};\n`);
    await openApp();
    await page.getByRole('button', { name: /^Import…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import resumes' });
    await dialog.getByLabel('Folder or file path').fill(root);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('warning-mostly-not-resumes')).toContainText('6 of 8 are .js files');
  } finally {
    temp.cleanup();
  }
});
