// The curation view on 20,000+ generated resumes imported through the real importer: a virtual
// table, search and URL state, bulk relabel with undo / redo, keyword rules, category merge,
// "keep one" on a duplicate group, and keyboard-only labelling. Each test gets its own copy.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Backend } from './backend';
import { expectAccessible, forEachTheme } from './axe';
import { backendOnCopy, countInCategory, prepareDataset, queryDb } from './curation-data';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

let prepared: string;
let backend: Backend;
let total: number;

test.beforeAll(async () => {
  prepared = prepareDataset();
  total = queryDb<{ n: number }>(prepared, 'SELECT COUNT(*) AS n FROM documents').n;
});
test.afterAll(() => fs.rmSync(path.dirname(prepared), { recursive: true, force: true }));
test.beforeEach(async () => {
  backend = await backendOnCopy(prepared);
});
test.afterEach(async ({ page }) => {
  // The page first: stopping the backend under an open event stream is a console error.
  await page.close();
  await backend.stop();
  fs.rmSync(backend.dataDir, { recursive: true, force: true });
});

/** Opens the app at `hash` and waits for the resume table's count. */
async function open(page: Page, hash = '#/dataset/resumes'): Promise<void> {
  await page.goto(backend.url.replace(/#.*$/, '') + hash);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The "N of M resumes" count the view shows, as a number. */
async function shownMatches(page: Page): Promise<number> {
  const text = (await page.getByTestId('curation-counts').textContent()) ?? '';
  return Number(text.split(' of ')[0]!.replace(/\D/g, ''));
}
/** The labels of documents `from`..`to`, in id order, joined by |. */
const labelsIn = (dataDir: string, from: number, to: number) =>
  queryDb<{ labels: string }>(
    dataDir,
    `SELECT group_concat(c.name, '|') AS labels FROM (SELECT * FROM documents WHERE id BETWEEN ? AND ? ORDER BY id) d JOIN categories c ON c.id = d.category_id`,
    from,
    to,
  ).labels;
const thin = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

test('the table holds 20,000+ resumes; scrolling to the end keeps fewer than 200 rows in the DOM', async ({ page, problems }) => {
  void problems;
  expect(total).toBeGreaterThanOrEqual(20_000);
  await open(page);
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(total)} of ${thin(total)} resumes`);
  const table = page.getByTestId('resume-table');
  const lastRow = page.locator(`tr[aria-rowindex="${total + 1}"]`);
  // The virtual table measures rows as they render, so its height grows while it scrolls: scroll
  // to the end again until the last row is there.
  await expect(async () => {
    await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(lastRow).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(lastRow).toContainText('resumes.csv#record');
  expect(await page.locator('tr').count()).toBeLessThan(200);
});

test('a search narrows the table; the URL keeps it across a reload, and Back returns', async ({ page, problems }) => {
  void problems;
  await open(page);
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(total)} of`);
  await page.getByLabel('Search', { exact: true }).fill('kubernetes');
  await expect(page).toHaveURL(/q=kubernetes/);
  const inDb = queryDb<{ n: number }>(backend.dataDir, `SELECT COUNT(*) AS n FROM documents_fts WHERE documents_fts MATCH '"kubernetes"'`).n;
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(inDb)} of ${thin(total)}`);
  expect(inDb).toBeLessThan(total);
  await page.getByLabel('Category', { exact: true }).selectOption('Software Engineer');
  await expect(page).toHaveURL(/cat=Software\+Engineer/);
  // The count the page must reach (read from the database, not from the page while it is still counting).
  const narrower = queryDb<{ n: number }>(
    backend.dataDir,
    `SELECT COUNT(*) AS n FROM documents_fts f JOIN documents d ON d.id = f.rowid JOIN categories c ON c.id = d.category_id
     WHERE documents_fts MATCH '"kubernetes"' AND c.name = 'Software Engineer'`,
  ).n;
  expect(narrower).toBeLessThan(inDb);
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(narrower)} of ${thin(total)}`);

  await page.reload();
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('kubernetes');
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(narrower)} of`);
  await page.goBack();
  await expect(page.getByLabel('Category', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(inDb)} of`);
});

