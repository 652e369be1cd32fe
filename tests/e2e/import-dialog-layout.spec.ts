/** The Import dialog on a small window: a tall preview scrolls, its buttons stay in view. */
import path from 'node:path';
import { makeResumeFolder } from '../fixtures/resume-folder';
import { expect, test } from './fixtures';
import { makeTempDir, previewPath } from './import-helpers';

test('a tall preview keeps its Import and Back buttons visible without scrolling', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  const temp = makeTempDir('rs-e2e-tall-');
  try {
    const categories = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`CATEGORY_${String(i).padStart(2, '0')}`, 1]));
    const root = path.join(temp.dir, 'resumes');
    await makeResumeFolder(root, { categories });
    await openApp();
    const dialog = await previewPath(page, root);
    const importButton = dialog.getByRole('button', { name: 'Import 30 files' });
    // The content is taller than the window, so the dialog scrolls…
    expect(await dialog.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    // …but the footer does not: both buttons are on screen at the top and at the bottom.
    await expect(importButton).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Back' })).toBeInViewport({ ratio: 1 });
    await dialog.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(importButton).toBeInViewport({ ratio: 1 });
    // The last category row is reachable above the footer, not hidden behind it.
    await expect(dialog.getByRole('rowheader', { name: 'CATEGORY_29' })).toBeInViewport({ ratio: 1 });
  } finally {
    temp.cleanup();
  }
});
