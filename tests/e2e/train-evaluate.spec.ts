/**
 * Train and Evaluate through the real backend in Chromium: import a generated dataset, train with
 * the button (live chart), read metrics and the confusion matrix, open an off-diagonal cell and its
 * highlighted words, relabel, retrain and compare; cancel keeps the previous model; a run that
 * exhausts its memory limit ends with a sentence. axe on both pages in both themes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateResumeSample, SAMPLE_CATEGORIES } from '../../ml/index';
import { formatCount } from '../../renderer/format/numbers';
import { expectAccessible, forEachTheme } from './axe';
import { expect, test } from './fixtures';
import { makeTempDir, previewPath } from './import-helpers';
import { longStepMs } from './deadlines';

/** Writes a JSONL dataset of generated resumes (text, category); `uniqueWords` adds that many words of its own to each. */
function writeDataset(file: string, options: { perClass: number; categories: number; seed: number; uniqueWords?: number }): number {
  const keep = new Set(SAMPLE_CATEGORIES.slice(0, options.categories));
  const rows = generateResumeSample({ seed: options.seed, perClass: options.perClass }).filter((r) => keep.has(r.category));
  const extra = (i: number) =>
    options.uniqueWords ? ` ${Array.from({ length: options.uniqueWords }, (_, k) => `u${i.toString(36)}x${k.toString(36)}`).join(' ')}` : '';
  fs.writeFileSync(file, rows.map((r, i) => JSON.stringify({ text: r.text + extra(i), category: r.category })).join('\n') + '\n');
  return rows.length;
}

/** Imports `file` through the Import dialog. */
async function importDataset(page: Page, file: string, rows: number): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/dataset'));
  const dialog = await previewPath(page, file);
  await dialog.getByRole('button', { name: `Import ${formatCount(rows)} rows` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
}

/** Goes to the Train page and waits for its plan. */
async function openTrain(page: Page): Promise<void> {
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  await expect(page.getByTestId('training-plan')).toBeVisible();
}

/** Waits for the outcome card of the run that just ended. */
const outcome = (page: Page) => page.getByTestId('run-outcome');

test('import → train with a live chart → metrics and matrix → a cell lists resumes with highlighted words → relabel → retrain → compare', async ({
  page,
  openApp,
}) => {
  const temp = makeTempDir('rs-e2e-train-');
  try {
    const file = path.join(temp.dir, 'resumes.jsonl');
    const rows = writeDataset(file, { perClass: 20, categories: 6, seed: 11 });
    await openApp('#/dataset');
    await importDataset(page, file, rows);
    await openTrain(page);
    await expect(page.getByTestId('training-plan')).toContainText(`${rows} labelled resumes in 6 categories`);
    await page.getByLabel('Test fraction').fill('0.3');
    await page.keyboard.press('Control+t');
    // The chart receives epoch points while the run goes (and keeps them once it ended).
    await expect(page.getByTestId('training-chart')).toHaveAttribute('data-points', /^[1-9]\d*$/);
    // Both lines have values: held-out accuracy while tuning, the training loss while fitting.
    await expect(page.getByTestId('training-chart')).toHaveAttribute('data-accuracies', /^[1-9]\d*$/);
    await expect(page.getByTestId('training-chart')).toHaveAttribute('data-losses', /^[1-9]\d*$/);
    // What a learner reads: which fit and stage, where it is in that stage, and its loss or held-out accuracy.
    await expect(page.getByTestId('training-chart-caption')).toHaveText(
      /^(Holdout model|Final model on every document): (choosing C and features \(inner cross-validation\): setting|epoch) \d+ of \d+ · (training loss \d\.\d{3}|held-out accuracy \d+\.\d%)/,
    );
    await expect(outcome(page)).toContainText('Run 1 finished', { timeout: longStepMs });

    await page.getByRole('link', { name: 'Open Evaluate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluate' })).toBeVisible();
    await expect(page.getByTestId('headline-metrics')).toContainText('Macro-F1');
    const matrix = page.getByTestId('confusion-matrix').first();
    await expect(matrix).toBeVisible();
    const offDiagonal = matrix.locator('td:not(.diagonal) button').filter({ hasNotText: /^0$/ }).first();
    await offDiagonal.click();
    const cell = page.getByTestId('cell-documents');
    await expect(cell.getByRole('row')).not.toHaveCount(1);
    await cell.locator('tbody th button').first().click();
    await expect(page.getByTestId('highlighted-text').locator('mark').first()).toBeVisible();

    await cell.getByRole('button', { name: 'Relabel' }).first().click();
    await expect(cell.getByRole('status').first()).toContainText('is now');
    await page.getByRole('button', { name: 'Retrain' }).click();
    const compare = page.getByTestId('compare-view');
    await expect(compare).toBeVisible({ timeout: longStepMs });
    await expect(compare).toContainText('Run 1 → run 2');
    // About 40 resumes held out by both runs, 7 per category: too few for metric changes to be findings, and the page says so.
    await expect(compare.getByRole('note')).toContainText('metric changes are not shown');
    await expect(compare.getByTestId('class-deltas')).toHaveCount(0);
    await forEachTheme(page, (theme) => expectAccessible(page, `the comparison's small-sample note (${theme})`, '[data-testid="compare-view"]'));
    await expect(compare.getByTestId('confusion-matrix')).toHaveCount(2);
  } finally {
    temp.cleanup();
  }
});

