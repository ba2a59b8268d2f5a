// ESLint flat config for the project's JavaScript: the extension, the tests, scripts and bench.
// `npx eslint` lints all of it. Page-derived HTML may enter the reader only through
// extension/sanitize.js: the rule below (and scripts/lint-innerhtml.sh) rejects the other doors.
import js from '@eslint/js';
import globals from 'globals';

const noHtmlSinks = [
  'error',
  {
    selector: 'AssignmentExpression[left.property.name=/^(inner|outer)HTML$/]',
    message: 'Page-derived HTML goes into the reader only through extension/sanitize.js.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment|write|writeln)$/]',
    message: 'Page-derived HTML goes into the reader only through extension/sanitize.js.',
  },
  {
    selector: 'NewExpression[callee.name="Function"], CallExpression[callee.name="eval"]',
    message: 'No code from strings.',
  },
];

export default [
  {
    ignores: ['node_modules/**', 'dist/**', 'pkg/**', 'target/**', 'fuzz/**', '.venv/**', 'bench-out/**', 'eval-out/**'],
  },
  js.configs.recommended,
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // Extension: background and popup are modules; content scripts are classic scripts.
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions },
    },
    rules: { 'no-restricted-syntax': noHtmlSinks },
  },
  {
    files: ['extension/content.js', 'extension/sanitize.js', 'extension/reader-css.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['extension/background.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.webextensions } },
  },
  // Node code: tests, scripts, bench, this config. Browser tests also hold functions that run
  // in the page, the popup or the service worker (page.evaluate), hence the browser globals.
  {
    files: ['**/*.mjs', 'eslint.config.js', 'scripts/**/*.js', 'bench/**/*.js', 'tests/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    files: ['tests/browser/**/*.mjs', 'tests/browser/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
  // Fixture pages' own scripts: plain browser scripts.
  {
    files: ['tests/browser/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
];
