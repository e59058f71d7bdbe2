/**
 * Walking input directories and reading files safely: symbolic-link loops,
 * devices, FIFOs and sockets, oversized files. Real files in a temporary
 * directory; each case must end (the walk and the reads are awaited under
 * vitest's timeout, so a hang fails the test).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleReadError, fsReason, readRegularFile, walkInputs } from '../../../src/extract/io/walk.js';

const TEXT = '本报讯 全国劳动模范、宁海精工机械有限公司高级技师钱文海日前受到表彰。';

let dir: string;
const server = createServer();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'laurel-walk-'));
  writeFileSync(join(dir, 'a.txt'), TEXT);
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.md'), TEXT);
  writeFileSync(join(dir, 'notes.csv'), 'x,y');
  // Two links back to the directory itself, one from below: each level would double the walk without a visited set.
  symlinkSync('.', join(dir, 'loop1'));
  symlinkSync('.', join(dir, 'loop2'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  // A link cycle (ELOOP), a link to a device, a FIFO and a socket, all named like articles.
  symlinkSync('cycle-b.txt', join(dir, 'cycle-a.txt'));
  symlinkSync('cycle-a.txt', join(dir, 'cycle-b.txt'));
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  await new Promise<void>((resolve) => server.listen(join(dir, 'socket.txt'), resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('walkInputs', () => {
  it('reads each real directory once, takes regular article files, and names the rest with the true reason', async () => {
    const { files, errors } = await walkInputs([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a.txt', 'sub/b.md']);
    const reasons = Object.fromEntries(errors.map((e) => [e.path.slice(dir.length + 1), e.reason]));
    expect(reasons).toEqual({
      'cycle-a.txt': expect.stringMatching(/ELOOP/),
      'cycle-b.txt': expect.stringMatching(/ELOOP/),
      'pipe.txt': 'a FIFO (named pipe), not a regular file',
      'socket.txt': 'a socket, not a regular file',
      'zero.txt': 'a character device, not a regular file',
    });
  });

  it('refuses a device or FIFO named explicitly, and reports a missing path', async () => {
    const { files, errors } = await walkInputs(['/dev/zero', join(dir, 'pipe.txt'), join(dir, 'missing.txt'), join(dir, 'a.txt')]);
    expect(files).toEqual([join(dir, 'a.txt')]);
    expect(errors.map((e) => e.reason)).toEqual([
      'a character device, not a regular file',
      'a FIFO (named pipe), not a regular file',
      'no such file or directory',
    ]);
  });

  it('takes the files a caller accepts', async () => {
    const { files } = await walkInputs([dir], { accept: (p) => p.endsWith('.csv') });
    expect(files).toEqual([join(dir, 'notes.csv')]);
  });
});

describe('readRegularFile', () => {
  it('reads a file within the limit', async () => {
    expect((await readRegularFile(join(dir, 'a.txt'), 1024)).toString('utf8')).toBe(TEXT);
  });

  it('refuses a larger file, naming its size, the limit and how to change it', async () => {
    const err = (await readRegularFile(join(dir, 'a.txt'), 40, 'LIMIT_VAR sets it').catch((e: unknown) => e)) as ArticleReadError;
    expect(err).toBeInstanceOf(ArticleReadError);
    expect(err.reason).toBe(`too large: ${Buffer.byteLength(TEXT)} bytes; one article may be at most 40 bytes (LIMIT_VAR sets it)`);
  });

  it.each([
    ['a FIFO', 'pipe.txt', 'a FIFO (named pipe), not a regular file'],
    ['a link to /dev/zero', 'zero.txt', 'a character device, not a regular file'],
    ['a link cycle', 'cycle-a.txt', expect.stringMatching(/ELOOP/)],
  ])('refuses %s without blocking', async (_, name, reason) => {
    const err = (await readRegularFile(join(dir, name), 1024).catch((e: unknown) => e)) as ArticleReadError;
    expect(err).toBeInstanceOf(ArticleReadError);
    expect(err.reason).toEqual(reason);
  });

  it('stops at the limit where the size on disk says nothing (/proc files claim 0 bytes)', async () => {
    const err = (await readRegularFile('/proc/self/maps', 16).catch((e: unknown) => e)) as ArticleReadError;
    expect(err.reason).toBe('too large: more than 16 bytes; one article may be at most 16 bytes');
  });
});

describe('fsReason', () => {
  it.each([
    ['EACCES', 'permission denied (EACCES)'],
    ['ELOOP', 'too many levels of symbolic links (ELOOP): a symbolic link loop'],
    ['ENOENT', 'no such file or directory'],
  ])('explains %s', (code, reason) => {
    expect(fsReason(Object.assign(new Error('x'), { code }))).toBe(reason);
  });
});
