/**
 * Prediction through the real backend in Chromium: files dropped anywhere in the window (a real
 * DataTransfer) become cards; a batch of 20 becomes the table and a CSV whose rows match it; an
 * encrypted PDF gets its sentence; axe in both themes. The drop-to-card latency is a benchmark
 * (npm run bench:drop), not a test.
 */
import fs from 'node:fs';
import { makeDocxBytes, makeTextPdfBytes, writeEncryptedPdf } from '../fixtures/resume-files';
import { sampleResumes } from '../fixtures/sample-model';
import { expectAccessible, forEachTheme } from './axe';
import { expect, test } from './fixtures';
import { makeTempDir } from './import-helpers';
import { activateSampleModel, dropFiles, expectModelReady, rpc } from './predict-helpers';

test('a PDF and a DOCX dropped on the window become cards with category, probabilities and highlighted words', async ({ page, backend, openApp }) => {
  await activateSampleModel(backend);
  const [nurse, accountant] = [sampleResumes(1, 5).find((r) => r.category === 'Nurse')!, sampleResumes(1, 6).find((r) => r.category === 'Accountant')!];
  await openApp('#/dataset');
  await dropFiles(page, [
    { name: 'nurse.pdf', bytes: await makeTextPdfBytes({ lines: nurse.text.split('\n') }), type: 'application/pdf' },
    { name: 'accountant.docx', bytes: await makeDocxBytes(accountant.text.split('\n')) },
  ]);
  await expect(page).toHaveURL(/#\/predict$/);
  await expectModelReady(page);
  for (const [name, category] of [
    ['nurse.pdf', 'Nurse'],
    ['accountant.docx', 'Accountant'],
  ] as const) {
    const card = page.getByRole('article', { name });
    await expect(card.getByTestId('predicted-category')).toHaveText(category);
    await expect(card.getByRole('list', { name: 'Most probable categories' }).getByRole('listitem')).toHaveCount(3);
    const marks = card.getByRole('region', { name: new RegExp(`Text of ${name}`) }).locator('mark');
    expect(await marks.count()).toBeGreaterThan(0);
    await expect(marks.first()).toHaveAttribute('title', /weight \d\.\d{3}/);
    await expect(card.getByText(/needs review|confident/)).toBeVisible();
  }
  await forEachTheme(page, (theme) => expectAccessible(page, `Predict with cards (${theme})`));
});

test('an encrypted PDF gets the import status and its sentence', async ({ page, backend, openApp }) => {
  await activateSampleModel(backend);
  const temp = makeTempDir('rs-e2e-predict-');
  try {
    const locked = fs.readFileSync(await writeEncryptedPdf(temp.dir, 'locked.pdf'));
    await openApp('#/predict');
    await expectModelReady(page);
    await dropFiles(page, [{ name: 'locked.pdf', bytes: locked, type: 'application/pdf' }], '[data-testid="predict-drop-zone"]');
    const card = page.getByRole('article', { name: 'locked.pdf' });
    await expect(card.getByRole('alert')).toContainText('encrypted');
    await expect(card.getByRole('alert')).toContainText(/password/);
  } finally {
    temp.cleanup();
  }
});

test('a 30 MB text dropped on Predict is refused at once with the importer’s sentence, never uploaded', async ({ page, backend, openApp }) => {
  await activateSampleModel(backend);
  await openApp('#/predict');
  await expectModelReady(page);
  const uploads: string[] = [];
  page.on('request', (request) => request.url().endsWith('/rpc/predict.file') && uploads.push(request.url()));
  // Made in the page: 30 MB through page.evaluate's argument would be slow for nothing.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(30 * 1024 * 1024).fill(97)], 'huge.txt', { type: 'text/plain' }));
    const target = document.querySelector('[data-testid="predict-drop-zone"]')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  const card = page.getByRole('article', { name: 'huge.txt' });
  await expect(card.getByRole('alert')).toContainText('The file is 30 MB, over the 20 MB limit for one resume; split it or export a smaller copy.');
  expect(uploads).toEqual([]);
});

test('a batch of 20 becomes a sortable table, and the CSV download has its rows; rows go to the dataset with a corrected label', async ({
  page,
  backend,
  openApp,
}) => {
  await activateSampleModel(backend);
  const resumes = sampleResumes(7, 11).slice(0, 19);
  const files = [
    ...resumes.map((r, i) => ({ name: `resume-${String(i + 1).padStart(2, '0')}.txt`, bytes: new TextEncoder().encode(r.text) })),
    { name: '=HYPERLINK("x").txt', bytes: new TextEncoder().encode('') },
  ];
  await openApp('#/predict');
  await expectModelReady(page);
  await dropFiles(page, files);
  const table = page.getByRole('table', { name: 'Batch results' });
  await expect(page.getByTestId('batch-status')).toContainText('20 of 20 files done, 1 unreadable — finished');
  await expect(table.getByTestId('batch-row')).toHaveCount(20);

  // Sorted by confidence, the CSV is written in the table's order.
  await table.getByRole('button', { name: /^Confidence/ }).click();
  await expect(table.getByRole('columnheader', { name: /Confidence/ })).toHaveAttribute('aria-sort', 'descending');
  const shown = await table.getByTestId('batch-row').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('[role="cell"]');
      return { file: cells[1]!.querySelector('.report-name')!.textContent!, category: cells[2]!.textContent!.trim() };
    }),
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = fs
    .readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(csv[0]).toBe('file,category,confidence,needs_review,top_words,status,reason');
  const parsed = csv.slice(1).map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    return { file: cells[0]!, category: cells[1]! };
  });
  expect(parsed).toEqual(shown.map((row) => ({ ...row, file: row.file.startsWith('=') ? `'${row.file}` : row.file })));
  const confidences = csv.slice(1, 20).map((line) => Number(line.split(',')[2]));
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));

  // Two rows to the dataset, one with a corrected label.
  const before = (await rpc<{ documents: number }>(backend, 'dataset.summary', {})).documents;
  const rows = table.getByTestId('batch-row');
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(1).getByRole('combobox').fill('Corrected Category');
  await page.getByRole('button', { name: /Add 2 selected to dataset/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 to the dataset' })).toBeVisible();
  const after = await rpc<{ documents: number; categories: { category: string; documents: number }[] }>(backend, 'dataset.summary', {});
  expect(after.documents).toBe(before + 2);
  expect(after.categories).toContainEqual({ category: 'Corrected Category', documents: 1 });
  await forEachTheme(page, (theme) => expectAccessible(page, `Predict with a batch (${theme})`));
});
