/**
 * The five-minute tour a new user takes, end to end through the real backend in Chromium: the
 * welcome screen → Try the sample dataset (the bundled folder, imported by the real parsers) → the
 * deliberate problems get their statuses → Train → metrics → Evaluate's confusion matrix → a sample
 * resume dropped on the window is predicted. Each page shows its tour hint on the way. The same
 * walk, tagged @screenshots, writes the README's tour screenshots (`npm run screenshots`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildSample } from '../../bin/sample-resumes/plan';
import { formatCount } from '../../renderer/format/numbers';
import { expect, test } from './fixtures';
import { dropFiles } from './predict-helpers';
import { longStepMs } from './deadlines';

const sampleRoot = path.resolve(import.meta.dirname, '../../assets/sample-resumes');
const outDir = path.resolve(import.meta.dirname, '../../assets/screenshots');

/** Every file under the bundled sample folder. */
function sampleFileCount(): number {
  return fs.readdirSync(sampleRoot, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** The visible tour hint of the current page. */
const hint = (page: Page) => page.getByRole('region', { name: 'Tour hint' });

/** Saves a screenshot named `name`, scrolled so that `show` (default: the top of the page) is in view, once `ready` is visible. */
type Shoot = (name: string, show?: Locator, ready?: Locator) => Promise<void>;

/** Takes the tour; `shoot` is called on each page (the normal run passes one that does nothing). */
async function takeTour(page: Page, openApp: (hash?: string) => Promise<void>, shoot: Shoot): Promise<void> {
  const { problems } = await buildSample();
  const files = sampleFileCount();

  await openApp('#/dataset');
  const welcome = page.getByRole('region', { name: 'Welcome to Resume Studio' });
  await expect(welcome).toBeVisible();
  await expect(hint(page)).toHaveCount(0); // the welcome screen is the first step's guide
  await shoot('tour-welcome');

  // Watched from inside the page: every value the import's progress bar shows, and whether the
  // "Your resumes are in" hint shows before the bar is full.
  await page.evaluate(() => {
    const seen = { values: [] as number[], hintWhileImporting: false };
    (window as unknown as { __importWatch: typeof seen }).__importWatch = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
      if (!bar) return;
      const value = Number(bar.getAttribute('aria-valuenow'));
      if (seen.values.at(-1) !== value) seen.values.push(value);
      if (value < Number(bar.getAttribute('aria-valuemax')) && document.querySelector('[aria-label="Tour hint"]')) seen.hintWhileImporting = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await welcome.getByRole('button', { name: 'Try the sample dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import resumes' });
  await expect(dialog.getByText('Step 3 of 3')).toBeVisible();
  await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
  const watched = await page.evaluate(() => (window as unknown as { __importWatch: { values: number[]; hintWhileImporting: boolean } }).__importWatch);
  // The bar moves file by file (it sat at 0 until the first batch of 50 was saved), and the hint waits for the end.
  expect(watched.values.filter((v) => v > 0 && v < files).length, `progress values shown: ${watched.values.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect(watched.hintWhileImporting).toBe(false);
  await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toContainText(
    `${formatCount(files - 2)} imported, 1 duplicate, 1 with problems.`,
  );
  const chips = dialog.getByRole('list', { name: 'Files by outcome' });
  await expect(chips).toContainText('duplicate1');
  await expect(chips).toContainText('no text (needs OCR)1');

  // The report names the two problem files and says why.
  await dialog.getByRole('button', { name: 'View report' }).click();
  const report = page.getByRole('table', { name: 'Imported files' });
  await page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: /^duplicate/ })
    .click();
  await expect(report.getByRole('row').nth(1)).toContainText(path.posix.basename(problems.duplicate.relPath));
  await expect(report.getByRole('row').nth(1)).toContainText(path.posix.basename(problems.duplicate.copyOf));
  await page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: /^no text/ })
    .click();
  await expect(report.getByRole('row').nth(1)).toContainText(path.posix.basename(problems.scanned.relPath));
  await expect(report.getByRole('row').nth(1)).toContainText('OCR');

  await page.getByRole('link', { name: '← Dataset' }).click();
  await expect(welcome).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Dataset counts' })).toContainText(formatCount(files - 2));
  await expect(hint(page)).toContainText('Step 1 of 4');
  // Data health: the scan is an extraction failure; the resume saved twice with a small change, a near-duplicate.
  await expect(page.getByTestId('health-failures').locator('.finding-count')).toHaveText('1');
  await expect(page.getByTestId('health-near').locator('.finding-count')).toHaveText('1');
  await page.getByTestId('health-near').getByRole('link').click();
  await expect(page.getByTestId('curation-counts')).toHaveText('1 near-duplicate group with more than one resume still used for training');
  await page.goBack();
  await shoot('tour-dataset');

  await page.getByRole('link', { name: 'Browse and label' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resumes' })).toBeVisible();
  await expect(page.getByTestId('curation-counts')).toContainText(formatCount(files - 2));
  await shoot('tour-resumes');

  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  await expect(hint(page)).toContainText('Step 2 of 4');
  await expect(page.getByTestId('training-plan')).toContainText('in 6 categories');
  // Cross-validation predicts every resume with a model that never saw it: how Evaluate finds the misfiled one.
  await page.getByLabel('Cross-validation folds').fill('5');
  await shoot('tour-train');
  await page.getByRole('button', { name: /^Train/ }).click();
  const outcome = page.getByTestId('run-outcome');
  await expect(outcome).toContainText('Run 1 finished', { timeout: longStepMs });
  await expect(outcome).toContainText(/Macro-F1 \d\.\d{3}, accuracy \d+/);

  await outcome.getByRole('link', { name: 'Open Evaluate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluate' })).toBeVisible();
  await expect(hint(page)).toContainText('Step 3 of 4');
  await expect(page.getByTestId('headline-metrics')).toContainText('Macro-F1');
  const macroF1 = (await page.getByTestId('headline-metrics').locator('[data-metric="Macro-F1"]').textContent())!;
  const matrix = page.getByTestId('confusion-matrix').first();
  await expect(matrix).toBeVisible();
  await expect(matrix.locator('tbody tr')).toHaveCount(6);
  await shoot('tour-evaluate', page.getByRole('heading', { level: 2, name: 'Which categories it confuses' }), page.locator('.recharts-bar-rectangle').first());
  // The resume filed under the wrong category heads the list of likely mislabelled ones.
  const mislabelled = page.getByTestId('mislabelled');
  await expect(mislabelled.locator('tbody tr').first()).toContainText(path.posix.basename(problems.mislabelled.relPath));
  await expect(mislabelled.locator('tbody tr').first()).toContainText(problems.mislabelled.actualCategory);
  await shoot('tour-mislabelled', mislabelled);

  // A resume from the sample, dropped anywhere in the window as a user drags a file in.
  const problemPaths = new Set(Object.values(problems).map((problem) => problem.relPath));
  const nurseFile = fs.readdirSync(path.join(sampleRoot, 'Nurse')).find((name) => name.endsWith('.pdf') && !problemPaths.has(`Nurse/${name}`))!;
  await dropFiles(page, [{ name: nurseFile, bytes: fs.readFileSync(path.join(sampleRoot, 'Nurse', nurseFile)), type: 'application/pdf' }]);
  await expect(page).toHaveURL(/#\/predict$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Predict' })).toBeVisible();
  await expect(hint(page)).toContainText('Step 4 of 4');
  const card = page.getByRole('article', { name: nurseFile });
  await expect(card.getByTestId('predicted-category')).toHaveText('Nurse');
  await expect(card.locator('mark').first()).toBeVisible();
  // One number, one spelling: the model's macro-F1 as Evaluate wrote it, counts with their nouns and once each.
  const model = page.getByRole('region', { name: 'Model in use' });
  await expect(model).toContainText(`6 categories, trained on ${formatCount(files - 2)} resumes, holdout macro-F1 ${macroF1}.`);
  await expect(model).not.toContainText('documents');
  await shoot('tour-predict', card);
}

test('the sample-data tour: welcome → Try the sample dataset → import with its problems → train → evaluate → predict a dropped resume', async ({
  page,
  openApp,
}) => {
  await takeTour(page, openApp, async () => {});
});

test('the sample-data tour, each page saved for the README, light theme @screenshots', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await takeTour(page, openApp, async (name, show, ready) => {
    if (ready) await expect(ready).toBeVisible();
    // No focus ring or hover in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    // Pages scroll inside <main>; scrolling the document too (scrollIntoView) would shift the whole shell.
    const main = page.locator('#main');
    if (show) {
      const offsetPx = await show.evaluate((element) => element.getBoundingClientRect().top);
      await main.evaluate((element, top) => (element.scrollTop += top - element.getBoundingClientRect().top - 24), offsetPx);
    } else await main.evaluate((element) => (element.scrollTop = 0));
    await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  });
});
