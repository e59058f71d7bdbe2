/**
 * A small bash wrapper between Laurel and a JVM it starts. It runs the
 * command in the background and kills it (then deletes the instance folder)
 * when told to with SIGTERM, or by itself as soon as the parent process is
 * gone, including when the parent was killed with SIGKILL and had no chance
 * to clean up. Parent death is seen by polling once a second: `kill -0` on
 * the parent's pid, plus (on Linux) our own parent pid changing, which also
 * covers a dead parent left as an unreaped zombie. If the command dies
 * first, the watchdog exits at once with EXIT_COMMAND_DIED, keeping the
 * folder (its logs say why), so that the parent learns of it.
 *
 * The kill is SIGKILL on purpose: the instance's data is thrown away with
 * its folder, so there is nothing to flush, and Neo4j's graceful shutdown
 * spends ~10 s waiting out Bolt's network threads.
 */
import { spawn, type ChildProcess } from 'node:child_process';

// No `set -e`/`set -u`: the watchdog must never exit early and leave the JVM running.
export const WATCHDOG_SCRIPT = `
parent=$1 home=$2 console=$3 pidfile=$4
shift 4
"$@" >>"$console" 2>&1 </dev/null &
child=$!
echo "$child" >"$pidfile"
finish() {
  trap - TERM INT HUP
  kill -KILL "$child" 2>/dev/null
  wait "$child" 2>/dev/null
  rm -rf -- "$home"
  exit 0
}
trap finish TERM INT HUP
parent_alive() {
  kill -0 "$parent" 2>/dev/null || return 1
  if [ -r "/proc/$$/stat" ]; then
    local stat rest
    read -r stat <"/proc/$$/stat"
    rest=\${stat##*") "}
    set -- $rest
    [ "\${2:-}" = "$parent" ] || return 1
  fi
  return 0
}
while parent_alive; do
  kill -0 "$child" 2>/dev/null || exit 3
  sleep 1 & wait $!
done
finish
`;

/** The watchdog's exit code when the command it runs died by itself. */
export const EXIT_COMMAND_DIED = 3;

export interface WatchdogOptions {
  /** The process whose death stops the command (normally process.pid). */
  parentPid: number;
  /** Deleted after the command has stopped. */
  home: string;
  /** The command's stdout and stderr are appended here. */
  consoleLog: string;
  /** The command's pid is written here once it runs. */
  pidFile: string;
  command: string[];
}

/**
 * Starts the watchdog. It does not keep the parent's event loop alive: a
 * parent that simply exits takes its server down with it.
 */
export function startWatchdog(o: WatchdogOptions): ChildProcess {
  const child = spawn(
    'bash',
    ['-c', WATCHDOG_SCRIPT, 'laurel-watchdog', String(o.parentPid), o.home, o.consoleLog, o.pidFile, ...o.command],
    { stdio: 'ignore' },
  );
  child.unref();
  return child;
}

/** Asks the watchdog to stop the command; resolves once it has (or after `timeoutMs`, killing harder). */
export async function stopWatchdog(child: ChildProcess, commandPid: number | undefined, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.ref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    if (commandPid) killQuietly(commandPid, 'SIGKILL');
    child.kill('SIGKILL');
    await exited;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