test('the metrics the Evaluate page shows are the stored run’s, and the Train and Evaluate pages pass axe in both themes', async ({
  page,
  openApp,
  backend,
}) => {
  const temp = makeTempDir('rs-e2e-axe-');
  try {
    const file = path.join(temp.dir, 'resumes.jsonl');
    const rows = writeDataset(file, { perClass: 12, categories: 5, seed: 5 });
    await openApp('#/dataset');
    await importDataset(page, file, rows);
    await openTrain(page);
    await forEachTheme(page, (theme) => expectAccessible(page, `Train (${theme}) before a run`));
    await page.getByRole('button', { name: /^Train/ }).click();
    await expect(outcome(page)).toContainText('finished', { timeout: longStepMs });
    await forEachTheme(page, (theme) => expectAccessible(page, `Train (${theme}) after a run`));

    await page.keyboard.press('Control+3');
    const matrix = page.getByTestId('confusion-matrix').first();
    await expect(matrix).toBeVisible();
    // The numbers on the page are the ones stored with the run (which `resume-studio eval --data-dir` recomputes; tests/main/cli).
    const response = await page.request.post(`${backend.origin}/rpc/training.run`, {
      headers: { 'x-studio-token': backend.token, origin: backend.origin },
      data: { runId: 1 },
    });
    const run = (await response.json()) as { ok: boolean; value: { holdout: { accuracy: number; macro: { f1: number }; logLoss: number; ece: number } } };
    const shown = (label: string) => page.getByTestId('headline-metrics').locator(`[data-metric="${label}"]`);
    await expect(shown('Accuracy')).toHaveText(run.value.holdout.accuracy.toFixed(3));
    await expect(shown('Macro-F1')).toHaveText(run.value.holdout.macro.f1.toFixed(3));
    await expect(shown('Log loss')).toHaveText(run.value.holdout.logLoss.toFixed(3));
    await expect(shown('ECE')).toHaveText(run.value.holdout.ece.toFixed(3));

    // Keyboard: one tab stop, arrows move between cells.
    await matrix.locator('button[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(matrix.locator('button[data-cell="0-1"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cell-documents')).toBeVisible();
    // A cell's resume open: its text is a scroll area, which axe wants reachable by keyboard.
    await matrix.locator('td button').filter({ hasNotText: /^0$/ }).first().click();
    await page.getByTestId('cell-documents').locator('tbody th button').first().click();
    await expect(page.getByTestId('highlighted-text')).toBeVisible();
    await forEachTheme(page, (theme) => expectAccessible(page, `Evaluate with a cell's resume open (${theme})`));
  } finally {
    temp.cleanup();
  }
});

test('Cancel during a run keeps the previous model active; a run that exhausts its memory limit ends with a sentence', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-cancel-');
  try {
    const file = path.join(temp.dir, 'resumes.jsonl');
    const rows = writeDataset(file, { perClass: 60, categories: 8, seed: 3, uniqueWords: 150 });
    await openApp('#/dataset');
    await importDataset(page, file, rows);
    await openTrain(page);
    await page.getByRole('button', { name: /^Train/ }).click();
    await expect(outcome(page)).toContainText('Run 1 finished', { timeout: longStepMs });

    await page.getByLabel('Cross-validation folds').fill('10');
    await page.getByRole('button', { name: /^Train/ }).click();
    await page.getByTestId('training-progress').getByRole('button', { name: 'Cancel' }).click();
    await expect(outcome(page)).toContainText('Run 2 cancelled');
    await expect(outcome(page)).toContainText('the previous model is still active');

    // Enough distinct words that the vocabulary cannot fit a 16 MB heap (the 480 resumes above can).
    const more = path.join(temp.dir, 'more.jsonl');
    await importDataset(page, more, writeDataset(more, { perClass: 400, categories: 8, seed: 9, uniqueWords: 150 }));
    await openTrain(page);
    await page.getByText('Advanced').click();
    await page.getByLabel('Memory limit (MB)').fill('16');
    await page.getByLabel('Cross-validation folds').fill('0');
    await page.getByRole('button', { name: /^Train/ }).click();
    await expect(outcome(page)).toContainText('Run 3 failed', { timeout: longStepMs });
    await expect(outcome(page).getByRole('alert')).toContainText('Training ran out of memory (limit 16 MB) and was stopped.');

    await page.keyboard.press('Control+3');
    await expect(page.getByTestId('run-history').getByRole('rowheader', { name: '1 (active)' })).toBeVisible();
  } finally {
    temp.cleanup();
  }
});
