/**
 * Long work stays visible and controllable once its dialog is closed: the status line's activity
 * indicator on every page (progress, Cancel, click to open) for imports, training runs and
 * prediction batches, live Dataset counts, and the Import dialog reopening on the running job.
 * The work is large (or slowed) enough to still run while we look.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateResumeSample } from '../../ml/index';
import { formatCount } from '../../renderer/format/numbers';
import { sampleResumes } from '../fixtures/sample-model';
import { expect, test } from './fixtures';
import { makeLongImportFolder, makeTempDir, previewPath, statValue } from './import-helpers';
import { activateSampleModel, dropFiles, expectModelReady } from './predict-helpers';
import { longStepMs } from './deadlines';

test('a running import shows in the status line on every page, reopens its dialog and cancels from there', async ({ page, openApp }) => {
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
    await expect(statValue(page, 'Documents')).not.toHaveText('0');
    await expect(activity).toBeVisible();

    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(activity).toBeVisible();
    await activity.getByRole('button', { name: /^Importing/ }).click();
    await expect(dialog.getByText('Step 3 of 3')).toBeVisible();
    await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    // The page's Import button also reopens the running job, not step 1.
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: /^Import…/ }).click();
    await expect(dialog.getByRole('button', { name: 'Cancel import' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close dialog' }).click();

    await activity.getByRole('button', { name: 'Cancel' }).click();
    await expect(activity).toBeHidden();
    await expect(page.getByRole('region', { name: 'Unfinished import' })).toContainText('Import cancelled at');
  } finally {
    temp.cleanup();
  }
});

test('Resume shows in the status line at once and survives a reload', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-resume-');
  try {
    const root = path.join(temp.dir, 'big');
    const files = await makeLongImportFolder(root);
    await openApp();
    const dialog = await previewPath(page, root);
    await dialog.getByRole('button', { name: /^Import [\d\s]+ files$/ }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).not.toHaveAttribute('aria-valuenow', '0');
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const activity = page.getByRole('contentinfo').getByTestId('activity');
    await expect(activity).toBeHidden();
    await page.getByRole('region', { name: 'Unfinished import' }).getByRole('button', { name: 'Resume' }).click();
    // At once, before the backend has listed the folder again.
    await expect(activity.getByRole('button', { name: /^(Resuming import|Importing):/ })).toBeVisible();
    // A new page (reload) learns about the running import from the backend.
    await expect(
      activity.getByRole('button', { name: new RegExp(`^Importing: [\\d\\s]+ / ${String(files).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s')} files`) }),
    ).toBeVisible();
    await page.reload();
    await expect(activity.getByRole('button', { name: /^Importing:/ })).toBeVisible();
    await activity.getByRole('button', { name: 'Cancel' }).click();
    await expect(activity).toBeHidden();
  } finally {
    temp.cleanup();
  }
});

/** Writes `perClass` generated resumes per category as JSONL (text, category), each with words of its own so training takes a while. */
function writeTrainingSet(file: string, perClass: number): number {
  const rows = generateResumeSample({ seed: 5, perClass });
  const own = (i: number) => Array.from({ length: 150 }, (_, k) => `w${i.toString(36)}x${k.toString(36)}`).join(' ');
  fs.writeFileSync(file, rows.map((r, i) => JSON.stringify({ text: `${r.text} ${own(i)}`, category: r.category })).join('\n') + '\n');
  return rows.length;
}

test('a training run shows in the status line on every page, opens the Train page and cancels from there', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-train-activity-');
  try {
    const file = path.join(temp.dir, 'resumes.jsonl');
    const rows = writeTrainingSet(file, 150);
    await openApp('#/dataset');
    const dialog = await previewPath(page, file);
    await dialog.getByRole('button', { name: `Import ${formatCount(rows)} rows` }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    await page.keyboard.press('Control+2');
    await expect(page.getByTestId('training-plan')).toBeVisible();
    await page.getByLabel('Cross-validation folds').fill('10');
    await page.getByRole('button', { name: /^Train/ }).click();
    const activity = page.getByRole('contentinfo').getByTestId('activity');
    await expect(activity.getByRole('button', { name: /^Training: / })).toBeVisible();

    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(activity.getByRole('button', { name: /^Training: (getting ready…|\d+%)/ })).toBeVisible();
    await activity.getByRole('button', { name: /^Training/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();

    await activity.getByRole('button', { name: 'Cancel' }).click();
    await expect(activity).toBeHidden();
    await expect(page.getByTestId('run-outcome')).toContainText('Run 1 cancelled');
  } finally {
    temp.cleanup();
  }
});

test('a prediction batch shows in the status line on every page, opens the Predict page and cancels from there', async ({ page, backend, openApp }) => {
  await activateSampleModel(backend);
  // The first file goes through; the others are held until the batch is cancelled, so the batch is
  // still running while we look, however fast or slow the machine.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  await page.route('**/rpc/predict.file', async (route) => {
    if (++requests > 1) await released;
    await route.continue().catch(() => undefined);
  });
  const resumes = sampleResumes(4, 21);
  const files = Array.from({ length: 40 }, (_, i) => ({ name: `resume-${i + 1}.txt`, bytes: new TextEncoder().encode(resumes[i % resumes.length]!.text) }));
  await openApp('#/predict');
  await expectModelReady(page);
  await dropFiles(page, files);

  const activity = page.getByRole('contentinfo').getByTestId('activity');
  await expect(activity.getByRole('button', { name: /^Predicting: \d+ \/ 40 files/ })).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(activity.getByRole('button', { name: /^Predicting: [1-9]\d* \/ 40 files · .+ left/ })).toBeVisible();
  await activity.getByRole('button', { name: /^Predicting/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Predict' })).toBeVisible();

  await activity.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(activity).toBeHidden();
  await expect(page.getByTestId('batch-status')).toContainText('cancelled');
});
