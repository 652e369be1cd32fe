/**
 * README screenshots of "Label with suggestions": a generated pile imported unlabelled, three
 * resumes per category labelled, a few suggestions answered; the page with a suggestion, both
 * themes. Tagged @screenshots: `npm run screenshots` takes them.
 */
import path from 'node:path';
import { writeUnlabelledFolder } from '../helpers/unlabelled-folder';
import { longStepMs } from './deadlines';
import { expect, test } from './fixtures';
import { makeTempDir } from './import-helpers';
import { rpc } from './predict-helpers';

const outDir = path.resolve(import.meta.dirname, '../../assets/screenshots');

for (const theme of ['light', 'dark'] as const) {
  test(`Label with suggestions, ${theme} theme @screenshots`, async ({ page, backend, openApp }) => {
    const temp = makeTempDir('rs-e2e-labelling-shot-');
    try {
      const pile = writeUnlabelledFolder(temp.dir, { perClass: 25, categories: 5, seed: 33 });
      await rpc(backend, 'import.start', { path: pile.root });
      await expect.poll(async () => (await rpc<{ state: string }[]>(backend, 'import.jobs', {}))[0]?.state, { timeout: longStepMs }).toBe('finished');
      const rows = (await rpc<{ rows: { id: number; fileName: string }[] }>(backend, 'documents.list', { limit: 200 })).rows;
      const counts = new Map<string, number>();
      for (const row of rows) {
        const category = pile.truth.get(row.fileName)!;
        if ((counts.get(category) ?? 0) >= 3) continue;
        counts.set(category, (counts.get(category) ?? 0) + 1);
        await rpc(backend, 'documents.setCategory', { ids: [row.id], category });
      }
      await page.setViewportSize({ width: 1200, height: 1750 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await openApp('#/label');
      const card = page.getByTestId('queue-card');
      await expect(card.getByTestId('suggested-category')).toBeVisible({ timeout: longStepMs });
      for (let i = 0; i < 6; i++) {
        const title = await card.getByRole('heading', { level: 2 }).textContent();
        await card.focus();
        await page.keyboard.press('Enter');
        await expect(card.getByRole('heading', { level: 2 })).not.toHaveText(title!);
      }
      await expect(card.getByTestId('suggested-category')).toBeVisible();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.locator('.page').screenshot({ path: path.join(outDir, `labelling-${theme}.png`) });
    } finally {
      temp.cleanup();
    }
  });
}
