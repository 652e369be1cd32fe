/**
 * Accessibility checks with axe-core, shared by every page's e2e tests: `expectAccessible` fails on
 * any serious or critical WCAG 2.1 A/AA finding, naming the rule and the elements; `forEachTheme`
 * runs a check in the light and the dark theme. Add a page by calling these from its spec.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The themes every view is checked in. */
export const themes = ['light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** Fails the test on any serious or critical axe finding in the page (or in `include`, a CSS selector). */
export async function expectAccessible(page: Page, what: string, include?: string): Promise<void> {
  // Legacy mode runs axe in the page itself. The default mode opens a blank page for every call to
  // merge the results of cross-origin frames, which the app has none of: half of each call's time.
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`,
    );
  expect(serious, `axe: serious or critical findings on ${what}`).toEqual([]);
}

/**
 * Shows the app in each theme (through the OS preference, which the default "System" setting
 * follows) and runs `check` in it; waits until the page really switched.
 */
export async function forEachTheme(page: Page, check: (theme: Theme) => Promise<void>): Promise<void> {
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await check(theme);
  }
}
