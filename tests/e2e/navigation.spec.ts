/** Every page is reachable by click, by keyboard shortcut and by Tab, with aria-current kept right. */
import { expect, test } from './fixtures';

const pages = [
  { name: 'Dataset', key: '1' },
  { name: 'Train', key: '2' },
  { name: 'Evaluate', key: '3' },
  { name: 'Predict', key: '4' },
  { name: 'Label', key: '5' },
  { name: 'Settings', key: ',' },
] as const;

test('clicking each navigation link shows its page and marks it current', async ({ page, openApp }) => {
  await openApp();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const target of [...pages].reverse()) {
    await nav.getByRole('link', { name: new RegExp(target.name) }).click();
    await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
    await expect(nav.getByRole('link', { name: new RegExp(target.name) })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page).toHaveURL(new RegExp(`#/${target.name === 'Train' ? 'train' : target.name.toLowerCase()}$`));
  }
});

test('Ctrl+1..5 and Ctrl+, reach each page and move focus to its title', async ({ page, openApp }) => {
  await openApp();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const target of [...pages].reverse()) {
    await page.keyboard.press(`Control+${target.key}`);
    const title = page.getByRole('heading', { level: 1, name: target.name });
    await expect(title).toBeVisible();
    await expect(nav.getByRole('link', { name: new RegExp(target.name) })).toHaveAttribute('aria-current', 'page');
    if (target.name !== 'Dataset') await expect(title).toBeFocused();
  }
});

test('with no data, Train, Evaluate and Predict each say what is needed first', async ({ page, openApp }) => {
  await openApp('#/train');
  await expect(page.getByRole('region', { name: 'What this run will use' }).getByRole('alert')).toContainText(
    'Training needs at least two categories with 5 or more labelled, not excluded documents each; there are no labelled documents yet',
  );
  await expect(page.getByRole('button', { name: /^Train/ })).toBeDisabled();
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'No finished run yet' })).toBeVisible();
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { name: 'No model to predict with' })).toBeVisible();
  await expect(page.getByText('No model has been trained yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Train' })).toHaveAttribute('href', '#/train');
});

test('the skip link comes first in Tab order and moves focus to the page', async ({ page, openApp }) => {
  await openApp('#/settings');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(page).toHaveURL(/#\/settings$/);
  // Tab continues into the page, not back to the sidebar.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'System' })).toBeFocused();
});

test('Tab walks the navigation links in order and Enter follows one', async ({ page, openApp }) => {
  await openApp();
  await page.keyboard.press('Tab'); // skip link
  for (const target of pages) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: new RegExp(target.name) })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
