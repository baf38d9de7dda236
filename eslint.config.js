import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { readdirSync } from 'node:fs'
import tseslint from 'typescript-eslint'

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const shared = ['domain', 'backend', 'lib', 'components', 'editor', 'render']

const withoutReactAndMsw = {
  group: ['react', 'react-dom', 'react-*', '@tanstack/*', 'msw', 'msw/*'],
  message: 'Domäne und Server kommen ohne React und MSW aus.',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-bench',
      'coverage',
      'test-results',
      'playwright-report',
      'public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // shared code never reaches up into features or app
            ...shared.map((folder) => ({
              target: `./src/${folder}`,
              from: ['./src/features', './src/app'],
              message: 'Gemeinsamer Code darf keine Features oder die App importieren.',
            })),
            // features do not import each other, nor the app
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: [
                './src/app',
                ...features
                  .filter((other) => other !== feature)
                  .map((other) => `./src/features/${other}`),
              ],
              message:
                'Features importieren einander nicht; Gemeinsames gehört nach domain, lib, backend oder components.',
            })),
            // the app reaches the contract handler only over HTTP
            {
              target: ['./src/app', './src/features', ...shared.map((folder) => `./src/${folder}`)],
              from: ['./src/server', './mocks'],
              message: 'Die App spricht den Server nur über das Backend (HTTP) an.',
            },
            // the contract handler knows only the domain and the pure renderers (e-mail size check)
            {
              target: './src/server',
              from: [
                './src/app',
                './src/features',
                './src/backend',
                './src/components',
                './src/lib',
                './mocks',
              ],
              message: 'Der Server-Handler kennt nur die Domäne und die reinen Renderer.',
            },
            // render and editor turn data into output and know no UI
            {
              target: ['./src/render', './src/editor'],
              from: ['./src/components', './src/backend', './src/lib'],
              except: ['./sanitize-html.ts'],
              message:
                'render und editor kennen keine Oberfläche: keine Komponenten, Hooks oder das Backend.',
            },
            // shared components get data and URLs as props, never from the adapter
            {
              target: './src/components',
              from: './src/backend',
              message:
                'Gemeinsame Komponenten bekommen Daten und Adressen als Props; das Backend spricht das Feature an.',
            },
            {
              target: './src/domain',
              from: ['./src/backend', './src/server', './src/lib', './src/components'],
              message: 'Die Domäne ist reines TypeScript ohne Abhängigkeiten.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [withoutReactAndMsw] }] },
  },
  {
    // a later block replaces the rule's options, so the pattern above is repeated here
    files: ['src/server/routes/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            withoutReactAndMsw,
            {
              group: ['./*', '../routes/*', '**/server/routes/*'],
              message:
                'Routendateien importieren einander nicht; Gemeinsames gehört in ein Modul unter src/server (z. B. issue-operations).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/render/**/*.{ts,tsx}', 'src/editor/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                '@tanstack/*',
                '@tiptap/react',
                '@tiptap/react/*',
              ],
              message: 'render und editor kommen ohne React und TanStack Query aus.',
            },
          ],
        },
      ],
    },
  },
  {
    // main.tsx is the composition root: it alone may start the demo backend (lazily)
    files: ['src/main.tsx'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.bench.ts', 'tests/**'],
    rules: {
      'import-x/no-restricted-paths': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
)
