/**
 * Neo4j Community as plain jars from Maven Central, resolved by the machine's
 * Maven into the per-user cache, once per version.
 *
 * A download is written into a temporary folder and renamed into place only
 * when complete (with a marker file), so an interrupted download is never
 * mistaken for a usable cache, and two processes resolving at once do not
 * trip over each other.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isAlive } from './watchdog.js';

/** The newest Neo4j Browser published on Maven Central; it serves /browser/ from the server's HTTP port. */
export const NEO4J_BROWSER_VERSION = '5.24.0';
/** Pinned so every Maven resolves the same way (Maven 3.8 would otherwise pick the old 2.8). */
export const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const MARKER = 'laurel-complete.json';

export interface Distribution {
  version: string;
  /** Folder holding every jar; the class path is `${libDir}/*`. */
  libDir: string;
  jars: number;
  bytes: number;
}

export function distributionRoot(cacheDir: string): string {
  return join(cacheDir, 'neo4j');
}

export function renderPom(version: string, browserVersion = NEO4J_BROWSER_VERSION): string {
  const dep = (g: string, a: string, v: string) =>
    `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Written by Laurel: the jars of a Neo4j Community server, resolved by Maven. -->',
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    `  <groupId>laurel</groupId><artifactId>neo4j-runtime</artifactId><version>${version}</version>`,
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dep('org.neo4j', 'neo4j', version),
    dep('org.neo4j.app', 'neo4j-server', version),
    dep('org.neo4j.client', 'neo4j-browser', browserVersion),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

const UNIT: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/**
 * Bytes of one finished transfer in Maven's batch output, e.g.
 * `Downloaded from central: https://…/x.jar (1.2 MB at 3.4 MB/s)`.
 */
export function parseMavenDownload(line: string): number | undefined {
  const m = /^(?:\[INFO\] )?Downloaded from [^:]+: \S+ \((\d+(?:\.\d+)?) (B|kB|KB|MB|GB)/.exec(line);
  return m ? Math.round(Number(m[1]) * (UNIT[m[2]!] ?? 1)) : undefined;
}

export function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(0)} MB` : `${(n / 1e3).toFixed(0)} kB`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readComplete(dir: string): Promise<Distribution | undefined> {
  try {
    const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Distribution;
    return { ...marker, libDir: join(dir, 'lib') };
  } catch {
    return undefined;
  }
}

/** The cached distribution for this version, if a complete one is there. */
export async function cachedDistribution(cacheDir: string, version: string): Promise<Distribution | undefined> {
  return readComplete(join(distributionRoot(cacheDir), version));
}

async function measureJars(libDir: string): Promise<{ jars: number; bytes: number }> {
  const names = (await readdir(libDir)).filter((n) => n.endsWith('.jar'));
  let bytes = 0;
  for (const n of names) bytes += (await stat(join(libDir, n))).size;
  return { jars: names.length, bytes };
}

const OWNER = 'owner.pid';

/**
 * Interrupted downloads leave `.download-*` folders. One whose owner process
 * is gone, or (without an owner file) an hour-old one, is not in progress.
 */
export async function sweepStaleDownloads(root: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith('.download-')) continue;
    const dir = join(root, name);
    const owner = Number(await readFile(join(dir, OWNER), 'utf8').catch(() => ''));
    const s = await stat(dir).catch(() => undefined);
    const stale = owner ? !isAlive(owner) : !!s && Date.now() - s.mtimeMs > 3_600_000;
    if (stale) await rm(dir, { recursive: true, force: true });
  }
}

function tailLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/**
 * The jars for `version`, from the cache or resolved now with `mvn`.
 * Progress goes to `log`; Maven's own output to a log file in the cache.
 */
export async function ensureDistribution(
  cacheDir: string,
  version: string,
  log: (msg: string) => void,
): Promise<Distribution> {
  const root = distributionRoot(cacheDir);
  const finalDir = join(root, version);
  const cached = await readComplete(finalDir);
  if (cached) return cached;

  await mkdir(root, { recursive: true });
  await sweepStaleDownloads(root);
  const tmp = await mkdtemp(join(root, `.download-${version}-`));
  const mavenLog = join(root, `maven-${version}.log`);
  const started = Date.now();
  log(
    `resolving Neo4j Community ${version} + Browser ${NEO4J_BROWSER_VERSION} from Maven Central into ${finalDir} ` +
      `(about 140 MB, once per version; Maven's log: ${mavenLog})`,
  );
  try {
    await writeFile(join(tmp, OWNER), `${process.pid}\n`);
    await writeFile(join(tmp, 'pom.xml'), renderPom(version));
    await runMaven(tmp, mavenLog, log);
    const { jars, bytes } = await measureJars(join(tmp, 'lib'));
    if (!jars) throw new Error(`Maven finished but copied no jars; see ${mavenLog}`);
    const dist: Distribution = { version, libDir: join(finalDir, 'lib'), jars, bytes };
    await writeFile(join(tmp, MARKER), `${JSON.stringify({ ...dist, resolvedAt: new Date().toISOString() }, null, 2)}\n`);
    // A folder without the marker is leftover junk; a complete one means another process won the race.
    const other = await readComplete(finalDir);
    if (other) {
      await rm(tmp, { recursive: true, force: true });
      return other;
    }
    if (await exists(finalDir)) await rm(finalDir, { recursive: true, force: true });
    try {
      await rename(tmp, finalDir);
    } catch (err) {
      const winner = await readComplete(finalDir);
      if (!winner) throw err;
      await rm(tmp, { recursive: true, force: true });
      return winner;
    }
    log(`Neo4j ${version}: ${jars} jars, ${formatBytes(bytes)}, resolved in ${Math.round((Date.now() - started) / 1000)} s`);
    return dist;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function runMaven(workDir: string, mavenLog: string, log: (msg: string) => void): Promise<void> {
  const out = createWriteStream(mavenLog);
  const child = spawn(
    'mvn',
    [
      '-B',
      '-f',
      join(workDir, 'pom.xml'),
      `${DEPENDENCY_PLUGIN}:copy-dependencies`,
      `-DoutputDirectory=${join(workDir, 'lib')}`,
      '-DincludeScope=runtime',
    ],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let files = 0;
  let bytes = 0;
  let lastReport = Date.now();
  let recent = '';
  const onLine = (line: string) => {
    out.write(`${line}\n`);
    recent = tailLines(`${recent}\n${line}`, 40);
    const n = parseMavenDownload(line);
    if (n === undefined) return;
    files++;
    bytes += n;
    if (Date.now() - lastReport > 2_000) {
      lastReport = Date.now();
      log(`downloading from Maven Central: ${files} files, ${formatBytes(bytes)} so far`);
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((r) => out.end(r));
  if (files) log(`downloaded ${files} files, ${formatBytes(bytes)} from Maven Central`);
  if (code !== 0) {
    // The first [ERROR] line says what failed; the rest is Maven's boilerplate.
    const cause = recent.split('\n').find((l) => /^\[ERROR\] \S/.test(l));
    throw new Error(`Maven could not resolve Neo4j (exit ${code}); see ${mavenLog}${cause ? `\n${cause}` : ''}`);
  }
}