test('bulk relabel of a whole search, undo and redo each change the counts shown and the database', async ({ page, problems }) => {
  void problems;
  await open(page, '#/dataset/resumes?q=%22patient+care%22+triage');
  const matches = await expect
    .poll(() => shownMatches(page))
    .toBeGreaterThan(0)
    .then(() => shownMatches(page));
  const nurseBefore = countInCategory(backend.dataDir, 'Nurse');
  const matchedNurses = queryDb<{ n: number }>(
    backend.dataDir,
    `SELECT COUNT(*) AS n FROM documents d JOIN categories c ON c.id = d.category_id
     WHERE c.name = 'Nurse' AND d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '"patient care" AND "triage"')`,
  ).n;
  const table = page.getByTestId('resume-table');
  await table.locator('tr[data-document-id] input[type=checkbox]').first().check();
  const bulk = page.getByTestId('bulk-bar');
  await bulk.getByRole('button', { name: `Select all ${thin(matches)} matching` }).click();
  await expect(bulk).toContainText(`All ${thin(matches)} matching resumes`);
  await bulk.getByLabel('Category for the selected resumes').selectOption('Teacher');
  await bulk.getByRole('button', { name: 'Set category' }).click();

  const nurseOption = page.getByLabel('Category', { exact: true }).locator('option', { hasText: /^Nurse \(/ });
  await expect(nurseOption).toHaveText(`Nurse (${thin(nurseBefore - matchedNurses)})`);
  expect(countInCategory(backend.dataDir, 'Nurse')).toBe(nurseBefore - matchedNurses);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nurseOption).toHaveText(`Nurse (${thin(nurseBefore)})`);
  expect(countInCategory(backend.dataDir, 'Nurse')).toBe(nurseBefore);

  await page.keyboard.press('Control+Shift+Z');
  await expect(nurseOption).toHaveText(`Nurse (${thin(nurseBefore - matchedNurses)})`);
  expect(countInCategory(backend.dataDir, 'Nurse')).toBe(nurseBefore - matchedNurses);
});

test('a keyword rule shows its hits first, then relabels them', async ({ page, problems }) => {
  void problems;
  await open(page);
  const payrollTotal = queryDb<{ n: number }>(backend.dataDir, `SELECT COUNT(*) AS n FROM documents_fts WHERE documents_fts MATCH '"payroll"'`).n;
  const hrBefore = countInCategory(backend.dataDir, 'HR');
  await page.getByRole('button', { name: 'Keyword rule…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyword rule' });
  await dialog.getByLabel('Resumes matching').fill('payroll');
  await dialog.getByLabel('get the category').fill('Payroll specialists');
  await expect(dialog.getByTestId('rule-preview')).toContainText(`${thin(payrollTotal)} resumes match; ${thin(payrollTotal)} would get Payroll specialists`);
  expect(countInCategory(backend.dataDir, 'Payroll specialists')).toBe(0);
  await dialog.getByRole('button', { name: `Apply to ${thin(payrollTotal)} resumes` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Category', { exact: true }).locator('option', { hasText: /^Payroll specialists/ })).toHaveText(
    `Payroll specialists (${thin(payrollTotal)})`,
  );
  expect(countInCategory(backend.dataDir, 'Payroll specialists')).toBe(payrollTotal);
  expect(countInCategory(backend.dataDir, 'HR')).toBeLessThan(hrBefore);
});

test('a category merge says how many resumes move, then moves them', async ({ page, problems }) => {
  void problems;
  await open(page);
  const sales = countInCategory(backend.dataDir, 'Sales');
  const hr = countInCategory(backend.dataDir, 'HR');
  await page.getByRole('button', { name: 'Categories…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Categories' });
  await dialog.getByRole('button', { name: 'Merge Sales' }).click();
  await dialog.getByLabel('Merge Sales into').selectOption('HR');
  await dialog.getByRole('button', { name: 'Merge…' }).click();
  await expect(dialog.getByTestId('category-plan')).toContainText(`Merged Sales into HR (${sales} resumes). ${thin(sales)} resumes move.`);
  expect(countInCategory(backend.dataDir, 'Sales')).toBe(sales);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByRole('rowheader', { name: 'Sales', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'HR', exact: true }) })).toContainText(thin(sales + hr));
  expect(countInCategory(backend.dataDir, 'HR')).toBe(sales + hr);
  expect(countInCategory(backend.dataDir, 'Sales')).toBe(0);
});

