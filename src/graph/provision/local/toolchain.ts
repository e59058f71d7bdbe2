/**
 * The machine's Java and Maven, checked before anything is downloaded or
 * started, so a missing or old tool is named instead of failing later.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** Neo4j 5.26 runs on Java 17 or 21. */
export const MIN_JAVA = 17;

export type Check = { ok: true; detail: string } | { ok: false; reason: string };

export function javaBinary(javaHome: string | undefined): string {
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/**
 * The major version in `java -version` output: `version "17.0.15"` → 17,
 * `version "1.8.0_402"` → 8, `version "21"` → 21.
 */
export function parseJavaMajor(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

interface Ran {
  code: number | null;
  out: string;
  error?: NodeJS.ErrnoException;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const err = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
      resolve({
        code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
        out: `${stdout}${stderr}`,
        error: err && typeof err.code === 'string' ? err : undefined,
      });
    });
  });
}

export async function checkJava(javaHome: string | undefined): Promise<Check> {
  const bin = javaBinary(javaHome);
  const where = javaHome ? `${bin} (from JAVA_HOME)` : '`java` on PATH';
  const r = await run(bin, ['-version'], 20_000);
  if (r.error?.code === 'ENOENT') {
    return { ok: false, reason: `Java not found: no ${where}; install a JDK ${MIN_JAVA} or newer (e.g. openjdk-17-jre-headless)` };
  }
  const major = parseJavaMajor(r.out);
  if (r.code !== 0 || major === undefined) {
    return { ok: false, reason: `${where} did not report a version (${r.out.trim().split('\n')[0] ?? 'no output'})` };
  }
  if (major < MIN_JAVA) {
    return { ok: false, reason: `Java ${major} is too old (${where}); Neo4j 5.26 needs Java ${MIN_JAVA} or newer` };
  }
  return { ok: true, detail: `Java ${major}` };
}

export async function checkMaven(): Promise<Check> {
  const r = await run('mvn', ['-v', '-B'], 30_000);
  if (r.error?.code === 'ENOENT') {
    return { ok: false, reason: 'Maven not found: no `mvn` on PATH; install Apache Maven 3.6.3 or newer' };
  }
  const m = /Apache Maven (\d+\.\d+\.\d+)/.exec(r.out);
  if (r.code !== 0 || !m) {
    return { ok: false, reason: `\`mvn -v\` failed (${r.out.trim().split('\n')[0] ?? 'no output'})` };
  }
  return { ok: true, detail: `Maven ${m[1]}` };
}
