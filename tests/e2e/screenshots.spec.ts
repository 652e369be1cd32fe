/**
 * README screenshots of the Dataset and Settings pages in both themes, and of the Dataset page and
 * an import report after a real import. Tagged @screenshots so the
 * normal run skips it; take them with `SCREENSHOTS=1 npx playwright test -c playwright.config.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { writeEmptyFile, writeEncryptedPdf, writeImageOnlyPdf, writeTruncatedPdf, writeZipBombDocx } from '../fixtures/resume-files';
import { backendOnCopy, prepareDataset } from './curation-data';
import { expect, test } from './fixtures';
import { longStepMs } from './deadlines';
import { makeTempDir, previewPath } from './import-helpers';

const outDir = path.resolve(import.meta.dirname, '../../assets/screenshots');

for (const theme of ['light', 'dark'] as const) {
  test(`Dataset and Settings pages, ${theme} theme @screenshots`, async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await openApp('#/dataset');
    await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('Connected');
    await expect(page.locator('.stat-value').first()).toHaveText('0');
    await page.screenshot({ path: path.join(outDir, `dataset-${theme}.png`) });

    await page.keyboard.press('Control+Comma');
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    // Blur the title so no focus state is captured.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(outDir, `settings-${theme}.png`) });
  });
}

test('Dataset page after an import, and the import report, light theme @screenshots', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-shots-');
  try {
    const root = path.join(temp.dir, 'resumes-2025');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 42, CHEF: 31, ENGINEERING: 24, TEACHER: 6 }, mixedFormats: true });
    await writeTruncatedPdf(root, 'offer-letter (truncated).pdf');
    await writeEncryptedPdf(root, 'locked-cv.pdf');
    await writeImageOnlyPdf(root, 'scanned-cv.pdf');
    await writeZipBombDocx(root, 'suspicious.docx');
    await writeEmptyFile(root, 'notes.txt');
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await openApp('#/dataset');
    const dialog = await previewPath(page, root);
    await page.screenshot({ path: path.join(outDir, 'import-preview-light.png') });
    await dialog.getByRole('button', { name: /^Import \d+ files$/ }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Data health' }).locator('.recharts-bar-rectangle')).toHaveCount(4);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // The page scrolls inside <main>, so a taller window (not fullPage) shows it whole.
    await page.setViewportSize({ width: 1200, height: 1160 });
    await page.screenshot({ path: path.join(outDir, 'dataset-imported-light.png') });
    await page.setViewportSize({ width: 1200, height: 760 });

    await page
      .getByRole('region', { name: 'Imports' })
      .getByRole('link', { name: /Report of import/ })
      .click();
    await expect(page.getByRole('table', { name: 'Imported files' }).getByRole('row').nth(3)).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(outDir, 'import-report-light.png') });
  } finally {
    temp.cleanup();
  }
});

test('the curation view with a search, a resume open and what cleaning changed, light theme @screenshots', async ({ page }) => {
  const prepared = prepareDataset(250);
  const backend = await backendOnCopy(prepared);
  try {
    await page.setViewportSize({ width: 1440, height: 860 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(backend.url.replace(/#.*$/, '') + '#/dataset/resumes?q=python+OR+%22patient+care%22&doc=1');
    await expect(page.getByTestId('cleaned-text')).toBeVisible();
    await expect(page.getByTestId('curation-counts')).toContainText(' of ');
    await page.getByTestId('resume-table').locator('tr[data-document-id] input[type=checkbox]').nth(2).check();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(outDir, 'curation-light.png') });
    await page.goto(backend.url.replace(/#.*$/, '') + '#/dataset/duplicates');
    await expect(page.getByTestId('duplicate-group').first()).toBeVisible();
    await page.screenshot({ path: path.join(outDir, 'duplicates-light.png') });
  } finally {
    await page.close();
    await backend.stop();
    fs.rmSync(backend.dataDir, { recursive: true, force: true });
    fs.rmSync(path.dirname(prepared), { recursive: true, force: true });
  }
});
