/**
 * Extraction throughput: `npm run bench:extract [-- --mb 20 --threads 2]`.
 *
 * Builds a corpus of at least --mb megabytes (UTF-8) from the seed articles
 * (copies under bench/out/corpus), then extracts it twice: in this process on
 * one core, and with the worker pool. Start-up (jieba's dictionary, the
 * lexicons) is measured apart from steady throughput. Both runs do the same
 * work per file: read and decode it, extract, serialise the SPEC JSON line. Progress goes to
 * stderr; the results table to stdout and bench/out/extract.json.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readArticle } from '../src/extract/io/read-article.js';
import { toSpecJson } from '../src/extract/contract.js';
import { extractArticle } from '../src/extract/pipeline.js';
import { createExtractPool } from '../src/extract/pool.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' },
    threads: { type: 'string', default: String(Math.min(2, availableParallelism())) },
  },
});
const targetBytes = Number(values.mb) * 1e6;
const threads = Number(values.threads);
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

async function single(files: string[]): Promise<{ startup: number; seconds: number; failed: number }> {
  const t0 = performance.now();
  extractArticle({ id: 'warm', text: '全国劳动模范、某某有限公司工程师张三出席会议。', meta: {} });
  const startup = (performance.now() - t0) / 1000;
  let failed = 0;
  const t1 = performance.now();
  for (const [i, path] of files.entries()) {
    try {
      // The same work as a pool worker does: read, extract, serialise the SPEC line.
      JSON.stringify(toSpecJson(extractArticle(await readArticle(path))));
    } catch {
      failed++;
    }
    if (i % 200 === 0) log(`single: ${i}/${files.length}`);
  }
  return { startup, seconds: (performance.now() - t1) / 1000, failed };
}

async function pooled(files: string[]): Promise<{ startup: number; seconds: number; failed: number }> {
  const pool = createExtractPool(threads);
  const t0 = performance.now();
  await pool.warm();
  const startup = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let done = 0;
  let failed = 0;
  await Promise.all(
    files.map(async (path) => {
      const r = await pool.run({ path, spec: true });
      if (!r.ok) failed++;
      if (++done % 200 === 0) log(`pool: ${done}/${files.length}`);
    }),
  );
  const seconds = (performance.now() - t1) / 1000;
  await pool.close();
  return { startup, seconds, failed };
}

log(`building a corpus of ${values.mb} MB from the seeds`);
const corpus = buildCorpus();
log(`${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.chars} characters; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const one = await single(corpus.files);
const rssSingle = peakRssMb();
const many = await pooled(corpus.files);
const rssPool = peakRssMb();

const row = (name: string, r: { startup: number; seconds: number }, rss: number) => ({
  run: name,
  'start-up s': r.startup.toFixed(1),
  'seconds': r.seconds.toFixed(1),
  'MB/s': (corpus.bytes / 1e6 / r.seconds).toFixed(2),
  'chars/s': Math.round(corpus.chars / r.seconds),
  'peak RSS MB': rss,
});
const rows = [row('single process, 1 core', one, rssSingle), row(`worker pool, ${threads} threads`, many, rssPool)];
const speedup = one.seconds / many.seconds;
console.table(rows);
console.log(`pool speed-up: ${speedup.toFixed(2)}x on ${cpus().length} cores; failed files: ${one.failed + many.failed}`);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'extract.json'),
  JSON.stringify({ date: new Date().toISOString(), corpus: { files: corpus.files.length, bytes: corpus.bytes, chars: corpus.chars }, rows, speedup, loadavg: loadavg() }, null, 2),
);
rmSync(corpusDir, { recursive: true, force: true });
