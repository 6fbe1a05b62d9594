import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next*/**',
    'node_modules/**',
    'data*/**',
    'backups/**',
    'test-results/**',
    'playwright-report/**',
    'db/migrations/**',
    'public/**',
    '.workers/**',
  ]),
  {
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Every update and delete names its rows (drizzle's own guard against a missing where).
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    // Not React: Playwright fixtures call `use`, and db's `useHandle` is no hook.
    files: ['e2e/**', 'db/**', 'scripts/**', 'test/**', 'bench/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Layers: db/ never imports lib/ or app/; lib/ never imports app/ (tests may).
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/*', '@/app/*', '@/auth'], message: 'db/ holds statements only: rules live in lib/.' }] },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/auth'], message: 'lib/ holds domain rules: session glue lives in app/_lib.' }] }],
    },
  },
  {
    // Configuration is read through env() (env.ts: validated once at start-up), never process.env.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'db/**/*.ts', 'auth.ts', 'proxy.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through env() from @/env.' }],
    },
  },
]);
