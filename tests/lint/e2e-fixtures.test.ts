// Every e2e test runs with the fixtures that fail it on an outgoing network request (tests/e2e/fixtures.ts):
// a spec that took `test` from @playwright/test directly would escape them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const e2eDir = path.resolve(import.meta.dirname, '../e2e');

/** The e2e specs that import a value (not only types) from @playwright/test, or never import the fixtures' `test`. */
function specsEscapingFixtures(files: { name: string; source: string }[]): string[] {
  return files
    .filter(
      ({ source }) =>
        /^import\s+(?!type\b)[^;]*from\s+'@playwright\/test'/m.test(source) || !/^import\s+\{[^}]*\btest\b[^}]*\}\s+from\s+'\.\/fixtures'/m.test(source),
    )
    .map(({ name }) => name);
}

describe('e2e specs', () => {
  it('all take `test` from ./fixtures and nothing but types from @playwright/test', () => {
    const specs = fs
      .readdirSync(e2eDir)
      .filter((name) => name.endsWith('.spec.ts'))
      .map((name) => ({ name, source: fs.readFileSync(path.join(e2eDir, name), 'utf8') }));
    expect(specs.length).toBeGreaterThan(10);
    expect(specsEscapingFixtures(specs)).toEqual([]);
  });

  it('the check fires on a spec that uses Playwright’s own test', () => {
    const escaping = { name: 'x.spec.ts', source: "import { expect, test } from '@playwright/test';\n" };
    const typesOnly = { name: 'y.spec.ts', source: "import type { Page } from '@playwright/test';\nimport { expect, test } from './fixtures';\n" };
    expect(specsEscapingFixtures([escaping, typesOnly])).toEqual(['x.spec.ts']);
  });
});
