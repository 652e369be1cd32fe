/**
 * README screenshots of the Predict page: a card (single resume) and a batch, in both themes.
 * Tagged @screenshots: `npm run screenshots` takes them.
 */
import path from 'node:path';
import { makeTextPdfBytes } from '../fixtures/resume-files';
import { sampleResumes } from '../fixtures/sample-model';
import { expect, test } from './fixtures';
import { longStepMs } from './deadlines';
import { activateSampleModel, dropFiles, expectModelReady } from './predict-helpers';

const outDir = path.resolve(import.meta.dirname, '../../assets/screenshots');

for (const theme of ['light', 'dark'] as const) {
  test(`Predict page, one resume and a batch, ${theme} theme @screenshots`, async ({ page, backend, openApp }) => {
    await activateSampleModel(backend);
    await page.setViewportSize({ width: 1200, height: 1000 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await openApp('#/predict');
    await expectModelReady(page);
    const nurse = sampleResumes(1, 5).find((r) => r.category === 'Nurse')!;
    await dropFiles(page, [{ name: 'jordan-rivera-cv.pdf', bytes: await makeTextPdfBytes({ lines: nurse.text.split('\n') }), type: 'application/pdf' }]);
    const card = page.getByRole('article', { name: 'jordan-rivera-cv.pdf' });
    await expect(card.getByTestId('predicted-category')).toHaveText('Nurse');
    await card.scrollIntoViewIfNeeded();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await card.screenshot({ path: path.join(outDir, `predict-single-${theme}.png`) });

    await page.getByRole('button', { name: 'Clear' }).click();
    const files = sampleResumes(10, 31).map((r, i) => ({ name: `applicant-${String(i + 1).padStart(3, '0')}.txt`, bytes: new TextEncoder().encode(r.text) }));
    await dropFiles(page, [...files, { name: 'scan-without-text.txt', bytes: new Uint8Array(0) }]);
    await expect(page.getByTestId('batch-status')).toContainText('finished', { timeout: longStepMs });
    const batch = page.getByRole('region', { name: /Batch of/ });
    await page
      .getByRole('table', { name: 'Batch results' })
      .getByRole('button', { name: /^Confidence/ })
      .click();
    await batch.scrollIntoViewIfNeeded();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await batch.screenshot({ path: path.join(outDir, `predict-batch-${theme}.png`) });
  });
}
