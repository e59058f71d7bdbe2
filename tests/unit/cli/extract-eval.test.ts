/**
 * `laurel extract` and `laurel eval` as a user runs them (the built command,
 * no database): one bad file never stops a batch, and the report names it.
 */
import { mkdtempSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { envWith, requireBuild, run } from '../../helpers/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seed = join(root, 'seeds/000_2ee2c595263c3633.txt');
let dir: string;

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'laurel-batch-'));
  copyFileSync(seed, join(dir, 'good.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'latin.txt'), iconv.encode('Résumé of a meeting, no Chinese at all.', 'latin1'));
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode('本报讯 全国劳动模范、宁海精工机械有限公司高级技师钱文海出席会议。', 'gbk'));
});

describe('laurel extract', () => {
  it('prints one JSON line per good file, names each bad file with its reason, and exits 1', async () => {
    const r = await run(['extract', dir], envWith());
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: string; entities: { name: string }[] });
    expect(lines.map((l) => l.doc)).toEqual(['gbk', 'good']);
    expect(lines[0]!.entities.map((e) => e.name)).toContain('钱文海');
    expect(r.stderr).toMatch(/binary\.txt: binary file/);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    // Not UTF-8, and no Chinese encoding decodes it: named as undecodable.
    expect(r.stderr).toMatch(/latin\.txt: (cannot decode|no Chinese text found)/);
    expect(r.stderr).toMatch(/3 file\(s\) failed/);
    expect(r.code).toBe(1);
  });

  it('gives the same lines with a worker pool', async () => {
    const one = await run(['extract', dir], envWith());
    const pool = await run(['extract', '--jobs', '2', dir], envWith());
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.code).toBe(1);
  });

  it('refuses a bad --jobs with a clear message', async () => {
    const r = await run(['extract', '--jobs', 'zero', dir], envWith());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--jobs/);
  });
});

describe('laurel eval', () => {
  it('scores against gold files and lists the misses with --errors', async () => {
    const gold = join(dir, 'gold');
    await import('node:fs').then((fs) => fs.mkdirSync(gold, { recursive: true }));
    writeFileSync(
      join(gold, 'gbk.json'),
      JSON.stringify({
        doc: 'gbk',
        entities: [
          { type: 'Person', name: '钱文海' },
          { type: 'Title', name: '全国劳动模范' },
          { type: 'Company', name: '宁海精工机械有限公司' },
          { type: 'Person', name: '不存在的人' },
        ],
        relations: [{ type: 'HOLDS_TITLE', from: '钱文海', to: '全国劳动模范' }],
      }),
    );
    const r = await run(['eval', '--gold', gold, join(dir, 'gbk.txt'), '--errors'], envWith());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/missed entity\tPerson\t不存在的人/);
    expect(r.stdout).toMatch(/entities\s+4\s+\d+\s+3/);
    expect(r.stdout).toMatch(/HOLDS_TITLE\s+1\s+1\s+1\s+100\.0\s+100\.0\s+100\.0/);
  });
});
