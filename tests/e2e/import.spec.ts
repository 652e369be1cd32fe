/**
 * Import through the UI against the real backend: a generated folder with good and broken files,
 * a CSV with a column mapping, cancel + resume, and inline backend errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatCount } from '../../renderer/format/numbers';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { writeBinaryTxt, writeEmptyFile, writeEncryptedPdf, writeImageOnlyPdf, writeTruncatedPdf, writeZipBombDocx } from '../fixtures/resume-files';
import { expect, test } from './fixtures';
import { longStepMs } from './deadlines';
import { breakdownRow, makeTempDir, previewPath, statValue } from './import-helpers';

test('a folder imports with live progress; counts, health and the report with reasons follow', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-folder-');
  try {
    const root = path.join(temp.dir, 'resumes');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 48, CHEF: 36, TEACHER: 4 }, hiddenClutter: true });
    await writeTruncatedPdf(root, 'truncated.pdf');
    await writeEncryptedPdf(root, 'locked.pdf');
    await writeImageOnlyPdf(root, 'scanned.pdf');
    await writeZipBombDocx(root, 'bomb.docx');
    await writeBinaryTxt(root, 'binary.txt');
    await writeEmptyFile(root, 'empty.txt');

    await openApp();
    const dialog = await previewPath(page, root);
    await expect(breakdownRow(dialog, 'By category', 'ACCOUNTANT')).toContainText('48');
    await expect(breakdownRow(dialog, 'By category', 'CHEF')).toContainText('36');
    await expect(breakdownRow(dialog, 'By category', 'TEACHER')).toContainText('4');
    await expect(breakdownRow(dialog, 'By category', 'Unlabelled')).toContainText('6');
    // 94 files plus 4 hidden entries (.DS_Store, .git, …): each will get a row in the report.
    await expect(dialog.getByTestId('preview-files')).toHaveText('98');

    await dialog.getByRole('button', { name: 'Import 98 files' }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuemax', /^\d+$/);
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await expect(bar).toHaveAttribute('aria-valuenow', (await bar.getAttribute('aria-valuemax')) ?? '');
    const outcomes = dialog.getByRole('list', { name: 'Files by outcome' });
    await expect(outcomes).toContainText('imported88');

    // Closing returns to the Dataset page, whose counts were refreshed by the finish event.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(statValue(page, 'Documents')).toHaveText('88');
    await expect(statValue(page, 'Categories')).toHaveText('3');
    const health = page.getByRole('region', { name: 'Data health' });
    await expect(health.getByTestId('class-balance-chart').locator('.recharts-bar-rectangle')).toHaveCount(3);
    await expect(health.getByTestId('health-tiny')).toContainText('TEACHER (4)');
    await expect(health.getByTestId('health-failures')).not.toContainText(/Extraction failures\s*0/);
    const jobs = page.getByRole('region', { name: 'Imports' });
    await expect(jobs.getByRole('row').nth(1)).toContainText('Finished');

    // The report lists every broken file with its reason, filterable by status.
    await jobs.getByRole('link', { name: /Report of import 1/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Import report: ${root}` })).toBeFocused();
    const table = page.getByRole('table', { name: 'Imported files' });
    const filters = page.getByRole('group', { name: 'Filter by status' });
    const expectations: [string, string, RegExp][] = [
      ['damaged', 'truncated.pdf', /./],
      ['encrypted', 'locked.pdf', /password|encrypt/i],
      ['no text (needs OCR)', 'scanned.pdf', /OCR|text/i],
      ['suspicious archive', 'bomb.docx', /./],
      ['empty', 'empty.txt', /./],
    ];
    for (const [label, file, reason] of expectations) {
      await filters.getByRole('button', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')} \\d+$`) }).click();
      await expect(filters.getByRole('button', { pressed: true })).toContainText(label);
      const row = table.getByRole('row').filter({ hasText: file });
      await expect(row).toBeVisible();
      await expect(row).toContainText(label);
      await expect(row.locator('.report-reason')).toHaveText(reason);
      await expect(table.getByRole('row').filter({ hasText: 'accountant-001.txt' })).toHaveCount(0);
    }
    // "All" counts every entry, hidden clutter included; the list is virtualized, so scroll to its end.
    await filters.getByRole('button', { name: /^All \d+$/ }).click();
    await expect(filters.getByRole('button', { pressed: true })).toHaveText(/^All\s*98$/);
    await expect(table.getByRole('row')).not.toHaveCount(99);
    await table.getByRole('rowgroup', { name: 'Files, scrollable' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(table.locator('[aria-rowindex="99"]')).toBeVisible();
  } finally {
    temp.cleanup();
  }
});

test('a CSV imports with the chosen text and label columns', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-csv-');
  try {
    const csvPath = path.join(temp.dir, 'people.csv');
    const titles = ['Chef', 'Accountant', 'Teacher'];
    const lines = ['id,cv_body,job_title,notes'];
    for (let index = 0; index < 12; index++) {
      const title = titles[index % 3]!;
      lines.push(`${index + 1},"Experienced ${title.toLowerCase()} number ${index + 1}, skilled in planning, budgets and teamwork.",${title},note ${index}`);
    }
    fs.writeFileSync(csvPath, `${lines.join('\n')}\n`);

    await openApp();
    const dialog = await previewPath(page, csvPath);
    await expect(dialog.getByText('CSV dataset')).toBeVisible();
    const sample = dialog.getByRole('region', { name: 'Sample rows' });
    await expect(sample.getByRole('row')).toHaveCount(6);
    // Neither column has a conventional name, so the user maps them.
    const importButton = dialog.getByRole('button', { name: 'Import 12 rows' });
    await expect(importButton).toBeDisabled();
    await dialog.getByLabel('Text column').selectOption('cv_body');
    await expect(dialog.getByLabel('Text column')).toHaveValue('cv_body');
    await dialog.getByLabel('Label column').selectOption('job_title');
    await expect(breakdownRow(dialog, 'By category', 'Chef')).toContainText('4');
    await expect(sample.getByRole('columnheader', { name: /cv_body/ })).toContainText('text');
    await importButton.click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(statValue(page, 'Documents')).toHaveText('12');
    await expect(statValue(page, 'Labelled')).toHaveText('12');
    await expect(statValue(page, 'Categories')).toHaveText('3');
  } finally {
    temp.cleanup();
  }
});

test("bad paths and bad columns show the backend's message inside the dialog", async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-bad-');
  try {
    await openApp();
    await page.getByRole('button', { name: /^Import…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import resumes' });
    const field = dialog.getByLabel('Folder or file path');
    await field.fill(path.join(temp.dir, 'missing'));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('alert')).toContainText('it does not exist');
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    const csvPath = path.join(temp.dir, 'rows.csv');
    fs.writeFileSync(csvPath, 'text,label\n"a resume",A\n"b resume",B\n');
    await field.fill(csvPath);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByLabel('Text column')).toHaveValue('text');
    await dialog.getByLabel('Text column').selectOption('label');
    await expect(dialog.getByRole('button', { name: 'Import 2 rows' })).toBeEnabled();
    fs.writeFileSync(csvPath, 'body,category\n"a resume",A\n');
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect(dialog.getByRole('alert')).toContainText('has no column "label"');
  } finally {
    temp.cleanup();
  }
});

test('the dialog is a keyboard-friendly modal: Ctrl+O opens, Tab stays inside, Esc closes and restores focus', async ({ page, openApp }) => {
  await openApp();
  const importButton = page.getByRole('button', { name: /^Import…/ });
  await importButton.focus();
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Import resumes' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByLabel('Folder or file path')).toBeFocused();
  for (let press = 0; press < 6; press++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(importButton).toBeFocused();
});

test('cancelling an import keeps finished batches and the banner resumes it', async ({ page, openApp, backend }) => {
  const temp = makeTempDir('rs-e2e-cancel-');
  try {
    const root = path.join(temp.dir, 'big');
    await makeResumeFolder(root, { categories: { ACCOUNTANT: 700, CHEF: 700 } });
    await openApp();
    const dialog = await previewPath(page, root);
    await dialog.getByRole('button', { name: /^Import 1\s?400 files$/ }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
    // Cancel once the first batch is in, well before the end. The backend is paused while the
    // button is pressed, so the cancel reaches it before the rest of the folder can be imported,
    // however fast the machine (text files go in at hundreds a second).
    await expect(bar).not.toHaveAttribute('aria-valuenow', '0');
    backend.process.kill('SIGSTOP');
    try {
      await dialog.getByRole('button', { name: 'Cancel import' }).click();
    } finally {
      backend.process.kill('SIGCONT');
    }
    await expect(dialog.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();
    const stoppedAt = Number(await bar.getAttribute('aria-valuenow'));
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(1400);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const banner = page.getByRole('region', { name: 'Unfinished import' });
    await expect(banner).toContainText(/Import cancelled at [\d\s\u202f]+ \/ 1\s?400 — Resume\?/);
    await expect(statValue(page, 'Documents')).toHaveText(formatCount(stoppedAt));
    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByRole('region', { name: 'Imports' }).getByRole('row').nth(1)).toContainText('Finished');
    // The UI's one number formatter ("1 400" with a narrow no-break space), not en-US's "1,400".
    await expect(statValue(page, 'Documents')).toHaveText('1\u202f400');
  } finally {
    temp.cleanup();
  }
});
