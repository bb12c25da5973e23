/** Runs a command as a child process and notes when each of its output lines arrived. */
import { spawn } from 'node:child_process';
import { elapsedMs } from './measure.js';

export interface TimedProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin right after the spawn; stdin is then closed unless `waitFor` is given. */
  input?: string;
  /** When stdout first contains `text`, that time is kept, then `reply` is written and stdin closed. */
  waitFor?: { text: string; reply: string };
  /** A child still running after this long is killed and the run fails. */
  timeoutMs: number;
}

export interface TimedProcess {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the spawn to the end of each stdout line, in order. */
  lineEndsMs: number[];
  /** Milliseconds from the spawn to the first appearance of `waitFor.text`. */
  waitedForMs: number | undefined;
  /** Milliseconds from the spawn to the exit, all output read. */
  exitMs: number;
}

export function runTimed(
  command: string,
  args: string[],
  options: TimedProcessOptions,
): Promise<TimedProcess> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lineEndsMs: number[] = [];
    let waitedForMs: number | undefined;
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} still running after ${options.timeoutMs} ms; stderr: ${stderr.slice(-500)}`,
        ),
      );
    }, options.timeoutMs);

    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const at = elapsedMs(started);
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lineEndsMs.push(at);
      stdout += chunk;
      if (options.waitFor && waitedForMs === undefined && stdout.includes(options.waitFor.text)) {
        waitedForMs = at;
        child.stdin.end(options.waitFor.reply);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // A child that exits without reading all its input is reported by its exit code, not by EPIPE.
    child.stdin.on('error', () => {});
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, lineEndsMs, waitedForMs, exitMs: elapsedMs(started) });
    });

    if (options.input !== undefined) child.stdin.write(options.input);
    if (!options.waitFor) child.stdin.end();
  });
}
