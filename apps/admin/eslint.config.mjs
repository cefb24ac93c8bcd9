import nx from '@nx/eslint-plugin';
import baseConfig, { browserOnlyImports } from '../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  browserOnlyImports(['**/*.ts']),
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'ferry',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'ferry',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // Test doubles stand in for third-party directives, so they take those directives' selectors.
    files: ['**/*.spec.ts'],
    rules: { '@angular-eslint/directive-selector': 'off' },
  },
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
