// Lint rules, including the layer rules of GUIDE §1: the folder tells the runtime.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto'], message: 'This layer must not use Node built-ins.' };
const electronOnlyInShell = {
  group: ['electron', 'electron/*'],
  message: "Only main/electron/ and preload/index.ts may import 'electron'; everything else must load in plain Node.",
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint/fixtures/**'] },
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
            // Values from the contract would bundle zod, whose eval probe breaks the strict CSP.
            { group: ['**/preload/contract'], allowTypeImports: true, message: 'The renderer imports only types from the contract.' },
          ],
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
    files: ['main/**/*.ts', 'preload/contract.ts', 'tests/**/*.ts'],
    ignores: ['main/electron/**', 'tests/main/electron/**', 'tests/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOnlyInShell] }] },
  },
  {
    files: ['preload/contract.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electronOnlyInShell] }] },
  },
);
