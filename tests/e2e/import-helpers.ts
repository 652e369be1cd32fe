/** Shared steps of the import e2e tests: temp folders and driving the Import dialog by role. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { makeTextPdfBytes } from '../fixtures/resume-files';

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

/**
 * A folder whose import runs for a while whatever the machine's speed: a few hundred distinct text
 * resumes (fast, so documents appear at once) and then thousands of PDFs (each parsed by pdf.js,
 * which is slow). The PDFs differ only by a trailing comment, so each is parsed but all share one
 * text: they end as duplicates and keep the near-duplicate search small.
 */
export async function makeLongImportFolder(root: string, pdfCopies = 4000): Promise<number> {
  const text = await makeResumeFolder(root, { categories: { ACCOUNTANT: 150, CHEF: 150 } });
  const pdf = Buffer.from(await makeTextPdfBytes({ category: 'TEACHER' }));
  const dir = path.join(root, 'TEACHER');
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < pdfCopies; i++) fs.writeFileSync(path.join(dir, `teacher-${i}.pdf`), Buffer.concat([pdf, Buffer.from(`\n% copy ${i}\n`)]));
  return text.files.length + pdfCopies;
}
