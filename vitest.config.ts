import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests start Chromium; give them room without slowing the unit tests.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
