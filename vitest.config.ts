import { defineConfig } from 'vitest/config';

// Unit, content and build tests. Browser tests live in test/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    benchmark: { include: ['test/**/*.bench.ts'] },
  },
});
