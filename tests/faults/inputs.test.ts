/**
 * Hostile input directories, through the real `laurel extract`: a symlink
 * to /dev/zero, a FIFO, symlink loops, a file with a NUL byte, an article
 * over the size limit, a 30 MB article. Each run must end within its bound
 * (the helper kills it and fails past it), name each bad file with its true
 * reason, extract the rest, and exit 1.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, envWith, requireBuild, run } from '../helpers/cli.js';

const SEED = join(ROOT, 'seeds/000_2ee2c595263c3633.txt');
/** One article takes a few seconds (jieba's dictionaries load first); a hang or a runaway walk would not end. */
const BOUND_MS = 90_000;
let dir: string;

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'laurel-faults-'));
  copyFileSync(SEED, join(dir, 'good.txt'));
  const text = readFileSync(SEED, 'utf8');
  writeFileSync(join(dir, 'nul.txt'), `${text.slice(0, 200)}\u0000${text.slice(200)}`);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  symlinkSync('.', join(dir, 'loop1'));
  symlinkSync('.', join(dir, 'loop2'));
  symlinkSync('cycle-b.txt', join(dir, 'cycle-a.txt'));
  symlinkSync('cycle-a.txt', join(dir, 'cycle-b.txt'));
});

describe('laurel extract on a hostile directory', () => {
  it('ends, reads the good files once each (the NUL dropped), and names every other with its reason', async () => {
    const started = Date.now();
    const r = await run(['extract', dir], envWith(), BOUND_MS);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: string; meta?: { source?: string }; entities: unknown[]; relations: unknown[] });
    // Through two links back to the directory, still each file once.
    expect(docs.map((d) => d.doc)).toEqual(['good', 'nul']);
    expect(docs.map((d) => d.meta?.source)).toEqual([join(dir, 'good.txt'), join(dir, 'nul.txt')]);
    // The NUL byte is dropped and the article reads as the same text (only its name and path differ).
    const bare = (d: (typeof docs)[number]) => ({ ...d, doc: '', meta: { ...d.meta, source: '' } });
    expect(bare(docs[1]!)).toEqual(bare(docs[0]!));
    for (const [name, reason] of [
      ['zero.txt', 'a character device, not a regular file'],
      ['pipe.txt', 'a FIFO (named pipe), not a regular file'],
      ['cycle-a.txt', 'too many levels of symbolic links (ELOOP): a symbolic link loop'],
      ['cycle-b.txt', 'too many levels of symbolic links (ELOOP): a symbolic link loop'],
    ] as const) {
      expect(r.stderr).toContain(`skipped ${join(dir, name)}: ${reason}`);
    }
    expect(r.stderr).toMatch(/4 file\(s\) failed/);
    expect(r.code).toBe(1);
  }, BOUND_MS + 10_000);

  it('refuses an article over LAUREL_MAX_ARTICLE_MB, naming it, its size and the limit, and a 30 MB one by default', async () => {
    const big = join(dir, 'big', 'huge.txt');
    execFileSync('mkdir', [join(dir, 'big')]);
    writeFileSync(big, '');
    truncateSync(big, 30 * 1024 * 1024); // 30 MB, never read: the size decides
    const small = join(dir, 'big', 'small.txt');
    copyFileSync(SEED, small);

    const byDefault = await run(['extract', big], envWith(), BOUND_MS);
    expect(byDefault.stderr).toContain(`skipped ${big}: too large: 30.0 MB; one article may be at most 4.0 MB (LAUREL_MAX_ARTICLE_MB sets the limit)`);
    expect(byDefault.code).toBe(1);

    const lowered = await run(['extract', small], envWith({ LAUREL_MAX_ARTICLE_MB: '0.001' }), BOUND_MS);
    expect(lowered.stderr).toMatch(new RegExp(`skipped ${small}: too large: [\\d.]+ KB; one article may be at most 1\\.0 KB \\(LAUREL_MAX_ARTICLE_MB sets the limit\\)`));
    expect(lowered.code).toBe(1);
  }, 2 * BOUND_MS + 10_000);
});
