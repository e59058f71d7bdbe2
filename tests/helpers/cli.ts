/** Runs the real `laurel` command (bin/laurel.js, compiled by `npm ci`/`npm run build`) as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/laurel.js', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`dist/cli/main.js is missing: the CLI tests run the built command; run \`npm run build\` first`);
}

/** The environment without any NEO4J_* setting, plus `extra`. */
export function envWith(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
  return { ...env, ...extra };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `laurel args…`; `input`, when given, is written to its stdin. */
export function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000, input?: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined) child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`laurel ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first match of `re` in stdout; rejects if the process ends or time runs out first. */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when killed by a signal). */
  exit: Promise<number | null>;
  /** Sends a signal and waits for the exit code. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<number | null>;
}

export function start(args: string[], env: NodeJS.ProcessEnv): Running {
  return running(spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] }), args);
}

/** The repository root, where `npx laurel` finds the command `npm ci` linked into node_modules/.bin. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npx laurel …` from the repository root, as the README says; the child is the npm process. */
export function startWithNpx(args: string[], env: NodeJS.ProcessEnv): Running {
  if (!existsSync(`${ROOT}node_modules/.bin/laurel`)) throw new Error('node_modules/.bin/laurel is missing: `npm ci` links the laurel command there (bin/package.json)');
  return running(spawn('npx', ['laurel', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }), args);
}

function running(child: ChildProcess, args: string[]): Running {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exit: exited,
    stdout: () => out,
    stderr: () => err,
    waitFor(re, timeoutMs) {
      return new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const tick = () => {
          const m = out.match(re);
          if (m) return resolve(m);
          if (child.exitCode !== null) return reject(new Error(`laurel ${args.join(' ')} exited with ${child.exitCode} before printing ${re}\nstdout:\n${out}\nstderr:\n${err}`));
          if (Date.now() > deadline) return reject(new Error(`laurel ${args.join(' ')} printed no ${re} in ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
          setTimeout(tick, 100);
        };
        tick();
      });
    },
    async stop(signal, timeoutMs) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
      const result = await Promise.race([exited, timeout]);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`laurel ${args.join(' ')} did not exit within ${timeoutMs} ms of ${signal}\nstderr:\n${err}`);
      }
      return result;
    },
  };
}
