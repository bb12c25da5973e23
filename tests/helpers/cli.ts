import { spawn } from 'node:child_process';
import { CLI_ENTRY, PROJECT_ROOT } from './paths.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  cwd?: string;
  /** Variables set over the defaults below; `undefined` unsets one. */
  env?: Record<string, string | undefined>;
}

/** Runs a built entry point as a child process, optionally piping `input` to its stdin. */
export function runNode(entry: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    // Plain output, and the terminal face with the default notes whatever the caller's shell or
    // .env sets (dotenv never overrides a variable that is already set, even to '').
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FORCE_COLOR: undefined,
      NO_COLOR: '1',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      KNOWLEDGE_DIR: '',
      ...options.env,
    };
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** `tutor <args>`: the CLI as `npm run tutor` runs it. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(CLI_ENTRY, args, options);
}

/** Every line of JSON-lines output, parsed; the output ends with a newline and has no blank lines. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  if (!stdout.endsWith('\n'))
    throw new Error(`output does not end with a newline: ${JSON.stringify(stdout.slice(-80))}`);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
