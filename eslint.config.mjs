// One lint configuration for the whole workspace. Zero warnings are allowed (`--max-warnings 0`),
// so every rule here is either an error or off: a warning nobody fixes is noise.
import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typedFiles = ['**/*.ts', '**/*.tsx'];

// Admin feature folders never import each other: shared → features → app.
const adminFeatures = './apps/admin/src/features';
const featureNames = (() => {
  try {
    return readdirSync(adminFeatures, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
})();
const featureZones = featureNames.map((name) => ({
  target: `${adminFeatures}/${name}`,
  from: adminFeatures,
  except: [`./${name}`],
  message: 'A feature must not import another feature; lift shared code to src/shared.',
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'data/**',
      '.nx/**',
      'e2e/artifacts/**',
      'e2e/test-results/**',
      '**/*.cjs',
      '**/*.mjs',
      '**/vite.config.ts',
      '**/vitest.config.ts',
      'apps/provider-sandbox/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: typedFiles,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { '@nx': nx, 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      // The resolver lets import rules follow relative TypeScript imports (cycles, zones).
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name="only"]',
          message: 'A focused test (.only) silently skips the rest of the suite.',
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:contracts',
              onlyDependOnLibsWithTags: ['scope:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'react', 'puppeteer-core'],
            },
            {
              sourceTag: 'scope:adapters',
              onlyDependOnLibsWithTags: ['scope:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'react'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:adapters'],
            },
            {
              sourceTag: 'scope:admin',
              onlyDependOnLibsWithTags: ['scope:contracts'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'puppeteer-core', 'express'],
            },
            { sourceTag: 'scope:sandbox', onlyDependOnLibsWithTags: ['scope:sandbox'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:contracts'] },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': featureZones.length
        ? ['error', { zones: featureZones }]
        : 'off',
    },
  },
  prettier,
);
