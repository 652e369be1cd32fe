/** The Import dialog asks before importing a folder that looks wrong, and takes pasted, quoted paths. */
import fs from 'node:fs';
import path from 'node:path';
import { makePng } from '../fixtures/resume-files';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { expect, test } from './fixtures';
import { longStepMs } from './deadlines';
import { makeTempDir, previewPath } from './import-helpers';

test('a folder one level too high names the sub-folder to pick and asks before importing; previewed again, it says it was imported', async ({
  page,
  openApp,
}) => {
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
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    await previewPath(page, data);
    await expect(dialog.getByTestId('warning-already-imported')).toHaveText(
      'All files were imported before from this folder (import 1) and have not changed size: importing again lists them as duplicates and adds nothing.',
    );
  } finally {
    temp.cleanup();
  }
});

test('one category folder without sub-folders is not suggested as the folder to pick; a lone .png counts as unsupported', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-nurse-');
  try {
    const root = path.join(temp.dir, 'data');
    await makeResumeFolder(root, { categories: { Nurse: 2 } });
    fs.writeFileSync(path.join(root, 'Nurse', 'photo.png'), makePng(4, 4));
    await openApp();
    const dialog = await previewPath(page, root);
    const warning = dialog.getByTestId('warning-single-category');
    await expect(warning).toContainText('import the folder that holds one sub-folder per category');
    await expect(warning).not.toContainText('pick that folder');
    await expect(dialog.getByTestId('preview-unsupported')).toHaveText('1');
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
