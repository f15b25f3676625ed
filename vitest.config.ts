import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // No test here measures time; the default 5 s limit only turned the heavy property and
    // differential tests into failures when the 2-core machine was busy.
    testTimeout: 30_000,
  },
});
