/**
 * The app shell never scrolls, only its content area does (issue 20, item 1): on the real corpus's
 * shape (24 categories, 2,000+ resumes), wheeling to the end of the Dataset page or over the sidebar
 * on Evaluate leaves the window where it was, with the sidebar and the status line in view.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { backendOnCopy } from './curation-data';
import { prepareCorpus24 } from './corpus-24';
import { expect, test } from './fixtures';

let prepared: ReturnType<typeof prepareCorpus24>;
test.beforeAll(() => {
  test.setTimeout(240_000);
  prepared = prepareCorpus24();
});
test.afterAll(() => prepared?.cleanup());

test.use({ viewport: { width: 1280, height: 860 } });

/** How far the window itself is scrolled, and how much taller the document is than the window. */
const windowScroll = (page: Page) =>
  page.evaluate(() => ({
    scrollY: window.scrollY,
    overflowPx: document.documentElement.scrollHeight - window.innerHeight,
  }));

/** Wheels over `selector` until its scroll area stops moving (its end), then once more. */
async function wheelToEnd(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 1500);
    const now = await page.evaluate((s) => document.querySelector(s)!.scrollTop, selector);
    if (now === last) break;
    last = now;
  }
  await page.mouse.wheel(0, 1500);
}

async function expectShellInPlace(page: Page): Promise<void> {
  await expect.poll(() => windowScroll(page)).toEqual({ scrollY: 0, overflowPx: 0 });
  await expect(page.getByRole('contentinfo')).toBeInViewport();
  await expect(page.getByRole('navigation').first()).toBeInViewport();
}

test('wheeling to the end of the Dataset page and over the sidebar on Evaluate never scrolls the window', async ({ page, problems }) => {
  void problems;
  test.setTimeout(120_000);
  const backend = await backendOnCopy(prepared.dataDir);
  try {
    await page.goto(backend.url + '#/dataset');
    await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
    await expect(page.getByTestId('class-balance-chart')).toBeVisible({ timeout: 30_000 });
    await wheelToEnd(page, '.main');
    await expectShellInPlace(page);

    await page.keyboard.press('Control+3');
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluate' })).toBeVisible();
    await expect(page.getByTestId('confusion-matrix').first()).toBeVisible({ timeout: 30_000 });
    await wheelToEnd(page, '.sidebar');
    await expectShellInPlace(page);
    await wheelToEnd(page, '.main');
    await expectShellInPlace(page);
  } finally {
    // The page first: stopping the backend under an open event stream is a console error.
    await page.close();
    await backend.stop();
    fs.rmSync(backend.dataDir, { recursive: true, force: true });
  }
});
