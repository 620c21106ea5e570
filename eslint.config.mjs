// Lint: typescript-eslint's recommended rules, plus the house rules that keep the bundle safe.
import tseslint from 'typescript-eslint';

const sinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: render text through preact.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function: blocked by strict CSP.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Configuration must render as text.' },
  { selector: "ImportDeclaration[source.value=/^zod(?!\\/mini$)/]", message: "Import 'zod/mini' only: classic zod and its locale messages must not reach the tag bundle." },
  { selector: "CallExpression[callee.property.name='config'][callee.object.name='z']", message: 'Never z.config: its settings are global, shared with any zod the host page loads. Give each schema its own error.' },
  { selector: "CallExpression[callee.property.name='addEventListener'][arguments.0.value='unload']", message: 'No unload listener: it breaks the back/forward cache. Use pagehide.' },
];

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', 'node_modules/**', 'coverage/**', '.data/**', 'demo/public/vendor/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...sinks],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**', 'demo/**', 'scripts/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
);
