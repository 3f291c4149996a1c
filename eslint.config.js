// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

/** Globals that only exist in a browser: the pure layers must not touch them. */
const browserOnly = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'HTMLElement',
  'customElements',
].map((name) => ({ name, message: 'src/math, src/symbolic, src/grading and src/train are pure TypeScript: no DOM.' }));

/** Imports that would break the one-way layering math → symbolic → grading → components → pages. */
const uiImports = [
  { group: ['astro', 'astro:*', 'astro/*', '@astrojs/*'], message: 'Pure layers do not import Astro.' },
  { group: ['@observablehq/plot', 'd3*'], message: 'Pure layers do not import Plot; chart specs live in components/.' },
  {
    group: ['**/components/**', '**/layouts/**', '**/pages/**'],
    message: 'Imports go one way: never from a pure layer up to the UI.',
  },
];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test/fixtures/', 'test/reference/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.astro', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/math/**/*.ts', 'src/symbolic/**/*.ts', 'src/grading/**/*.ts', 'src/train/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserOnly],
      'no-restricted-imports': ['error', { patterns: uiImports }],
    },
  },
  {
    files: ['src/math/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...uiImports,
            {
              group: ['**/symbolic/**', '**/grading/**'],
              message: 'src/math is the bottom layer: it imports nothing of ours above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/symbolic/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...uiImports, { group: ['**/grading/**'], message: 'src/symbolic sits below src/grading.' }] },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