test('"keep one" collapses a duplicate group', async ({ page, problems }) => {
  void problems;
  await open(page, '#/dataset/duplicates');
  const counts = page.getByTestId('curation-counts');
  await expect(counts).toContainText(/^[1-9][\d\u202f]* near-duplicate groups/);
  const groupsBefore = Number(((await counts.textContent()) ?? '').split(' near')[0]!.replace(/\D/g, ''));
  const group = page.getByTestId('duplicate-group').first();
  const members = await group.locator('.duplicate-member').count();
  expect(members).toBeGreaterThan(1);
  const keptName = (await group.locator('.duplicate-member h3').nth(1).textContent())!;
  await group
    .getByRole('button', { name: /^Keep this one/ })
    .nth(1)
    .click();
  await expect(counts).toContainText(`${thin(groupsBefore - 1)} near-duplicate groups`);
  await expect(page.getByTestId('duplicate-group').filter({ hasText: keptName })).toHaveCount(0);
  const excluded = queryDb<{ n: number }>(backend.dataDir, 'SELECT COUNT(*) AS n FROM documents WHERE excluded = 1').n;
  expect(excluded).toBe(members - 1);
});

test('keyboard only: label 10 resumes with digits and type-ahead, exclude one with X', async ({ page, problems }) => {
  void problems;
  await open(page, '#/dataset/resumes?sort=id&dir=asc');
  await expect(page.getByTestId('curation-counts')).toContainText(`${thin(total)} of`);
  const table = page.getByTestId('resume-table');
  await table.focus();
  await expect(table).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByTestId('resume-pane')).toContainText('#1 ·');
  // Categories are numbered by name: 1 Accountant … 8 Teacher.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('1');
    await expect(page.getByTestId('pane-label')).toContainText(`#${i + 2} ·`);
  }
  // Type-ahead: letters open the category field, Enter applies and returns to the table.
  await page.keyboard.type('teach');
  await expect(page.getByLabel('Label as')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane-label')).toContainText('#10 ·');
  await expect(table).toBeFocused();
  await page.keyboard.type('nur');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane-label')).toContainText('#11 ·');
  await page.keyboard.press('x');
  await expect(page.getByTestId('pane-label')).toContainText('excluded from training');

  const labels = (from: number, to: number) => labelsIn(backend.dataDir, from, to);
  expect(labels(1, 8)).toBe(Array(8).fill('Accountant').join('|'));
  expect(labels(9, 10)).toBe('Teacher|Nurse');
  expect(queryDb<{ excluded: number }>(backend.dataDir, 'SELECT excluded FROM documents WHERE id = 11').excluded).toBe(1);
  // One history step per resume whose label really changed (labelling one already in the category is no step), plus the exclusion.
  const before = labelsIn(prepared, 1, 10).split('|');
  const changed = before.filter((label, i) => label !== (i < 8 ? 'Accountant' : i === 8 ? 'Teacher' : 'Nurse')).length;
  expect(queryDb<{ n: number }>(backend.dataDir, 'SELECT COUNT(*) AS n FROM label_history').n).toBe(changed + 1);
});

test('axe: the resume view with a resume open, its dialogs, and the duplicates view, light and dark', async ({ page, problems }) => {
  void problems;
  await open(page, '#/dataset/resumes?q=kubernetes&doc=5');
  await expect(page.getByTestId('cleaned-text')).toBeVisible();
  await page.getByTestId('resume-table').locator('tr[data-document-id] input[type=checkbox]').first().check();
  await expect(page.getByTestId('bulk-bar')).toBeVisible();
  await forEachTheme(page, (theme) => expectAccessible(page, `the resume view (${theme})`));
  await page.getByRole('button', { name: 'Categories…' }).click();
  await forEachTheme(page, (theme) => expectAccessible(page, `the categories dialog (${theme})`));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Keyword rule…' }).click();
  await page.getByLabel('Resumes matching').fill('payroll');
  await page.getByLabel('get the category').fill('HR');
  await expect(page.getByTestId('rule-preview')).toContainText('resumes match');
  await forEachTheme(page, (theme) => expectAccessible(page, `the keyword rule dialog (${theme})`));
  await page.keyboard.press('Escape');
  await open(page, '#/dataset/duplicates');
  await expect(page.getByTestId('duplicate-group').first()).toBeVisible();
  await forEachTheme(page, (theme) => expectAccessible(page, `the duplicates view (${theme})`));
});
