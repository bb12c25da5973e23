import { type Logger, LogLevel } from '@slack/logger';

/** Keeps the SDK's expected complaints (rejected blocks, rate limits, dropped sockets) out of the test output. */
export function quietLogger(): Logger {
  let level = LogLevel.ERROR;
  const ignore = () => {};
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: ignore,
  };
}
