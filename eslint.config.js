import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'e2e/artifacts/**', 'bench/results/**', '.tmp*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['antd/locale/*', 'antd/lib/*'],
              message: "antd's CommonJS build loses its locale in the bundle: import from antd/es (src/web/i18n/libraryLocales.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // exceljs, pdfkit, jieba and pinyin-pro cost every idle server ≈ 55 MB of RSS (#16): server code takes their types
    // with `import type` and their code at first use, through http/file-libraries.ts; zxcvbn-ts through
    // auth/passwords.ts's loadPasswordRater().
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...['exceljs', 'pdfkit', '@node-rs/jieba', '@node-rs/jieba/dict', 'pinyin-pro'].map((name) => ({
              name,
              allowTypeImports: true,
              message: 'Loaded at first use, not at start (#16): see src/server/http/file-libraries.ts.',
            })),
            ...['@zxcvbn-ts/core', '@zxcvbn-ts/language-common'].map((name) => ({
              name,
              allowTypeImports: true,
              message: "Loaded at the first password checked (#16): auth/passwords.ts's loadPasswordRater().",
            })),
          ],
        },
      ],
    },
  },
  {
    // dayjs is loaded by the pages that use dates only, and app/dates.ts sets its locale as it loads (#16): date
    // pickers and dayjs come from there, so none shows English month names in the zh-CN console.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/app/dates.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dayjs', allowTypeImports: true, message: 'Import dayjs from src/web/app/dates.ts (it sets the locale).' },
            {
              name: 'antd',
              importNames: ['DatePicker', 'TimePicker', 'Calendar'],
              message: 'Import date pickers from src/web/app/dates.ts (it sets the locale dayjs gives them).',
            },
          ],
          patterns: [{ group: ['dayjs/*'], message: 'dayjs and its locales: src/web/app/dates.ts.' }],
        },
      ],
    },
  },
  {
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
