import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests, UI with Testing Library (jsdom), integration against a real sandbox
// process, and end-to-end journeys in Debian's Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/plainSummaryReporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'ui',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/support/uiSetup.ts'],
          testTimeout: 20000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30000,
          hookTimeout: 60000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/e2eGlobalSetup.ts'],
          testTimeout: 180000,
          hookTimeout: 240000,
          fileParallelism: false,
        },
      },
    ],
  },
});
