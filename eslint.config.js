import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  markdown: false,
  ignores: [
    'dist',
    'dist-*',
    'exports',
    'test-output',
    '.slidev',
    'snippets/*.sh',
    'docs/**',
  ],
}, {
  rules: {
    'no-console': 'off',
    'node/prefer-global/process': 'off',
  },
})
