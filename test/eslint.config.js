import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Lives in test/ to keep the top level as the design fixes it; basePath points back at the repo root.
export default tseslint.config(
  { basePath: '..' },
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters to the React Compiler, which this app does not use.
      'react-hooks/incompatible-library': 'off',
    },
    languageOptions: { globals: globals.browser },
  },
  { files: ['main/**', 'test/**', '.ci/*.mjs'], languageOptions: { globals: globals.node } },
  // Playwright fixtures that need no other fixture are declared with an empty pattern.
  { files: ['test/**'], rules: { 'no-empty-pattern': 'off' } },
);
