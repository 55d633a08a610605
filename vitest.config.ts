import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Generated suites (cross-workspace, fuzz, audit sweep) drive every route: minutes under load, never a hang.
    testTimeout: 120_000,
    // Route tests wait on the database much of the time: two workers on two cores finish sooner.
    maxWorkers: 2,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    globalSetup: ['src/server/test/global-setup.ts'],
  },
});
