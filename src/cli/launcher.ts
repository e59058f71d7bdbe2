/**
 * The processes that launched Laurel, when npm did: `npx laurel up` runs
 * `npm exec` → node (through a shell that stays in between unless it
 * replaces itself, as bash, the project's script-shell, does). npm passes
 * SIGINT and SIGTERM on, but SIGHUP (a closed terminal) or SIGKILL end it
 * alone, and Laurel would run on, orphaned, with the Neo4j it started. So a
 * long-running command watches its launchers and stops when one is gone.
 */
import { readFileSync } from 'node:fs';

/** How far up to look for npm: the shell npm runs commands with, then npm. */
const MAX_LEVELS = 3;

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * The pids between this process and the npm process that launched it,
 * npm's included; empty when npm did not launch it (or /proc is not there
 * to tell: Linux only).
 */
export function npmLaunchers(env: NodeJS.ProcessEnv = process.env, pid: number = process.pid): number[] {
  if (!env.npm_lifecycle_event) return [];
  const chain: number[] = [];
  for (let p = parentOf(pid); p && p > 1 && chain.length < MAX_LEVELS; p = parentOf(p)) {
    chain.push(p);
    if (/^npm\b/.test(commandLine(p))) return chain;
  }
  return [];
}

/** Calls `gone` once, when one of `pids` has exited (or is no longer this process's ancestor). */
export function watchLaunchers(pids: readonly number[], gone: (pid: number) => void, intervalMs = 500): () => void {
  if (!pids.length) return () => {};
  const timer = setInterval(() => {
    // Each launcher must still be the parent of the one below it: a dead one's child is re-parented.
    let child = process.pid;
    for (const pid of pids) {
      if (parentOf(child) !== pid) {
        clearInterval(timer);
        gone(pid);
        return;
      }
      child = pid;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
