import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ArticleReadError, decodeText, listArticleFiles, readArticle } from '../../../src/extract/io/read-article.js';

const TEXT = '本报讯（记者 林晓东）全国劳动模范、宁海精工机械有限公司高级技师钱文海日前受到表彰。';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['GB18030', iconv.encode(TEXT, 'gb18030')],
    ['GBK', iconv.encode(TEXT, 'gbk')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16-be')])],
    ['UTF-16LE without BOM', iconv.encode(`${TEXT} 2025 ABC`, 'utf16le')],
  ])('reads %s', (_, bytes) => {
    expect(decodeText(bytes).text.replace(' 2025 ABC', '')).toBe(TEXT);
  });

  it('reads Big5 (traditional characters) as Big5, not as GB18030', () => {
    const traditional = '全國勞動模範、香港鐵路維修有限公司高級技術員陳志強獲頒獎章，這是對他多年來堅守崗位的肯定。';
    expect(decodeText(iconv.encode(traditional, 'big5')).text).toBe(traditional);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['white space only', Buffer.from('  \n\t\n'), /empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
    ['text with no Chinese', Buffer.from('just an English note\n'), /no Chinese text/],
  ])('rejects %s with a reason', (_, bytes, reason) => {
    expect(() => decodeText(bytes)).toThrow(reason);
  });

  it.each([
    ['a NUL byte', '\u0000'],
    ['a BEL and an ESC', '\u0007\u001b'],
  ])('removes %s stray in good text and reads the rest', (_, stray) => {
    const bytes = Buffer.from(`${TEXT.slice(0, 10)}${stray}${TEXT.slice(10)}`, 'utf8');
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'UTF-8' });
  });

  it('still refuses binary with text in it', () => {
    const binary = Buffer.concat([Buffer.from(TEXT, 'utf8'), Buffer.from(Array.from({ length: 200 }, (_, i) => i % 32))]);
    expect(() => decodeText(binary)).toThrow(/binary/);
  });
});

describe('readArticle and listArticleFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laurel-read-'));
  writeFileSync(join(dir, 'a.txt'), TEXT);
  writeFileSync(join(dir, 'a.meta.json'), JSON.stringify({ newspaper: '测试日报', date: '2024-04-28', place: '浙江省宁波市' }));
  writeFileSync(join(dir, 'b.md'), `# 标题\n\n${TEXT}`);
  writeFileSync(join(dir, 'c.meta.json'), '{"date": "yesterday"}');
  writeFileSync(join(dir, 'c.txt'), TEXT);
  writeFileSync(join(dir, 'notes.csv'), 'x,y');

  it('takes the id from the file name and the metadata kept beside it', async () => {
    const a = await readArticle(join(dir, 'a.txt'));
    expect(a).toMatchObject({ id: 'a', text: TEXT, encoding: 'UTF-8', meta: { newspaper: '测试日报', date: '2024-04-28', place: '浙江省宁波市' } });
  });

  it('names the file and the field when the metadata is wrong', async () => {
    const err = await readArticle(join(dir, 'c.txt')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArticleReadError);
    expect((err as ArticleReadError).reason).toMatch(/c\.meta\.json.*date/);
  });

  it('lists *.txt and *.md recursively, sorted, and reports missing paths instead of throwing', async () => {
    const { files, errors } = await listArticleFiles([dir, join(dir, 'missing.txt')]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a.txt', 'b.md', 'c.txt']);
    expect(errors.map((e) => e.reason)).toEqual(['no such file or directory']);
  });

  it('refuses an article over the size limit, naming the file, its size and the limit', async () => {
    const err = (await readArticle(join(dir, 'a.txt'), { maxBytes: 50, limitHint: 'LAUREL_MAX_ARTICLE_MB sets the limit' }).catch((e: unknown) => e)) as ArticleReadError;
    expect(err).toBeInstanceOf(ArticleReadError);
    expect(err.message).toBe(`${join(dir, 'a.txt')}: too large: ${Buffer.byteLength(TEXT)} bytes; one article may be at most 50 bytes (LAUREL_MAX_ARTICLE_MB sets the limit)`);
  });
});
