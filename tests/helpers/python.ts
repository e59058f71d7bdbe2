/**
 * Python with NetworkX and pandas, the tools researchers read exports with.
 * Tried in order: $LAUREL_PYTHON, python3 on PATH, /usr/bin/python3 (where
 * Debian's python3-networkx and python3-pandas live). `.ci/run` installs the
 * two packages when none has them.
 */
import { execFile, spawnSync } from 'node:child_process';

const MODULES = ['networkx', 'pandas'];
let found: string | undefined;

export function python(): string {
  if (found) return found;
  const candidates = [process.env.LAUREL_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  const tried: string[] = [];
  for (const c of candidates) {
    const r = spawnSync(c, ['-c', `import ${MODULES.join(', ')}`], { encoding: 'utf8' });
    if (r.status === 0) return (found = c);
    tried.push(`${c}: ${r.error ? r.error.message : (r.stderr.trim().split('\n').at(-1) ?? `exit ${r.status}`)}`);
  }
  throw new Error(
    `no Python with ${MODULES.join(' and ')} to read the exports back (python3 -m pip install networkx pandas, ` +
      `or apt-get install python3-networkx python3-pandas; .ci/run does this). Tried:\n  ${tried.join('\n  ')}`,
  );
}

/** Runs a Python script with arguments and parses the JSON it prints. */
export function runPython<T = any>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(python(), ['-c', script, ...args], { maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`python failed: ${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as T);
    });
  });
}
