// ESLint flat config: strict TypeScript everywhere, and no Apps Script globals in the pure core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'CacheService',
  'MailApp',
  'ScriptApp',
  'Session',
  'Utilities',
  'Logger',
  'DriveApp',
  'GmailApp',
].map((name) => ({ name, message: 'src/core is pure: pass data in from an adapter in src/server.' }));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.dist-staging-*/**',
      'dist.old-*/**',
      'out/**',
      'test-output/**',
      'coverage/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'templates/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptGlobals] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
