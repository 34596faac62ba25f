// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * Where code may run is decided by its folder and checked here (as Signal Desktop does):
 *  - shared/   pure logic: no DOM, Electron, Node, Dexie, React or Lexical.
 *  - renderer/ browser code: no Electron or Node built-ins (it must also run in a plain browser).
 *  - electron/ main + preload: no React, Dexie or Lexical.
 *  - server/   the Node sync server: no UI libraries, no renderer/ or electron/ code.
 */
const uiLibs = [
  'react',
  'react-dom',
  'react-dom/*',
  'lexical',
  '@lexical/*',
  'dexie',
  'dexie-react-hooks',
];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'electron'];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      'seeds',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
    },
    rules: {
      // A cycle means two modules each need the other: the layering (shared → db → features)
      // has a hole. Checked on relative imports only, which is where cycles can form.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    // Tests and their fixtures loader may use Node to read the seed files.
    ignores: ['shared/**/*.test.ts', 'shared/testing/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...uiLibs,
                ...nodeBuiltins,
                'dompurify',
                'jsdom',
                '../renderer/*',
                '../../renderer/*',
                '../electron/*',
                '../../electron/*',
              ],
              message: 'shared/ is pure logic: no DOM, Node, Electron, Dexie, React or Lexical.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'Buffer',
        'process',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'renderer/ runs in a browser too: reach the OS through renderer/platform.',
            },
            {
              group: ['../electron/*', '../../electron/*', '../../../electron/*'],
              message: 'renderer/ may not import electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiLibs, message: 'electron/ is the thin main process: no UI libraries.' },
            { group: ['../renderer/*'], message: 'electron/ may not import renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiLibs, message: 'server/ is a Node service: no UI libraries.' },
            {
              group: ['../renderer/*', '../electron/*'],
              message: 'server/ may import shared/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'shared/testing/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
