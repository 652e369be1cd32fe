/**
 * The app on the real corpus's shape (24 categories, 2,000+ generated resumes, imported and trained
 * once through the CLI, each test on its own copy): the shell never scrolls, only its content area
 * does; a retrain after a relabel holds out the same resumes and is compared with the previous run
 * on exactly those.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible, forEachTheme } from './axe';
import type { Backend } from './backend';
import { backendOnCopy, queryDb } from './curation-data';
import { prepareCorpus24 } from './corpus-24';
import { expect, test } from './fixtures';
import { longStepMs } from './deadlines';

let prepared: ReturnType<typeof prepareCorpus24>;
test.beforeAll(() => {
  prepared = prepareCorpus24();
});
test.afterAll(() => prepared?.cleanup());

let backend: Backend;
test.beforeEach(async () => {
  backend = await backendOnCopy(prepared.dataDir);
});
test.afterEach(async ({ page }) => {
  // The page first: stopping the backend under an open event stream is a console error.
  await page.close();
  await backend.stop();
  fs.rmSync(backend.dataDir, { recursive: true, force: true });
});

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
  await page.goto(backend.url + '#/dataset');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  await expect(page.getByTestId('class-balance-chart')).toBeVisible();
  // The longest category name is drawn whole: its tick text starts inside the chart.
  const longest = page.getByTestId('class-balance-chart').locator('text', { hasText: /^INFORMATION-TECHNOLOGY$/ });
  const chartBox = (await page.getByTestId('class-balance-chart').boundingBox())!;
  expect((await longest.boundingBox())!.x).toBeGreaterThanOrEqual(chartBox.x);
  // The Help popover fits the sidebar, which clips what sticks out.
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('group', { name: 'Help' });
  await expect(help).toBeVisible();
  const [helpBox, sidebarBox] = [(await help.boundingBox())!, (await page.locator('.sidebar').boundingBox())!];
  expect(helpBox.x + helpBox.width).toBeLessThanOrEqual(sidebarBox.x + sidebarBox.width);
  await page.getByRole('button', { name: 'Help' }).click();
  await wheelToEnd(page, '.main');
  await expectShellInPlace(page);

  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluate' })).toBeVisible();
  const matrix = page.getByTestId('confusion-matrix').first();
  await expect(matrix).toBeVisible();
  // 24 × 24 fits its card without sideways scrolling; short headings, full names on hover and for screen readers.
  expect(
    await page
      .locator('.confusion-scroll')
      .first()
      .evaluate((box) => box.scrollWidth - box.clientWidth),
  ).toBeLessThanOrEqual(0);
  await expect(matrix.getByRole('columnheader', { name: 'INFORMATION-TECHNOLOGY' })).toHaveAttribute('title', 'INFORMATION-TECHNOLOGY');
  await forEachTheme(page, (theme) => expectAccessible(page, `the 24-category confusion matrix (${theme})`, '.confusion'));
  await wheelToEnd(page, '.sidebar');
  await expectShellInPlace(page);
  await wheelToEnd(page, '.main');
  await expectShellInPlace(page);
});

/** The held-out document ids of a run, as stored. */
const heldOut = (dataDir: string, runId: number): Set<number> =>
  new Set(
    queryDb<{ ids: string }>(dataDir, "SELECT group_concat(document_id) AS ids FROM training_run_predictions WHERE run_id = ? AND source = 'holdout'", runId)
      .ids.split(',')
      .map(Number),
  );

test('relabel → Retrain holds out the same resumes, and the comparison is computed on the resumes both runs held out', async ({ page, problems }) => {
  void problems;
  await page.goto(backend.url + '#/evaluate');
  const matrix = page.getByTestId('confusion-matrix').first();
  await expect(matrix).toBeVisible();
  await matrix.locator('td:not(.diagonal) button').filter({ hasNotText: /^0$/ }).first().click();
  const cell = page.getByTestId('cell-documents');
  await cell.getByRole('button', { name: 'Relabel' }).first().click();
  await expect(cell.getByRole('status').first()).toContainText('is now');
  await page.getByRole('button', { name: 'Retrain' }).click();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toContainText('Run 1 → run 2', { timeout: longStepMs });

  const before = heldOut(backend.dataDir, 1);
  const after = heldOut(backend.dataDir, 2);
  const shared = [...after].filter((id) => before.has(id)).length;
  // Every resume still exists: all but the relabelled one's neighbours at a category's boundary stay held out.
  expect(shared).toBeGreaterThanOrEqual(before.size - 3);
  await expect(compare.getByTestId('compare-basis')).toHaveText(
    `Compared on the ${thin(shared)} resumes held out by both runs (run 1: ${thin(before.size)}, run 2: ${thin(after.size)}).`,
  );
  await expect(compare.getByTestId('class-deltas').getByRole('row')).toHaveCount(25);
});

test('the Resumes view at 1280 px: whole headings, lengths and category names; the text above the fold; the search marked', async ({ page, problems }) => {
  void problems;
  await page.goto(`${backend.url.replace(/#.*$/, '')}#/dataset/resumes?q=kitchen&sort=category`);
  const table = page.getByTestId('resume-table');
  await expect(table.locator('tbody tr[data-document-id]').first()).toBeVisible();
  // Nothing cut with an ellipsis: every heading, length and category fits its cell.
  const cut = await table.evaluate((root) =>
    [...root.querySelectorAll('thead th, td.col-length, td.col-category')]
      .filter((cell) => (cell as HTMLElement).offsetParent !== null && cell.scrollWidth > cell.clientWidth)
      .map((cell) => `${cell.textContent} ${cell.scrollWidth}/${cell.clientWidth}`),
  );
  expect(cut).toEqual([]);
  await table.locator('tbody tr[data-document-id]').first().click();
  const pane = page.getByTestId('resume-pane');
  // 24 category chips leave the resume's text in view.
  const text = pane.getByTestId('cleaned-text');
  await expect(text).toBeVisible();
  expect((await text.boundingBox())!.y).toBeLessThan(860 - 100);
  await expect(text.locator('mark.search-hit').first()).toHaveText(/^kitchen$/i);
  await forEachTheme(page, (theme) => expectAccessible(page, `the open resume with its search marked (${theme})`, '[data-testid="resume-pane"]'));
});

const thin = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
