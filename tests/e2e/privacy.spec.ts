/**
 * Blind mode in Chromium against the real backend: the bundled sample dataset is imported
 * (`import.startSample`), a first model trained and a resume predicted; blind mode is switched on in
 * Settings, the card already shown is masked, a batch is dropped, a blind model is trained with the
 * button, and every view that shows resume text or file names is visited — the resume pane
 * (extracted and cleaned text), the resume table, the duplicates view, the import report, an
 * Evaluate cell with its highlighted words, likely mislabelled, Predict cards and the batch table.
 * None of their DOM holds a name, e-mail address, phone number or URL of the sample. Before blind
 * mode is switched on, the same check finds them in the resume pane and the card, so it can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { firstNames, lastNames } from '../../bin/sample-resumes/content';
import { expect, test } from './fixtures';
import { dropFiles, rpc } from './predict-helpers';
import { longStepMs } from './deadlines';

const sampleDir = path.resolve(import.meta.dirname, '../../assets/sample-resumes');
const names = [...new Set([...firstNames, ...lastNames])];
const personal = [
  new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}])`, 'iu'),
  /[\w.+-]+@[\w-]+\.[\w.-]+/,
  /\(?555\)?[ .-]?555[ .-]?01\d\d/,
  // The app's own address (127.0.0.1) is not a resume's URL.
  /https?:\/\/(?!127\.0\.0\.1|localhost)[^\s"'<>]+|www\.[\w-]+|example\.com/i,
];

/** The first piece of personal data of the sample in the page's DOM (text and attributes), or null. */
async function personalDataInDom(page: Page): Promise<string | null> {
  // Namespace declarations of charts' SVG are URLs of the standards, not of a resume.
  const html = (await page.content()).replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
  for (const pattern of personal) {
    const found = pattern.exec(html);
    if (found) return `${found[0]} (…${html.slice(Math.max(0, found.index - 60), found.index + 60)}…)`;
  }
  return null;
}

/** Waits until `ready` is visible, then checks the whole page. */
async function expectBlind(page: Page, view: string, ready: ReturnType<Page['getByTestId']>): Promise<void> {
  await expect(ready.first(), view).toBeVisible();
  expect(await personalDataInDom(page), view).toBeNull();
}

/** A sample file as a dropped file. */
const sampleFile = (relPath: string) => ({
  name: path.basename(relPath),
  bytes: fs.readFileSync(path.join(sampleDir, relPath)),
  type: relPath.endsWith('.pdf') ? 'application/pdf' : relPath.endsWith('.txt') ? 'text/plain' : '',
});

/** Trains with the Train page's button and waits for run `n`. */
async function train(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.getByTestId('run-outcome')).toContainText(`Run ${n} finished`, { timeout: longStepMs });
}

test('blind mode: no name, e-mail, phone number or URL of the sample in any view that shows resumes', async ({ page, backend, openApp }) => {
  const job = await rpc<{ id: number }>(backend, 'import.startSample', {});
  await expect
    .poll(async () => (await rpc<{ id: number; state: string }[]>(backend, 'import.jobs', {})).find((j) => j.id === job.id)?.state, { timeout: longStepMs })
    .toBe('finished');

  // Blind mode off: the resume pane and a Predict card show the person, so the check is able to fail.
  await openApp('#/dataset/resumes?doc=1');
  await expect(page.getByTestId('cleaned-text')).toBeVisible();
  expect(await personalDataInDom(page)).not.toBeNull();
  await train(page, 1);
  await page.keyboard.press('Control+4');
  await dropFiles(page, [sampleFile('Nurse/ingrid-brennan.pdf')]);
  await expect(page.getByTestId('predicted-category')).toHaveText('Nurse');
  expect(await personalDataInDom(page)).not.toBeNull();

  await page.keyboard.press('Control+,');
  const blind = page.getByLabel('Blind mode');
  await expect(blind).not.toBeChecked();
  await expect(page.getByText(/Hides names, e-mail addresses, phone numbers, street addresses and web links/)).toBeVisible();
  await blind.check();
  await expect(blind).toBeChecked();
  await expect.poll(async () => (await rpc<{ blindMode: boolean }>(backend, 'settings.get', {})).blindMode).toBe(true);

  // The card predicted before is loaded again, masked; a batch dropped now never shows a file's name.
  await page.keyboard.press('Control+4');
  await expect(page.getByTestId('prediction-card').getByText('__name__').first()).toBeVisible();
  await expectBlind(page, 'predict card predicted before blind mode', page.getByTestId('prediction-card'));
  const batch = [
    'Nurse/ingrid-brennan.pdf',
    'Accountant/elias-castellano.txt',
    'Teacher/noor-ashdown.docx',
    'Sales/anton-okafor.docx',
    'Data Scientist/hugo-castellano.txt',
  ];
  await dropFiles(page, batch.map(sampleFile));
  await expect(page.getByTestId('batch-status')).toContainText('finished', { timeout: longStepMs });
  await expect(page.getByTestId('batch-table').getByTestId('batch-row')).toHaveCount(batch.length);
  await expectBlind(page, 'batch table', page.getByTestId('batch-table'));

  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('blind-training-note')).toBeVisible();
  await train(page, 2);

  for (const id of [1, 2, 3]) {
    await page.goto(page.url().replace(/#.*$/, `#/dataset/resumes?doc=${id}`));
    await expect(page.getByTestId('pane-label')).toContainText(`#${id} ·`);
    await expectBlind(page, `resume pane and table, document ${id}`, page.getByTestId('cleaned-text'));
    await expect(page.getByTestId('extracted-text')).toContainText('__name__');
  }
  await page.goto(page.url().replace(/#.*$/, '#/dataset/duplicates'));
  await expectBlind(page, 'duplicates view', page.getByTestId('duplicate-group'));
  await page.goto(page.url().replace(/#.*$/, `#/dataset/import/${job.id}`));
  await expectBlind(page, 'import report', page.getByText('_copy.pdf'));

  await page.goto(page.url().replace(/#.*$/, '#/evaluate'));
  const matrix = page.getByTestId('confusion-matrix').first();
  await expect(matrix).toBeVisible();
  await matrix.locator('td.diagonal button').filter({ hasNotText: /^0$/ }).first().click();
  const cell = page.getByTestId('cell-documents');
  await expect(cell.getByRole('row')).not.toHaveCount(1);
  await cell.locator('tbody th button').first().click();
  await expectBlind(page, 'evaluate cell with highlighted words', page.getByTestId('highlighted-text').locator('mark'));
  await expectBlind(page, 'likely mislabelled', page.getByTestId('mislabelled'));

  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Predict' })).toBeVisible();
  await dropFiles(page, [sampleFile('Nurse/amelia-sandoval.pdf')]);
  await expect(page.getByTestId('predicted-category').first()).toHaveText('Nurse');
  await expectBlind(page, 'predict card after a drop', page.getByTestId('prediction-card'));
});
