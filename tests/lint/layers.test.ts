// The layer rules of GUIDE §1 are enforced mechanically: these tests prove the checks bite.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('eslint layer rules', () => {
  it('rejects node:fs in the renderer', async () => {
    expect(await ruleIdsFor("import fs from 'node:fs';\nexport const x = fs;\n", 'renderer/features/bad.tsx')).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });
  it('lets the renderer import only types from the contract (values would bundle zod)', async () => {
    const file = 'renderer/features/x.tsx';
    expect(await ruleIdsFor("import { fileStatuses } from '../../preload/contract';\nexport const x = fileStatuses;\n", file)).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor("import type { FileStatus } from '../../preload/contract';\nexport type X = FileStatus;\n", file)).toEqual([]);
  });
  it('applies the type-only rule to the domain contract files too', async () => {
    const file = 'renderer/features/x.tsx';
    expect(await ruleIdsFor("import { importMethods } from '../../preload/contracts/import';\nexport const x = importMethods;\n", file)).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor("import type { ImportJob } from '../../preload/contracts/import';\nexport type X = ImportJob;\n", file)).toEqual([]);
  });
  it('keeps the domain contract files free of Node built-ins', async () => {
    expect(await ruleIdsFor("import fs from 'node:fs';\nexport const x = fs;\n", 'preload/contracts/bad.ts')).toContain('no-restricted-imports');
  });
  it('keeps main/rpc at the bottom: it imports nothing else of main/', async () => {
    const code = "import { openDatabase } from '../store/database';\nexport const x = openDatabase;\n";
    expect(await ruleIdsFor(code, 'main/rpc/bad.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIdsFor("import { toRpcError } from './app-error';\nexport const x = toRpcError;\n", 'main/rpc/ok.ts')).toEqual([]);
  });
  it('keeps main/store and main/import from importing the composition root', async () => {
    const code = "import { createCore } from '../core/core';\nexport const x = createCore;\n";
    expect(await ruleIdsFor(code, 'main/store/bad.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIdsFor(code, 'main/import/bad.ts')).toContain('import-x/no-restricted-paths');
    expect(await ruleIdsFor("import { AppError } from '../rpc/app-error';\nexport const x = AppError;\n", 'main/import/ok.ts')).toEqual([]);
  });
  it('rejects an import cycle (fixture pair a.ts ⇄ b.ts, ignored by the normal lint run)', async () => {
    const unignored = new ESLint({ cwd: root, ignore: false });
    const [result] = await unignored.lintFiles([path.join(root, 'tests/lint/fixtures/cycle/a.ts')]);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
  it("rejects 'electron' in main/ outside main/electron", async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const x = app;\n", 'main/store/bad.ts')).toContain('no-restricted-imports');
  });
  it("allows 'electron' inside main/electron", async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const x = app;\n", 'main/electron/ok.ts')).not.toContain('no-restricted-imports');
  });
  it('makes the renderer format numbers only through renderer/format/numbers', async () => {
    expect(await ruleIdsFor('export const a = (n: number) => n.toLocaleString();\n', 'renderer/features/x.tsx')).toContain('no-restricted-syntax');
    expect(await ruleIdsFor('export const b = new Intl.NumberFormat();\n', 'renderer/features/x.tsx')).toContain('no-restricted-syntax');
    expect(await ruleIdsFor('export const c = (n: number) => n.toFixed(1);\n', 'renderer/format/numbers.ts')).toEqual([]);
  });
  it('rejects Node built-ins and globals in ml/', async () => {
    expect(await ruleIdsFor("import path from 'node:path';\nexport const x = path;\n", 'ml/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor('export const x = document.title;\n', 'ml/bad.ts')).toContain('no-restricted-globals');
  });
});

/** Type-checks one file with a tsconfig's options, as if it lived in that runtime's folder. */
function typeErrors(configFile: string, fileName: string, code: string): string[] {
  const { config } = ts.readConfigFile(path.join(root, configFile), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const { dir, cleanup } = makeTempDir();
  try {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, code);
    // typeRoots must point at our node_modules since the file sits in a temp folder.
    const program = ts.createProgram([file], { ...options, typeRoots: [path.join(root, 'node_modules/@types')], baseUrl: root });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    cleanup();
  }
}

describe('per-runtime tsconfigs', () => {
  it('the web config cannot see node:fs', () => {
    const errors = typeErrors('tsconfig.web.json', 'page.ts', "import fs from 'node:fs';\nexport const size = fs.statSync('x').size;\n");
    expect(errors.join('\n')).toMatch(/node:fs/);
  });
  it('the ml config has neither DOM nor Node', () => {
    expect(typeErrors('tsconfig.ml.json', 'a.ts', 'export const t = document.title;\n').join('\n')).toMatch(/document/);
    expect(typeErrors('tsconfig.ml.json', 'b.ts', 'export const p = process.pid;\n').join('\n')).toMatch(/process/);
  });
  it('the node config (main/) has no DOM', () => {
    expect(typeErrors('tsconfig.node.json', 'd.ts', 'export const t = document.title;\n').join('\n')).toMatch(/document/);
  });
  it('the node config accepts node:fs (control)', () => {
    expect(typeErrors('tsconfig.node.json', 'c.ts', "import fs from 'node:fs';\nexport const e = fs.existsSync('.');\n")).toEqual([]);
  });
});
