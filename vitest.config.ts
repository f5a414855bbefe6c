import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs pure code with no engine; `system` runs against real engines that
// test/setup/engines.ts starts on their own ports and data folder (never a developer's stack).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/*.test.ts', 'workflows/**/*.test.ts', 'services/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.system.test.ts'],
        },
      },
      {
        test: {
          name: 'system',
          include: ['test/**/*.test.ts', '**/*.system.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/setup/engines.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
