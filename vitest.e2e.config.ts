import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (playwright-core) against the built site served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
