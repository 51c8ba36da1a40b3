import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'build/', 'node_modules/', '.vscode-test/', 'test-results/', 'bench-results/', '.emulator/', '.sandbox/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|describe|suite|test)$/][callee.property.name='only']", message: 'No .only in committed tests.' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The layering of DESIGN.md: model/ and azure/ never know VS Code; only azure/ knows the SDK.
    files: ['src/model/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: ['vscode', '@azure/*', '@microsoft/*', '../*'] }] },
  },
  {
    // …and runs under plain Node: nothing from the bundles' loaders (azureLoader, azureChunk).
    files: ['src/azure/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: ['vscode', '../tree/*', '../commands/*', '../ui/*', '../auth/*', '../azureLoader', '../azureChunk', '../extension'] }] },
  },
  {
    files: ['src/tree/**/*.ts', 'src/commands/**/*.ts', 'src/ui/**/*.ts', 'src/extension.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['@azure/*'], allowTypeImports: false, message: 'Only src/azure/ imports the Azure SDK.' }] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
