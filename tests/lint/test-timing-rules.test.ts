// The rules that keep tests independent of the machine's speed (eslint.config.js) really fire.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedSyntaxIn(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

const prelude = "import { expect, vi } from 'vitest';\nconst startedMs = performance.now();\n";

describe('test timing rules', () => {
  it('reject a duration in an assertion, directly or through a *Ms variable', async () => {
    expect(await restrictedSyntaxIn(`${prelude}expect(performance.now() - startedMs).toBeLessThan(1_000);\n`, 'tests/main/x.test.ts')).toBe(1);
    expect(await restrictedSyntaxIn(`${prelude}expect(Date.now() - startedMs).toBeLessThan(1_000);\n`, 'tests/main/x.test.ts')).toBe(1);
    const viaVariable = `${prelude}const elapsedMs = performance.now() - startedMs;\nexpect(elapsedMs).toBeLessThan(1_000);\n`;
    expect(await restrictedSyntaxIn(viaVariable, 'tests/main/x.test.ts')).toBe(1);
  });
  it("reject a fixed wait in a browser test and vi.waitFor's one-second default", async () => {
    expect(
      await restrictedSyntaxIn(
        'export async function f(page: { waitForTimeout(ms: number): Promise<void> }) {\n  await page.waitForTimeout(500);\n}\n',
        'tests/e2e/x.spec.ts',
      ),
    ).toBe(1);
    expect(await restrictedSyntaxIn(`${prelude}await vi.waitFor(() => expect(1).toBe(1));\n`, 'tests/main/x.test.ts')).toBe(1);
    expect(await restrictedSyntaxIn(`${prelude}await vi.waitFor(() => expect(1).toBe(1), { timeout: 60_000 });\n`, 'tests/main/x.test.ts')).toBe(0);
  });
  it('leave benchmarks free to measure time', async () => {
    expect(await restrictedSyntaxIn(`${prelude}expect(performance.now() - startedMs).toBeLessThan(1_000);\n`, 'tests/bench/x.ts')).toBe(0);
  });
});
