import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30000,
    // Setting up a suite may build tutors on every notes folder (quiz generation does, for twenty,
    // in about 30 s alone): with a file on each core and other work on the machine, that can take
    // twice as long. The limit is there to catch a hang, not to time anything.
    hookTimeout: 180000,
    // Vitest leaves one core free by default, which on a two-core machine runs the files one at a
    // time; most of a file's time is spent waiting on the processes and servers it starts, so
    // every core takes a file (351 s -> 199 s on two cores).
    maxWorkers: availableParallelism(),
  },
});
