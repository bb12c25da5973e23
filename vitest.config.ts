import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30000,
    // Setting up a suite may build tutors on every notes folder (quiz generation does, for twenty):
    // on a shared two-core machine that can take longer than the default ten seconds.
    hookTimeout: 60000,
  },
});
