import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Forbids imports that leave src/db/ for anything but src/lib/, `up` leads from those files back to src/. */
function dbBoundary(files, up) {
  const escaped = up.replaceAll('.', '\\.');
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^${escaped}(?!lib/)|^${escaped}\\.\\./`,
              message: 'src/db/ may import only from src/db/ and src/lib/.',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'bench/results/', 'bench/data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unsafe-type-assertion': 'error',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  // The database layer stands on its own: it may use src/lib/, nothing else above it.
  dbBoundary(['src/db/*.ts'], '../'),
  dbBoundary(['src/db/*/*.ts'], '../../'),
  // A module reaches another only through its service (or its pure rules, presenter and schemas):
  // its repository is its own. Repositories may compose other tables' SQL; types may be shared.
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.repository.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^/]+/[^/]+\\.repository\\.js$',
              allowTypeImports: true,
              message: "Use the other module's service; its repository is its own (convention 19).",
            },
          ],
        },
      ],
    },
  },
  {
    // Integration tests read untyped JSON replies through app.inject and assert on them.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
