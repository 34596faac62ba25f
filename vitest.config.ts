import { defineConfig } from 'vitest/config';

// Unit tests run in Node. Renderer tests that need a DOM opt in per file with
// `// @vitest-environment jsdom`; IndexedDB tests load fake-indexeddb themselves.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
