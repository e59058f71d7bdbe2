import { describe, expect, it } from 'vitest';
import { bylineMedia, datelineMedia, knownMedia, mediaName, sourceLineMedia } from '../../../../src/extract/recognise/bodies/media.js';
import { tokenIndex } from '../../../../src/extract/text.js';
import { analysed, prepared } from '../../../helpers/doc.js';

const names = (found: { name: string }[]) => found.map((m) => m.name);

describe('news media', () => {
  it('mediaName: a name ending like a medium, not a generic word', () => {
    expect(mediaName('江州网')).toBe(true);
    expect(mediaName('九江在线')).toBe(true);
    expect(mediaName('本报')).toBe(false);
    expect(mediaName('新闻网')).toBe(false);
    expect(mediaName('江州市')).toBe(false);
  });

  it('knownMedia: national media as whole words only', () => {
    const d = prepared('来自人民网、新华网的记者参加。中国网络安全周同期举行，中国网民也关注。');
    expect(names(knownMedia(d, tokenIndex(d)))).toEqual(['人民网', '新华网']);
  });

  it('sourceLineMedia: each medium of a source line, not what follows it', () => {
    const d = prepared('劳模表彰大会召开\n来源：江州网-《九江日报》  作者：王立\n正文。\n稿源:江州云 编辑:李明');
    expect(names(sourceLineMedia(d))).toEqual(['江州网', '九江日报', '江州云']);
  });

  it('sourceLineMedia: an empty source line names nothing', () => {
    expect(names(sourceLineMedia(prepared('标题\n来源: 阅读次数:889 时间:2017-04-28')))).toEqual([]);
  });

  it('datelineMedia: a line opening with a medium, its place or date after it', () => {
    const d = prepared('标题\n江州网九江4月28日电 (记者王立)今天上午举行大会。\n江州日报讯 近日，大会召开。\n九江在线5月3日讯 据悉。');
    expect(names(datelineMedia(d))).toEqual(['江州网', '江州日报', '九江在线']);
  });

  it('bylineMedia: a medium that signs a report or is cited, not 本报', () => {
    const d = prepared('4月26日，九江晚报记者从市总工会获悉。(江州网驻京记者 王立)据江州商报消息，本报记者李明报道。');
    expect(names(bylineMedia(d))).toEqual(['九江晚报', '江州网', '江州商报']);
  });

  it('newspapers are named by their ending, whatever comes before it', () => {
    const e = analysed('民族日报 2018-04-27\n版权均属九江晚报所有。').entities.map((x) => `${x.type}:${x.name}`);
    expect(e).toEqual(expect.arrayContaining(['Organization:民族日报', 'Organization:九江晚报']));
    expect(e.some((x) => x.includes('版权'))).toBe(false);
  });

  it('a medium and its news service are one body', () => {
    const e = analysed('稿源:江州云 编辑:李明\n江州云新闻讯:近日，大会召开。').entities.filter((x) => x.name.startsWith('江州云'));
    expect(e.map((x) => `${x.name}[${x.aliases.join(',')}]`)).toEqual(['江州云[江州云新闻]']);
  });
});
