// ESLint for the web app (npm run lint; the WebLint test runs it): the recommended
// JavaScript and typescript-eslint rules, and the rules of hooks, which Preact's hooks
// follow as React's do. typescript-eslint comes from lint/ with the TypeScript it can
// parse with (see lint/package.json); type checking is tsc's, in `npm run build`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'backstride-web-lint';

export default defineConfig([
  globalIgnores(['dist/', 'lint/node_modules/', 'e2e/screenshots/', 'src/api-types.ts']),
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // useLoad takes a dependency list as useEffect does: check it the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
      'react-hooks/rules-of-hooks': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js', 'lint/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts that also hand functions to the browser (page.evaluate).
    files: ['e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
]);
