/**
 * Label with suggestions, in Chromium against the real backend: a generated folder without category
 * folders imports unlabelled (the preview says so); a few resumes labelled by typing their category
 * start the first model; suggestions are accepted with Enter and the model refreshes by itself;
 * "accept the confident ones" labels the rest in one step, which Ctrl+Z undoes. axe in both themes.
 */
import { writeUnlabelledFolder } from '../helpers/unlabelled-folder';
import { expectAccessible, forEachTheme } from './axe';
import { longStepMs } from './deadlines';
import { expect, test } from './fixtures';
import { makeTempDir, previewPath } from './import-helpers';

test('an unlabelled pile: label a few, accept suggestions, accept the confident ones, undo', async ({ page, openApp }) => {
  const temp = makeTempDir('rs-e2e-labelling-');
  try {
    const pile = writeUnlabelledFolder(temp.dir, { perClass: 14, categories: 3, seed: 21 });
    await openApp();
    const dialog = await previewPath(page, pile.root);
    await expect(dialog.getByTestId('preview-unlabelled')).toContainText('import unlabelled');
    await dialog.getByRole('button', { name: 'Import 42 files' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: longStepMs });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('link', { name: 'Label with suggestions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Label with suggestions' })).toBeVisible();
    const card = page.getByTestId('queue-card');
    const title = card.getByRole('heading', { level: 2 });
    const model = page.getByTestId('labelling-model');
    await expect(card.getByTestId('no-suggestion')).toBeVisible();
    await expect(page.getByRole('note')).toContainText('two categories each have 2 resumes labelled by you');

    // Label by hand, typing each resume's category (the first letter on the card starts the field),
    // until every category has two: then the first model trains in the background.
    const labelled = new Map<string, number>();
    while (pile.categories.some((c) => (labelled.get(c) ?? 0) < 2)) {
      // Once two categories have two, the first model trains and the card re-renders with its
      // suggestion: wait for that before typing, so the re-render does not take the field's focus.
      if (pile.categories.filter((c) => (labelled.get(c) ?? 0) >= 2).length >= 2) {
        await expect(card.getByTestId('suggested-category')).toBeVisible({ timeout: longStepMs });
      }
      const before = await title.textContent();
      const category = pile.truth.get(before!)!;
      await card.focus();
      await page.keyboard.press(category[0]!);
      await expect(page.getByLabel('Label as')).toBeFocused();
      await page.keyboard.type(category.slice(1));
      await page.keyboard.press('Enter');
      labelled.set(category, (labelled.get(category) ?? 0) + 1);
      await expect(title).not.toHaveText(before!);
    }
    await expect(card.getByTestId('suggested-category')).toBeVisible({ timeout: longStepMs });
    const versionOf = async () => Number(/Version (\d+)/.exec((await model.textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(versionOf).toBeGreaterThan(0);
    const first = await versionOf();
    await expect(card.locator('mark.evidence').first()).toBeVisible();
    // Labels typed while a suggestion showed already count as answers (accepted or not).
    const share = page.getByTestId('accepted-share');
    const [accepted0, answered0] = (/\((\d+) of (\d+)\)/.exec((await share.textContent()) ?? '') ?? [0, 0, 0]).slice(1).map(Number) as [number, number];
    if (answered0 === 0) await expect(share).toHaveText('No answers yet');
    const shareOf = (accepted: number, answered: number) => `${Math.round((100 * accepted) / answered)}% (${accepted} of ${answered})`;

    await forEachTheme(page, (theme) => expectAccessible(page, `Label with suggestions (${theme})`));

    // Enter accepts the suggestion shown; every 10 answers the model refreshes by itself. Sixteen
    // answers, so that with the labels above more than 20 validation predictions choose the review
    // threshold "Accept the confident ones" uses (below 20 it is a fixed 50 %).
    for (let answers = 0; answers < 16; answers++) {
      await expect(card.getByTestId('suggested-category')).toBeVisible();
      const before = await title.textContent();
      await card.focus();
      await page.keyboard.press('Enter');
      await expect(title).not.toHaveText(before!);
      if (answers === 0) await expect(share).toHaveText(shareOf(accepted0 + 1, answered0 + 1));
    }
    await expect.poll(versionOf, { timeout: longStepMs }).toBeGreaterThan(first);
    await expect(share).toHaveText(shareOf(accepted0 + 16, answered0 + 16));

    // A different category (digit 1 = the first category by name) moves the share below 100 %.
    const suggested = await card.getByTestId('suggested-category').textContent();
    const firstByName = [...pile.categories].sort()[0]!;
    await card.focus();
    await page.keyboard.press(suggested === firstByName ? '2' : '1');
    await expect(share).toHaveText(shareOf(accepted0 + 16, answered0 + 17));

    // X excludes the resume shown: one fewer left to label.
    const left = page.getByTestId('unlabelled-left');
    const beforeExclude = Number(await left.textContent());
    const excluded = await title.textContent();
    await card.focus();
    await page.keyboard.press('x');
    await expect(left).toHaveText(String(beforeExclude - 1));
    await expect(page.getByTestId('labelling-announcement')).toContainText('Excluded');
    await expect(title).not.toHaveText(excluded!);

    // The other orders: most confident first shows a resume the model is at least as sure of as the
    // one least sure first showed. Not necessarily another one: least sure first draws among the
    // unsure with weights (QUEUE_SHARPNESS), so with a few left its pick can be the surest (seen under
    // load, where refreshes land at other answers). The card is hidden until the new order's page has come.
    const sureness = async () => Number(/(\d+)% sure/.exec((await card.locator('.prediction-confidence').textContent()) ?? '')?.[1]);
    const leastSure = await sureness();
    await page.getByRole('radio', { name: /Most confident first/ }).check();
    await expect(card.getByTestId('suggested-category')).toBeVisible();
    expect(await sureness()).toBeGreaterThanOrEqual(leastSure);
    await page.getByRole('radio', { name: /Random/ }).check();
    await expect(card.getByTestId('suggested-category')).toBeVisible();
    await page.getByRole('radio', { name: /Least sure first/ }).check();
    await expect(card.getByTestId('suggested-category')).toBeVisible();

    // Accept the confident ones at a threshold set on the page (the one suggested from a model this
    // small may sit above every suggestion; at 30 % every top suggestion of three categories counts):
    // one step, undone with Ctrl+Z.
    await page.getByLabel('Needs review below').fill('30');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByRole('button', { name: /^Use suggested \(/ })).toBeVisible();
    const remaining = Number(await left.textContent());
    const accept = page.getByRole('button', { name: /^Accept the confident ones \(\d+\)$/ });
    await expect(accept).toHaveText(`Accept the confident ones (${remaining})`);
    const count = Number(/\((\d+)\)/.exec((await accept.textContent())!)![1]);
    await accept.click();
    const confirm = page.getByRole('dialog', { name: 'Accept the confident ones' });
    await confirm.getByRole('button', { name: `Accept ${count}` }).click();
    await expect(confirm).toBeHidden();
    await expect(left).toHaveText(String(remaining - count));
    await expect(page.getByTestId('labelling-announcement')).toContainText(`Accepted the model's suggestion for ${count} resume`);
    await expect(page.getByRole('link', { name: `${count} not confirmed` })).toBeVisible();

    await page.keyboard.press('Control+z');
    await expect(left).toHaveText(String(remaining));
    await expect(page.getByTestId('labelling-announcement')).toContainText('Undone: Accepted');
    await expect(page.getByRole('link', { name: '0 not confirmed' })).toBeVisible();
  } finally {
    temp.cleanup();
  }
});
