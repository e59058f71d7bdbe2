/**
 * Extraction throughput: `npm run bench:extract [-- --mb 20 --threads 2]`.
 *
 * Builds a corpus of at least --mb megabytes (UTF-8) from the seed articles
 * (copies under bench/out/corpus), then extracts it twice: in this process on
 * one core, and with the worker pool. Start-up (jieba's dictionary, the
 * lexicons) and warm-up (each thread first extracts --warmup-mb of the
 * corpus, untimed, so V8 has compiled the hot code) are measured apart from
 * steady throughput over the whole corpus; the table also gives MB/s with the
 * warm-up counted. Both runs do the same work per file: read and decode it,
 * extract, serialise the SPEC JSON line. Besides wall-clock MB/s the table
 * gives MB per CPU-second of the process (the work itself, whatever else the
 * machine runs) and, on Linux, the share of the machine's CPU time the
 * hypervisor stole during the run: on a shared VM, steal slows the
 * wall-clock figures and not the CPU ones. Progress goes to stderr; the
 * results table to stdout and bench/out/extract.json.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFiles } from '../src/extract/batch.js';
import { toSpecJson } from '../src/extract/contract.js';
import { extractArticle } from '../src/extract/pipeline.js';
import { createExtractPool } from '../src/extract/pool.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' },
    threads: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    /** Megabytes each thread extracts, untimed, before the measured run, so V8 has compiled the hot code. */
    'warmup-mb': { type: 'string', default: '1' },
  },
});
const targetBytes = Number(values.mb) * 1e6;
const threads = Number(values.threads);
const warmupBytes = Number(values['warmup-mb']) * 1e6;
const log = (s: string) => process.stderr.write(`bench:extract: ${s}\n`);

const seedsDir = new URL('../seeds/', import.meta.url).pathname;
const outDir = new URL('./out/', import.meta.url).pathname;
const corpusDir = join(outDir, 'corpus');

function buildCorpus(): { files: string[]; bytes: number; chars: number } {
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const texts = seeds.map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  const files: string[] = [];
  let bytes = 0;
  let chars = 0;
  for (let round = 0; bytes < targetBytes; round++) {
    texts.forEach((text, i) => {
      const path = join(corpusDir, `${String(round).padStart(4, '0')}-${seeds[i]}`);
      writeFileSync(path, text);
      files.push(path);
      bytes += statSync(path).size;
      chars += text.length;
    });
  }
  return { files, bytes, chars };
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The first files of the corpus, about `bytes` of them, repeated to fill it if the corpus is smaller. */
function warmupFiles(files: string[], bytes: number): string[] {
  const out: string[] = [];
  for (let total = 0, i = 0; total < bytes; i++) {
    const path = files[i % files.length]!;
    out.push(path);
    total += statSync(path).size;
  }
  return out;
}

interface Run {
  /** Loading jieba's dictionaries and the lexicons. */
  startup: number;
  /** Extracting the warm-up files, not part of `seconds`. */
  warmup: number;
  seconds: number;
  /** CPU time of the process (every thread) during `seconds`. */
  cpuSeconds: number;
  /** Share of the machine's CPU time stolen by the hypervisor during `seconds`, if known. */
  steal?: number;
  failed: number;
}

/** The machine's CPU time so far, total and stolen, from /proc/stat (Linux); undefined elsewhere. */
function machineTicks(): { total: number; steal: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** Times the measured part of a run: wall clock, the process's CPU time, the machine's steal. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number; steal?: number }> {
  const m0 = machineTicks();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const m1 = machineTicks();
  const steal = m0 && m1 && m1.total > m0.total ? (m1.steal - m0.steal) / (m1.total - m0.total) : undefined;
  return { result, seconds, cpuSeconds: (c.user + c.system) / 1e6, steal };
}

async function single(files: string[]): Promise<Run> {
  const t0 = performance.now();
  extractArticle({ id: 'warm', text: '全国劳动模范、某某有限公司工程师张三出席会议。', meta: {} });
  const startup = (performance.now() - t0) / 1000;
  // As `laurel extract` does in one thread, and the same work as a pool
  // worker does: read, extract, serialise the SPEC line.
  const run = async (paths: string[]) => {
    let failed = 0;
    for await (const item of extractFiles(paths, ({ done }) => done % 200 === 0 && log(`single: ${done}/${paths.length}`))) {
      if (item.ok) JSON.stringify(toSpecJson(item.extraction));
      else failed++;
    }
    return failed;
  };
  const t1 = performance.now();
  await run(warmupFiles(files, warmupBytes));
  const warmup = (performance.now() - t1) / 1000;
  const { result: failed, ...times } = await measured(() => run(files));
  return { startup, warmup, ...times, failed };
}

async function pooled(files: string[]): Promise<Run> {
  const pool = createExtractPool(threads);
  const t0 = performance.now();
  await pool.warm();
  const startup = (performance.now() - t0) / 1000;
  // Every thread compiles its own code: as many warm-up files as threads times one's share.
  const t1 = performance.now();
  await Promise.all(warmupFiles(files, warmupBytes * threads).map((path) => pool.run({ path, spec: true })));
  const warmup = (performance.now() - t1) / 1000;
  let done = 0;
  let failed = 0;
  const times = await measured(() =>
    Promise.all(
      files.map(async (path) => {
        const r = await pool.run({ path, spec: true });
        if (!r.ok) failed++;
        if (++done % 200 === 0) log(`pool: ${done}/${files.length}`);
      }),
    ),
  );
  await pool.close();
  return { startup, warmup, seconds: times.seconds, cpuSeconds: times.cpuSeconds, steal: times.steal, failed };
}

log(`building a corpus of ${values.mb} MB from the seeds`);
const corpus = buildCorpus();
log(`${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.chars} characters; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const one = await single(corpus.files);
const rssSingle = peakRssMb();
const many = await pooled(corpus.files);
const rssPool = peakRssMb();

const row = (name: string, r: Run, rss: number) => ({
  run: name,
  'start-up s': r.startup.toFixed(1),
  'warm-up s': r.warmup.toFixed(1),
  'seconds': r.seconds.toFixed(1),
  'MB/s': (corpus.bytes / 1e6 / r.seconds).toFixed(2),
  'chars/s': Math.round(corpus.chars / r.seconds),
  'MB/s with warm-up': (corpus.bytes / 1e6 / (r.seconds + r.warmup)).toFixed(2),
  'MB per CPU-s': (corpus.bytes / 1e6 / r.cpuSeconds).toFixed(2),
  'steal %': r.steal === undefined ? 'n/a' : (100 * r.steal).toFixed(1),
  'peak RSS MB': rss,
});
const rows = [row('single process, 1 core', one, rssSingle), row(`worker pool, ${threads} threads`, many, rssPool)];
const speedup = one.seconds / many.seconds;
const speedupWithWarmup = (one.seconds + one.warmup) / (many.seconds + many.warmup);
console.table(rows);
console.log(
  `pool speed-up: ${speedup.toFixed(2)}x on ${cpus().length} cores (${speedupWithWarmup.toFixed(2)}x with warm-up); failed files: ${one.failed + many.failed}`,
);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'extract.json'),
  JSON.stringify({ date: new Date().toISOString(), corpus: { files: corpus.files.length, bytes: corpus.bytes, chars: corpus.chars }, rows, speedup, speedupWithWarmup, loadavg: loadavg() }, null, 2),
);
rmSync(corpusDir, { recursive: true, force: true });
