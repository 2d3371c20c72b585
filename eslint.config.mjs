// Lint (run by npm test): typescript-eslint's recommended rules, tuned to what this code base does
// on purpose (non-null assertions after a check the compiler cannot see, `any`-free but loose casts
// in tests). Formatting is prettier's business (.prettierrc.json), not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.ci/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // `while ((m = re.exec(s)))` is the idiom for regex loops; the parentheses say it is meant.
      'no-cond-assign': ['error', 'except-parens'],
      // Regular expressions here escape brackets and spaces for the reader's sake.
      'no-useless-escape': 'off',
      'no-regex-spaces': 'off',
      // Reports are full of odd spaces (U+3000, NBSP); tests and word lists spell them out on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      // `(a += x), (b -= y)` in tight loops of the intake readers; the type check catches real slips.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // Scripts, the bench and the tests may poke at loosely typed data.
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-cond-assign': 'off' },
  },
);
