/**
 * README screenshots of the Train page mid-run and the Evaluate page, in both themes, after a real
 * import and training. Tagged @screenshots: `npm run screenshots` takes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateResumeSample, SAMPLE_CATEGORIES } from '../../ml/index';
import { formatCount } from '../../renderer/format/numbers';
import { expect, test } from './fixtures';
import { makeTempDir, previewPath } from './import-helpers';
import { longStepMs } from './deadlines';

const outDir = path.resolve(import.meta.dirname, '../../assets/screenshots');

for (const theme of ['light', 'dark'] as const) {
  test(`Train mid-run and Evaluate, ${theme} theme @screenshots`, async ({ page, openApp }) => {
    const temp = makeTempDir('rs-shots-train-');
    try {
      const keep = new Set(SAMPLE_CATEGORIES.slice(0, 8));
      const rows = generateResumeSample({ seed: 21, perClass: 120 }).filter((r) => keep.has(r.category));
      const file = path.join(temp.dir, 'resumes.jsonl');
      fs.writeFileSync(file, rows.map((r) => JSON.stringify({ text: r.text, category: r.category })).join('\n') + '\n');
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await openApp('#/dataset');
      const dialog = await previewPath(page, file);
      await dialog.getByRole('button', { name: `Import ${formatCount(rows.length)} rows` }).click();
      await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();

      await page.keyboard.press('Control+2');
      await page.getByLabel('Cross-validation folds').fill('5');
      await page.keyboard.press('Control+t');
      // Mid-run, during cross-validation: the holdout model's tuning and fit steps are on the chart. (The
      // final model now fits in a fraction of a second with the holdout model's choices, too briefly to catch.)
      await expect(page.getByTestId('training-progress')).toContainText('Cross-validation fold', { timeout: longStepMs });
      await expect(page.getByTestId('training-chart')).toHaveAttribute('data-points', /^([4-9]|\d\d+)$/);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: path.join(outDir, `train-running-${theme}.png`) });
      await expect(page.getByTestId('run-outcome')).toContainText('finished', { timeout: longStepMs });

      await page.keyboard.press('Control+3');
      const matrix = page.getByTestId('confusion-matrix').first();
      await matrix.locator('td:not(.diagonal) button').filter({ hasNotText: /^0$/ }).first().click();
      await page.getByTestId('cell-documents').locator('tbody th button').first().click();
      await expect(page.getByTestId('highlighted-text').locator('mark').first()).toBeVisible();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.getByRole('heading', { level: 2, name: 'Which categories it confuses' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(outDir, `evaluate-${theme}.png`) });
      await page.getByTestId('cell-documents').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(outDir, `evaluate-cell-${theme}.png`) });
    } finally {
      temp.cleanup();
    }
  });
}
