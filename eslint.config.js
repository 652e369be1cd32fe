// Lint rules, including the layer rules of GUIDE §1: the folder tells the runtime.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto'], message: 'This layer must not use Node built-ins.' };
const electronOnlyInShell = {
  group: ['electron', 'electron/*'],
  message: "Only main/electron/ and preload/index.ts may import 'electron'; everything else must load in plain Node.",
};

export default tseslint.config(
  // electron-vite writes then deletes a bundled copy of its config while `npm test` lints in parallel.
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint/fixtures/**', 'electron.vite.config.ts.*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronOnlyInShell,
            { group: ['better-sqlite3', '**/main/**', '**/ml/**'], message: 'The renderer talks to the backend only through the contract.' },
            // Values from the contract would bundle zod, whose eval probe breaks the strict CSP; the
            // file limits and term wording are plain values (no zod) shared with the backend and CLI.
            {
              group: ['**/preload/contract', '**/preload/contracts/*', '!**/preload/contracts/file-limits', '!**/preload/contracts/terms'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the contract (values only from contracts/file-limits and contracts/terms).',
            },
          ],
        },
      ],
    },
  },
  {
    // One number format for the whole UI: 2481 must not read "2,481" on one page and "2 481" on another.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/format/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(toLocaleString|toFixed)$/], NewExpression[callee.object.name='Intl'][callee.property.name='NumberFormat']",
          message: 'Format numbers with renderer/format/numbers, so the whole UI writes them one way.',
        },
      ],
    },
  },
  {
    files: ['ml/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronOnlyInShell,
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'ml/ depends on nothing of ours.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/contract.ts', 'preload/contracts/**/*.ts', 'tests/**/*.ts'],
    ignores: ['main/electron/**', 'tests/main/electron/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOnlyInShell] }] },
  },
  {
    // No import cycles anywhere: a cycle hides which module is the lower layer and breaks bundling order.
    files: ['main/**/*.ts', 'ml/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x parses only .js dependencies and a cycle through .ts files goes unseen.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Layers inside main/: the request layer (rpc/) is the bottom and imports nothing else of main/;
    // the composition root (core/) is the top, so the domains below it never import from it.
    files: ['main/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './main/rpc', from: './main', except: ['./rpc'], message: 'main/rpc/ is the bottom layer: it imports nothing else of main/.' },
            {
              target: [
                './main/store',
                './main/parsing',
                './main/import',
                './main/workers',
                './main/datasets',
                './main/training',
                './main/predict',
                './main/curation',
                './main/models',
                './main/evaluation',
                './main/privacy',
                './main/settings',
                './main/api',
              ],
              from: './main/core',
              message:
                'main/core/ is the composition root: domains and stores never import from it (use main/rpc/ for AppError, the dispatcher and the event bus).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests that pass on a busy machine: a clock in an assertion, a fixed wait in a browser test
    // and vi.waitFor's one-second default all failed the suite under load. Benchmarks measure time.
    files: ['tests/**/*.{ts,tsx}'],
    ignores: ['tests/bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^toBeLessThan/] > MemberExpression > CallExpression[callee.name='expect'] > BinaryExpression > CallExpression[callee.object.name=/^(Date|performance)$/][callee.property.name='now']",
          message: 'A test never asserts a duration: wait for an event, or measure it in a benchmark (tests/bench).',
        },
        {
          // Upper bounds only: a timer never fires early, so "waited at least the grace" holds on any machine.
          selector: 'CallExpression[callee.property.name=/^toBeLessThan/][callee.object.arguments.0.name=/(Ms|Seconds)$/]',
          message: 'A test never asserts a duration: wait for an event, or measure it in a benchmark (tests/bench).',
        },
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'Wait for what the wait is for (an expect with a timeout, expect.poll, an event), not a fixed time.',
        },
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name='waitFor'][arguments.length<2]",
          message: "vi.waitFor's default deadline is one second: use eventually() from tests/helpers/eventually.",
        },
      ],
    },
  },
  {
    files: ['preload/contract.ts', 'preload/contracts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electronOnlyInShell] }] },
  },
);
