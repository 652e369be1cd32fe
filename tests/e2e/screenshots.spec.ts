/**
 * README screenshots of the Dataset and Settings pages in both themes. Tagged @screenshots so the
 * normal run skips it; take them with `SCREENSHOTS=1 npx playwright test -c playwright.config.ts`.
 */
import path from 'node:path';
import { expect, test } from './fixtures';

const outDir = path.resolve(import.meta.dirname, '../../assets/screenshots');

for (const theme of ['light', 'dark'] as const) {
  test(`Dataset and Settings pages, ${theme} theme @screenshots`, async ({ page, openApp }) => {
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await openApp('#/dataset');
    await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('Connected');
    await expect(page.locator('.stat-value').first()).toHaveText('0');
    await page.screenshot({ path: path.join(outDir, `dataset-${theme}.png`) });

    await page.keyboard.press('Control+Comma');
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    // Blur the title so no focus state is captured.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(outDir, `settings-${theme}.png`) });
  });
}
